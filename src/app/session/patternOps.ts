/** The pattern gallery's side of the session: the loaded scenario and its runs. */
import { loadScenarios, scenarioToWorkspace, type LoadedScenarios, type Scenario, type Workspace } from '../../workspace';
import { runScenario } from '../../workspace/session/runScenario';
import { errorText } from '../errors';
import { savedContracts } from './captureWorkspace';
import { scenarioPort } from './scenarioPort';
import type { SessionContext, WorkspaceSession } from './sessionTypes';

type PatternOps = Pick<WorkspaceSession, 'scenarios' | 'loadScenario' | 'runLoaded'>;

export function patternOps(ctx: SessionContext): PatternOps {
  const { session, store } = ctx;
  const set = session.setState;
  let scenarioRuns = 0;
  let cached: LoadedScenarios | null = null;

  /** A pattern replaces the canvas, not the labs: the saved experiments, loads and contracts stay. */
  const asWorkspace = (s: Scenario): Workspace => {
    const ws: Workspace = { ...scenarioToWorkspace(s), name: session.getState().current?.name ?? s.title };
    const experiments = Object.values(store.getState().experiments);
    const loads = Object.values(store.getState().savedLoads);
    if (experiments.length > 0) ws.experiments = experiments;
    if (loads.length > 0) ws.loads = loads;
    const contracts = savedContracts(store.getState().contracts);
    if (contracts) ws.contracts = contracts;
    return ws;
  };

  const scenarios = () => (cached ??= loadScenarios({ knownKinds: new Set(store.getState().kinds.map((k) => k.kind)) }));

  const loadScenario = (s: Scenario) =>
    ctx.busy(async () => {
      scenarioRuns = 0;
      set({ scenario: s, run: { status: 'idle' } });
      await ctx.restore(asWorkspace(s), 'pattern');
      await ctx.saveNow();
    });

  const runLoaded = async () => {
    const s = session.getState().scenario;
    if (!s || session.getState().run.status === 'running') return;
    set({ run: { status: 'running', startedAt: performance.now() } });
    try {
      // Agents keep state between runs: a second run starts from a fresh deployment.
      if (scenarioRuns++ > 0) await ctx.restore(asWorkspace(s), 'pattern');
      set({ run: { status: 'running', startedAt: performance.now() } });
      const verdict = await runScenario(scenarioPort(store, ctx.actions), s);
      set({ run: { status: verdict.status, verdict } });
    } catch (error) {
      set({ run: { status: 'failed', verdict: { status: 'failed', report: null, why: errorText(error) } } });
    }
  };

  return { scenarios, loadScenario, runLoaded };
}
