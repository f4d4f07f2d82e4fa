// BENCHMARKS.md as `bench.mjs report --write` keeps it: the command, machine and budgets, like a
// phone, transfer, first score, input → painted, criterion, and the raw JSON.
import { budgetCells, BUDGET_HEAD, budgets } from './budgets.mjs';
import { mdTable, ms, ns } from './format.mjs';
import { busy } from './machine.mjs';
import { KEY_SLIDER } from './phone.mjs';
import {
  FIRST_HEAD, firstRows, FV_HEAD, firstViewRows, INPUT_HEAD, inputRows, KEY_HEAD, keyRows, LH_HEAD,
  lighthouseRows, TRANSFER_HEAD, transferRows,
} from './text.mjs';
import { SLIDER, VALUES } from './timing.mjs';

const keyLoads = (kp) => ['app', 'peer'].flatMap((n) => [4, 1].map((r) => kp[n][`x${r}`] && `${n} ${r}× ${kp[n][`x${r}`].loadavg.join(' → ')}`)).filter(Boolean).join('; ');

function phoneMarkdown(page) {
  const parts = [];
  if (page.lighthouse) {
    const lh = page.lighthouse;
    parts.push(`## Like a phone: Lighthouse

\`lighthouse URL --form-factor=mobile --throttling-method=simulate\` (Lighthouse ${lh.app.version}, Debian's
Chromium, TOOLCHAIN.md's flags; simulated slow 4G and a 4× slower CPU), ${lh.app.runs.length} run${lh.app.runs.length === 1 ? '' : 's'} of each page
taken in turn, each page served gzipped by \`scripts/gzip-server.mjs\` (every file compressed
once, \`Content-Encoding: gzip\`, \`Vary\`). The median of each figure; load average
${lh.loadavg.join(' → ')}.${lh.app.a11yFailing.length ? ` Accessibility audits the app fails: ${lh.app.a11yFailing.map((x) => `\`${x}\``).join(', ')}.` : ''}${lh.peer.a11yFailing.length ? ` The peer fails: ${lh.peer.a11yFailing.map((x) => `\`${x}\``).join(', ')}.` : ''}

${mdTable(LH_HEAD, lighthouseRows(lh))}`);
  }
  if (page.keypress) {
    const kp = page.keypress;
    parts.push(`## Like a phone: key press → DOM

The range input \`${kp.slider}\` focused, then ${kp.presses} presses of ArrowRight and ArrowLeft in turn
(Playwright's keyboard, two quiet frames between presses), the CPU slowed through CDP
\`Emulation.setCPUThrottlingRate {rate: 4}\` and then as is. Each press is timed from the key
event's \`timeStamp\` (so time it waited for a busy main thread counts; "from our keydown
listener" leaves that out) to the first DOM change of the page in response (a
\`MutationObserver\` on the whole document: text, nodes, attributes). Load average:
${keyLoads(kp)}.

${mdTable(KEY_HEAD, keyRows(kp))}`);
  }
  if (page.firstView) {
    parts.push(`## What the first view needs

One cold load of each page from the gzip server, in a fresh context. "First view": every
response sent until the first score is on screen and the \`${KEY_SLIDER}\` slider answers a key
press (the number box follows it). Then the page is left idle (network idle + 1 s) and each
other view tab opened in turn: what comes then is "loaded later", with what asked for it.
Bytes as sent (gzip level 9 for compressible types).

${mdTable(FV_HEAD, firstViewRows(page.firstView))}`);
  }
  return parts.join('\n\n');
}

export function markdown({ page, crit, mach, command, loads }) {
  const b = budgets(page);
  const critPart = crit
    ? (crit.length
      ? mdTable(['benchmark (`crates/servicescore/benches/core.rs`)', 'median', '95 % CI of the median'], crit.map((c) => [c.name, ns(c.median_ns), `${ns(c.median_lo_ns)} – ${ns(c.median_hi_ns)}`]))
      : '_criterion wrote no results in this run._')
    : '_skipped (`--quick`)._';
  const input = page.input.filter((i) => !i.skipped);
  return `# Benchmarks

The last results of \`scripts/bench\` (written by it: do not edit by hand; run it again).
Times are measured inside the page with \`performance.now()\` (0.1 ms resolution in Chromium
without cross-origin isolation); the machine is shared, so the load average is given with
the numbers. 1 KB = 1000 bytes.

- **Command:** \`${command}\`
- **Date:** ${page.date}
- **Machine:** ${mach.cores} cores, ${mach.cpu}, ${mach.memory} memory, ${mach.os}
- **Tools:** ${mach.rustc}; ${mach.trunk ?? 'trunk ?'}; ${mach.chromium} (headless, playwright-core); Node ${mach.node}
- **Load average** (1/5/15 min): ${page.loadavg.start} at the start, ${page.loadavg.end} after the page benchmark${loads.criterion ? `, ${loads.criterion} after criterion` : ''}${busy(page, mach) ? `

> **The machine was busy** (a 1-minute load average above its ${mach.cores} cores during the page benchmark): other work competed for the CPU, so the times below are pessimistic. Run \`scripts/bench\` again on a quiet machine before drawing conclusions from a miss.` : ''}

## Budgets

${mdTable(BUDGET_HEAD, b.map(budgetCells))}

The peer page (\`scripts/bench-peer/\`, not shipped) is the same score view written by hand in
plain JavaScript (8 sliders and number boxes, score, stars, dimensions; 1 HTML, 1 CSS and
1 JS file), served the same way and measured in the same run: what the model costs without a
framework or WebAssembly. The budgets apply to the app.

${phoneMarkdown(page)}

## Transfer: every response of one page load

Recorded with Playwright's \`page.on('response')\` while the page loads (until the score shows
and the network is idle); gzip sizes are zlib level 9 of each body. The page makes
${page.transfer.browserRequests} requests; the static server served ${page.transfer.serverRequests}.

${mdTable(TRANSFER_HEAD, transferRows(page.transfer))}

## First score on screen

${page.firstScore.loads} cold loads, a fresh browser context each (no cache). An init script's
MutationObserver notes \`performance.now()\` when \`[data-testid="overall-score"]\` first reads
/^\\d\\.\\d\\d$/ (“in the DOM”, it read ${page.firstScore.text}); “painted” is the task after the next
animation frame.

${mdTable(FIRST_HEAD, firstRows(page.firstScore))}

## Input → painted

Viewport 1280 × ${input[0]?.viewport?.height ?? 2400}, every chart of the view in it. For each of
${input[0]?.inputs ?? '—'} inputs on \`input[type=range][data-metric="${SLIDER}"]\` (alternating
${VALUES.join(' / ')}, two quiet frames between inputs): t0 just before \`.value\` is set and
\`input\` dispatched; then our \`requestAnimationFrame\` callback (registered before the input, so
it opens the next frame and the charts draw after it) and a MessageChannel task from it, which
runs when that frame is done (t1). After each input the page must show the expected result
(the score from the JS oracle of \`tests/e2e/lib.mjs\`; other views: what it showed the first time
for that value), so a page that does not update cannot look fast.

**work** (the budget) = t1 − t0 minus the time the page sat idle waiting for the display's next
frame (from the end of the input's tasks to the start of the frame): what the input costs.
**incl. wait for vsync** = t1 − t0 as is; headless Chromium paints at 60 Hz, so it carries up
to 16.7 ms of waiting that depends only on when the input arrives (an empty frame measured the
same way: p50 ${ms(page.emptyFrame.p50)}).

${mdTable(INPUT_HEAD, inputRows(page.input))}

${input.map((i) => `- ${i.view}: ${i.check}; wrong results: ${i.wrong} of ${i.inputs}; score not yet updated when the input's tasks were done: ${i.staleAtIdle} of ${i.inputs}; load average ${i.loadavg.join(' → ')}`).join('\n')}

## Core (native, criterion)

\`cargo bench -p servicescore --bench core\` (bench profile: opt-level 3); medians from
\`target/criterion/*/new/estimates.json\`.

${critPart}

## Raw results

<details><summary>JSON</summary>

\`\`\`json
${JSON.stringify({ page, criterion: crit, machine: mach }, null, 2)}
\`\`\`

</details>
`;
}
