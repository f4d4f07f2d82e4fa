# Sourced by the scripts: tool paths (npm's wasm-opt must come before Debian's /usr/bin one).
export PATH="$HOME/.cargo/bin:$(pwd)/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
