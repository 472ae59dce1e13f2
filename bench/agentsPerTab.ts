/**
 * Deploy N echo agents into the Node workbench and ask each once: the host side of the
 * "agents live in one tab" figure (the browser figure: e2e/perf/agents-1000.perf.ts).
 * Usage: npx tsx bench/agentsPerTab.ts [agents=1000] [liveInstances=96] [workers=4]
 */
import { createNodeWorkbench } from '../src/hosts/node/createNodeWorkbench';

const n = Number(process.argv[2] ?? 1000);
const liveInstances = Number(process.argv[3] ?? 96);
const workers = Number(process.argv[4] ?? 4);
const wb = await createNodeWorkbench({ kinds: ['echo'], workers, liveInstances, logLimit: 1000 });
await wb.command({ type: 'agent.deploy', spec: { name: 'warm', kind: 'echo' } });
while ((await wb.snapshot()).agents.find((a) => a.name === 'warm')?.status !== 'running') await new Promise((r) => setTimeout(r, 5));
const names = Array.from({ length: n }, (_, i) => `e${i}`);
const t0 = performance.now();
await Promise.all(names.map((name) => wb.command({ type: 'agent.deploy', spec: { name, kind: 'echo' } })));
const commandsMs = performance.now() - t0;
for (;;) {
  const s = await wb.snapshot();
  if (s.agents.filter((a) => a.status === 'running' || a.status === 'failed').length >= n + 1) break;
  await new Promise((r) => setTimeout(r, 5));
}
const deployMs = performance.now() - t0;
const t1 = performance.now();
const replies = await Promise.all(names.map((name, i) => wb.request({ performative: 'request', receiver: name, content: i }, 30_000)));
const answerMs = performance.now() - t1;
const answered = replies.filter((r, i) => r.content === i).length;
const stats = await wb.host.stats();
console.log(
  JSON.stringify({
    agents: n,
    liveInstances,
    workers,
    commandsMs: Math.round(commandsMs),
    deployMs: Math.round(deployMs),
    answered,
    answerMs: Math.round(answerMs),
    live: stats.live,
    passivations: stats.passivations,
    activations: stats.activations,
  }),
);
await wb.dispose();
