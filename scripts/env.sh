# Sourced by the scripts (from the repository root): tool paths (npm's wasm-opt must come
# before Debian's /usr/bin one), and the heading every script prints before a step.
export PATH="$HOME/.cargo/bin:$(pwd)/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
