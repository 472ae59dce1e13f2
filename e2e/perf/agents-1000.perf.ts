/**
 * Agents live in one tab (DESIGN §6: 1,000 AssemblyScript echo agents, deployed in ≤ 3 s).
 *
 * A Chromium renderer process holds only ~124 WebAssembly memories at once, so this is
 * only possible with passivation (src/hosts/worker/startAgentWorker.ts): the agent workers
 * keep at most 96 instances live between them and make idle agents again on demand.
 *
 * Through the real API (`?debug` exposes it): deploy N echo agents (all commands sent at
 * once), time until every one is `running` in the kernel's snapshot, then send one request
 * to each (all at once) and check every reply. Prints one JSON line:
 * {"figure":"agents-per-tab","agents","deployMs","running","failed","answered","answerMs",...}.
 * The canvas is live (the UI draws every agent), as a person would have it.
 *
 * Run: `npx playwright test -c e2e/perf/playwright.perf.config.ts agents-1000`;
 * `ORRERY_AGENTS` (default 1000) sets N.
 */
import { expect, test, type Page } from '@playwright/test';

const AGENTS = Number(process.env.ORRERY_AGENTS ?? 1000);

interface BenchWindow {
  __orrery: {
    api: {
      command(c: unknown): Promise<void>;
      request(d: unknown, timeoutMs: number): Promise<{ performative: string; content: unknown }>;
      snapshot(): Promise<{ agents: { name: string; status: string }[] }>;
      hostStats(): Promise<{
        live: number;
        passivations: number;
        activations: number;
        workers: Array<{ peakLive: number; budget: number; memories: { created: number } }>;
      }>;
      subscribe(listener: (events: Array<{ type: string; agent?: string; status?: string }>) => void): Promise<() => void>;
    };
  };
}

async function run(page: Page, n: number) {
  return page.evaluate(async (n) => {
    const { api } = (window as unknown as BenchWindow).__orrery;
    const names = Array.from({ length: n }, (_, i) => `e${i}`);
    // Main-thread time lost to long tasks (the canvas drawing what arrives) while deploying.
    let longTaskMs = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTaskMs += e.duration;
    });
    observer.observe({ type: 'longtask', buffered: false });
    // When the last `running` status reaches this page through the event stream.
    let lastRunningEventMs = 0;
    let runningEvents = 0;
    const unsubscribe = await api.subscribe((events) => {
      for (const e of events) {
        if (e.type === 'agent.status' && e.status === 'running' && e.agent?.startsWith('e')) {
          runningEvents++;
          lastRunningEventMs = performance.now();
        }
      }
    });
    const t0 = performance.now();
    const deploys = names.map((name) => api.command({ type: 'agent.deploy', spec: { name, kind: 'echo' } }));
    await Promise.all(deploys);
    const commandsMs = performance.now() - t0;
    let running = 0;
    let failed = 0;
    const reasons = new Set<string>();
    for (;;) {
      const snap = await api.snapshot();
      const mine = snap.agents.filter((a) => a.name.startsWith('e'));
      running = mine.filter((a) => a.status === 'running').length;
      failed = mine.filter((a) => a.status === 'failed').length;
      if (running + failed >= n || performance.now() - t0 > 60_000) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const deployMs = performance.now() - t0;
    const eventsMs = lastRunningEventMs - t0;
    const deployLongTaskMs = longTaskMs;
    observer.disconnect();
    unsubscribe();

    const t1 = performance.now();
    const replies = await Promise.all(
      names.map((name, i) =>
        api
          .request({ performative: 'request', receiver: name, content: { i } }, 30_000)
          .catch((e: unknown) => ({ performative: 'error', content: String(e) })),
      ),
    );
    const answerMs = performance.now() - t1;
    let answered = 0;
    for (let i = 0; i < n; i++) {
      const r = replies[i]!;
      if (r.performative === 'inform' && JSON.stringify(r.content) === JSON.stringify({ i })) answered++;
      else if (reasons.size < 5) reasons.add(JSON.stringify(r).slice(0, 200));
    }
    const stats = await api.hostStats();
    const host = {
      workers: stats.workers.length,
      live: stats.live,
      passivations: stats.passivations,
      activations: stats.activations,
      peakLive: stats.workers.map((w) => `${w.peakLive}/${w.budget}`).join(' '),
      memoriesCreated: stats.workers.reduce((n, w) => n + w.memories.created, 0),
    };
    return {
      host,
      deployMs,
      commandsMs,
      eventsMs,
      runningEvents,
      deployLongTaskMs,
      running,
      failed,
      answered,
      answerMs,
      reasons: [...reasons],
    };
  }, n);
}

test(`${AGENTS} echo agents in one tab: deployed, and every one answers`, async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('worker', (w) => w.on('console', (m) => errors.push(`worker: ${m.text()}`)));
  await page.goto('/?debug');
  await expect(page.getByRole('status').filter({ hasText: 'Kernel ready' })).toBeVisible({ timeout: 30_000 });
  // Compile the echo kind before timing (the first spawn of a declared kind compiles it).
  await page.evaluate(async () => {
    const { api } = (window as unknown as BenchWindow).__orrery;
    await api.command({ type: 'agent.deploy', spec: { name: 'warm', kind: 'echo' } });
    const t = performance.now();
    for (;;) {
      const s = await api.snapshot();
      const warm = s.agents.find((a) => a.name === 'warm');
      if (warm?.status === 'running') break;
      if (performance.now() - t > 20_000) throw new Error(`the first echo agent did not start: ${JSON.stringify(warm)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await api.command({ type: 'node.remove', name: 'warm' });
  });
  const result = await run(page, AGENTS);
  console.log(
    JSON.stringify({
      figure: 'agents-per-tab',
      agents: AGENTS,
      ...result,
      deployMs: Math.round(result.deployMs),
      commandsMs: Math.round(result.commandsMs),
      eventsMs: Math.round(result.eventsMs),
      deployLongTaskMs: Math.round(result.deployLongTaskMs),
      answerMs: Math.round(result.answerMs),
      consoleErrors: errors.slice(0, 3),
    }),
  );
  expect(result.failed).toBe(0);
  expect(result.running).toBe(AGENTS);
  expect(result.answered).toBe(AGENTS);
});
