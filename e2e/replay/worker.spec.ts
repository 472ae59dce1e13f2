import { expect, test } from '../fixtures';

/**
 * The kernel worker's live tape and replay, through the real worker API (`?debug`): Record,
 * three requests to a wasm echo, Stop; the recording replays with no divergence in a fresh
 * simulation and against the live agents.
 */
interface LabDebug {
  command(command: unknown): Promise<void>;
  request(draft: unknown, timeoutMs: number): Promise<{ performative: string }>;
  recording: {
    tapeStatus(): Promise<{ recording: boolean; inputs: number; budget: number }>;
    startRecording(): Promise<{ recording: boolean; startIndex?: number }>;
    stopRecording(meta: { name: string; tags: string[] }): Promise<{
      header: { name: string; startIndex: number; clockMode: string; counts: { events: number }; modules: { kind: string }[] };
      tape: unknown[];
    }>;
    replayRecording(
      recording: unknown,
      request: { against: 'simulation' | 'live' },
    ): Promise<{ divergences: unknown[]; recorded: unknown[]; replayed: unknown[] }>;
  };
}

test('records the live kernel and replays the recording with no divergence', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?debug');
  await expect(page.getByRole('status').filter({ hasText: 'Kernel ready' })).toBeVisible({ timeout: 30_000 });
  const outcome = await page.evaluate(async () => {
    const { api } = (globalThis as unknown as { __orrery: { api: LabDebug } }).__orrery;
    await api.command({ type: 'agent.deploy', spec: { name: 'echo-1', kind: 'echo' } });
    const started = await api.recording.startRecording();
    const replies: string[] = [];
    for (let i = 0; i < 3; i++) {
      const reply = await api.request({ performative: 'request', receiver: 'echo-1', content: { n: i }, conversation_id: `c${i}` }, 10_000);
      replies.push(reply.performative);
    }
    const recording = await api.recording.stopRecording({ name: 'three echoes', tags: ['e2e'] });
    const status = await api.recording.tapeStatus();
    const simulation = await api.recording.replayRecording(recording, { against: 'simulation' });
    const live = await api.recording.replayRecording(recording, { against: 'live' });
    return {
      started,
      replies,
      header: recording.header,
      tape: recording.tape.length,
      status,
      simulation: {
        divergences: simulation.divergences.length,
        recorded: simulation.recorded.length,
        replayed: simulation.replayed.length,
      },
      live: { divergences: live.divergences.length, replayed: live.replayed.length },
      detail: JSON.stringify(live.divergences).slice(0, 3000),
    };
  });
  expect(outcome.replies).toEqual(['inform', 'inform', 'inform']);
  expect(outcome.started.recording).toBe(true);
  expect(outcome.header).toMatchObject({ name: 'three echoes', clockMode: 'live', startIndex: outcome.started.startIndex });
  expect(outcome.header.modules.map((m) => m.kind)).toEqual(['echo']);
  expect(outcome.header.counts.events).toBeGreaterThan(0);
  expect(outcome.status).toMatchObject({ recording: false, budget: 500_000 });
  expect(outcome.status.inputs).toBeGreaterThanOrEqual(outcome.tape);
  expect(outcome.simulation).toEqual({ divergences: 0, recorded: 3, replayed: 3 });
  expect(outcome.live, outcome.detail).toEqual({ divergences: 0, replayed: 3 });
});
