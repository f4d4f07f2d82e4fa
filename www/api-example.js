// The API example page's script (a file, so the page runs under `script-src 'self'`).
const api = await (await import('./servicescore-api.js')).load();
const input = document.getElementById('scenario');
const out = document.getElementById('result');
function run() {
  try {
    out.textContent = JSON.stringify(api.compute(JSON.parse(input.value)), null, 2);
  } catch (e) {
    // Text only: the message may quote what was typed.
    out.textContent = `Error: ${e.message}`;
  }
}
document.getElementById('compute').addEventListener('click', run);
run();
