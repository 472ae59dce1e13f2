/**
 * Canvas frame rate under load (DESIGN §6: ≥ 50 fps while 10k msgs/s flow, 200 agents).
 *
 * 100 requester → echo pairs, each pair linked on the canvas (200 agents, 100 links).
 * Every requester is configured for fire-and-forget bursts (`await: false`) of informs to
 * its echo, which takes them silently; the kernel worker's load driver (`startLoad`, open
 * loop, off the page's main thread) asks each requester for a burst a few times per
 * second through the real API (`?debug` exposes it), so every message is real:
 * routed by the kernel over a link and handled by a wasm agent in a worker. Frames are
 * counted with requestAnimationFrame over the measurement window.
 *
 * Prints one JSON line: {"fps" (dock on the Composer), "fpsLog" (dock on the Log), "idleFps"
 * (same page, no traffic), "agentsRunning", "msgsPerSecond", ...}. It passes whatever the
 * figures are (the bench compares them with the targets); it fails only when there is
 * nothing to measure. ORRERY_FPS_PROFILE=1 also prints the main thread's hottest functions.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const PAIRS = Number(process.env.ORRERY_FPS_PAIRS ?? 100);
const TARGET_RATE = Number(process.env.ORRERY_FPS_RATE ?? 10_000);
const WINDOW_MS = Number(process.env.ORRERY_FPS_WINDOW_MS ?? 5_000);
/** Messages per burst (one start request also produces the requester's report). */
const BURST = 48;

interface BenchWindow {
  __orrery: {
    api: {
      command(c: unknown): Promise<void>;
      send(d: unknown): Promise<{ ok: boolean; error?: string }>;
      snapshot(): Promise<{ agents: { name: string; status: string; counters: { delivered: number } }[] }>;
      hostStats(): Promise<{ passivations: number; activations: number }>;
      startLoad(spec: { targets: string[]; ratePerSecond: number; message: unknown }): Promise<void>;
      stopLoad(): Promise<{ due: number; sent: number; refused: number; elapsedMs: number }>;
    };
    store: { getState(): { reserve(name: string, at: { x: number; y: number }): void } };
  };
}

async function deploy(page: Page): Promise<void> {
  await page.evaluate(
    async ({ pairs, burst }) => {
      const { api, store } = (window as unknown as BenchWindow).__orrery;
      const columns = 20;
      for (let i = 0; i < pairs; i++) {
        const x = (i % columns) * 220;
        const y = Math.floor(i / columns) * 300;
        const requester = `load-${i}`;
        const echo = `echo-${i}`;
        store.getState().reserve(requester, { x, y });
        store.getState().reserve(echo, { x, y: y + 140 });
        await api.command({
          type: 'agent.deploy',
          spec: {
            name: requester,
            kind: 'requester',
            config: { to: echo, performative: 'inform', content: { n: i }, count: burst, await: false },
          },
        });
        await api.command({ type: 'agent.deploy', spec: { name: echo, kind: 'echo' } });
      }
      // Links once the nodes exist: a deploy may still be registering when its command returns.
      for (let i = 0; i < pairs; i++) {
        for (let attempt = 0; ; attempt++) {
          try {
            await api.command({ type: 'link.add', a: `load-${i}`, b: `echo-${i}` });
            break;
          } catch (error) {
            if (attempt >= 50) throw error;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      }
    },
    { pairs: PAIRS, burst: BURST },
  );
}

async function measureWindow(page: Page) {
  return page.evaluate(
    async ({ pairs, target, windowMs, burst }) => {
      const { api } = (window as unknown as BenchWindow).__orrery;
      // Only pairs whose two agents run carry traffic.
      const snap = await api.snapshot();
      const running = new Set(snap.agents.filter((a) => a.status === 'running').map((a) => a.name));
      const live: number[] = [];
      for (let i = 0; i < pairs; i++) if (running.has(`load-${i}`) && running.has(`echo-${i}`)) live.push(i);
      const delivered = async () => (await api.snapshot()).agents.reduce((n, a) => n + a.counters.delivered, 0);
      // Bursts per second so that bursts × (burst + 2) ≈ target, sent open loop by the
      // kernel worker's load driver (src/experiments/load): bursts are due by the clock, not
      // paced by the replies, and the page's main thread only draws.
      const startsPerSecond = target / (burst + 2);
      await api.startLoad({
        targets: live.map((i) => `load-${i}`),
        ratePerSecond: startsPerSecond,
        message: { performative: 'request', content: {} },
      });
      // Warm up: let the traffic and the canvas reach a steady state.
      await new Promise((r) => setTimeout(r, 2000));
      const before = await delivered();
      const statsBefore = await api.hostStats();
      const start = performance.now();
      let frames = 0;
      let worst = 0;
      let last = start;
      await new Promise<void>((resolve) => {
        const frame = (now: number) => {
          frames++;
          worst = Math.max(worst, now - last);
          last = now;
          if (now - start < windowMs) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      });
      const elapsed = performance.now() - start;
      const after = await delivered();
      const statsAfter = await api.hostStats();
      const load = await api.stopLoad();
      return {
        loadSent: load.sent,
        loadRefused: load.refused,
        fps: (frames * 1000) / elapsed,
        worstFrameMs: worst,
        msgsPerSecond: ((after - before) * 1000) / elapsed,
        seconds: elapsed / 1000,
        livePairs: live.length,
        // Agents released and made again under the live-instance budget, per second.
        activationsPerSecond: ((statsAfter.activations - statsBefore.activations) * 1000) / elapsed,
      };
    },
    { pairs: PAIRS, target: TARGET_RATE, windowMs: WINDOW_MS, burst: BURST },
  );
}

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

// ORRERY_FPS_TRACE=<file>: a Chromium trace of the window (open in chrome://tracing or
// Perfetto) to see raster, compositor and main-thread time side by side.
async function startProfiling(page: Page, cdp: Cdp | null): Promise<void> {
  const trace = process.env.ORRERY_FPS_TRACE;
  const browser = page.context().browser();
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  if (trace && browser)
    await browser.startTracing(page, {
      path: trace,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'cc', 'viz', 'benchmark', 'toplevel'],
    });
}

/** Stops the trace; prints the main thread's hottest functions (self time). */
async function stopProfiling(page: Page, cdp: Cdp | null): Promise<void> {
  const browser = page.context().browser();
  if (process.env.ORRERY_FPS_TRACE && browser) await browser.stopTracing();
  if (!cdp) return;
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
      samples: number[];
    };
  };
  // ORRERY_FPS_PROFILE=<file>.cpuprofile also keeps the profile (DevTools opens it).
  if (process.env.ORRERY_FPS_PROFILE!.endsWith('.cpuprofile')) writeFileSync(process.env.ORRERY_FPS_PROFILE!, JSON.stringify(profile));
  const self = new Map<number, number>();
  for (const id of profile.samples) self.set(id, (self.get(id) ?? 0) + 1);
  const byFn = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}:${f.columnNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const total = profile.samples.length;
  const top = [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [k, n] of top) console.log(`${((100 * n) / total).toFixed(1)}% ${k}`);
}

test('canvas frame rate with 200 agents and ~10k msgs/s', async ({ page }) => {
  if (process.env.ORRERY_FPS_REDUCED_MOTION) await page.emulateMedia({ reducedMotion: 'reduce' });
  const t0 = Date.now();
  await page.goto('/?debug');
  await expect(page.getByRole('status').filter({ hasText: 'Kernel ready' })).toBeVisible({ timeout: 30_000 });
  await deploy(page);
  // Wait until every agent has settled (running, or failed: see `failed` in the output).
  let settled: { running: number; failed: number; reasons: string[] } = { running: 0, failed: 0, reasons: [] };
  await expect
    .poll(
      async () => {
        settled = await page.evaluate(async () => {
          const { api, store } = (window as unknown as BenchWindow).__orrery;
          const s = await api.snapshot();
          const agents = (store.getState() as unknown as { agents: Record<string, { status: string; reason?: string }> }).agents;
          const reasons = [
            ...new Set(
              Object.values(agents)
                .filter((a) => a.status === 'failed')
                .map((a) => a.reason ?? ''),
            ),
          ];
          return {
            running: s.agents.filter((a) => a.status === 'running').length,
            failed: s.agents.filter((a) => a.status === 'failed').length,
            reasons,
          };
        });
        return settled.running + settled.failed;
      },
      { timeout: 120_000, intervals: [500] },
    )
    .toBe(PAIRS * 2)
    // Not all settled in time: measure with what runs (the bench reports the verdict).
    .catch(() => undefined);
  expect(settled.running, 'no agent runs: nothing to measure').toBeGreaterThan(1);
  const deployedInMs = Date.now() - t0;
  await page.getByRole('button', { name: 'Fit view' }).click();
  await page.waitForTimeout(500);

  const profiling = !!process.env.ORRERY_FPS_PROFILE;
  const cdp = profiling ? await page.context().newCDPSession(page) : null;
  // Baseline on this machine, same page, no traffic: the figure is only meaningful next to it.
  const idleFps = await page.evaluate(
    (windowMs) =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const start = performance.now();
        const frame = (now: number) => {
          frames++;
          if (now - start < windowMs) requestAnimationFrame(frame);
          else resolve((frames * 1000) / (now - start));
        };
        requestAnimationFrame(frame);
      }),
    Math.min(WINDOW_MS, 3000),
  );
  // The profile and trace cover the headline window (log hidden), or the log window with
  // ORRERY_FPS_PROFILE_WINDOW=log.
  const profileLog = process.env.ORRERY_FPS_PROFILE_WINDOW === 'log';
  const watched = async <T>(on: boolean, measure: () => Promise<T>): Promise<T> => {
    if (!on) return measure();
    await startProfiling(page, cdp);
    const out = await measure();
    await stopProfiling(page, cdp);
    return out;
  };
  const withLog = await watched(profileLog, () => measureWindow(page));
  // Under load the log shows a sample and says so (browser/stream).
  const sampledNote = page.getByRole('note', { name: /messages \(sampled\)/ });
  const logNote = (await sampledNote.count()) > 0 ? await sampledNote.getAttribute('aria-label') : null;
  // The same again with the dock on the Composer: the canvas alone against the live log.
  await page.getByRole('tab', { name: 'Composer' }).click();
  await page.waitForTimeout(300);
  const result = await watched(!profileLog, () => measureWindow(page));
  const nodes = await page.locator('.react-flow__node').count();
  const edges = await page.locator('.react-flow__edge').count();
  await page.screenshot({ path: test.info().outputPath('canvas-under-load.png') });
  const line = {
    figure: 'canvas-fps',
    // Dock on the Composer: the canvas with the log hidden (the figure DESIGN §6 names).
    fps: Math.round(result.fps * 10) / 10,
    // Dock on the Log: the canvas and the live log together.
    fpsLog: Math.round(withLog.fps * 10) / 10,
    idleFps: Math.round(idleFps * 10) / 10,
    agentsRunning: settled.running,
    msgsPerSecond: Math.round(result.msgsPerSecond),
    msgsPerSecondLog: Math.round(withLog.msgsPerSecond),
    loadStartsSent: result.loadSent,
    loadStartsRefused: result.loadRefused,
    worstFrameMs: Math.round(result.worstFrameMs),
    activationsPerSecond: Math.round(result.activationsPerSecond),
    worstFrameMsLog: Math.round(withLog.worstFrameMs),
    logNote,
    agents: PAIRS * 2,
    failed: settled.failed,
    failedBecause: settled.reasons,
    trafficPairs: result.livePairs,
    links: PAIRS,
    renderedNodes: nodes,
    renderedEdges: edges,
    seconds: Math.round(result.seconds * 10) / 10,
    deployedInMs,
  };
  console.log(JSON.stringify(line));
  test.info().annotations.push({ type: 'canvas-fps', description: JSON.stringify(line) });
});
