import { useWorkbench } from '../../store/WorkbenchContext';
import { canaryStageText, canaryVerdict, canaryWeights, type CanaryRole } from './canaryDisplay';
import { loadCanary, type CanaryView } from './loadLabView';

const BRANCH_Y: Record<CanaryRole, number> = { stable: 14, canary: 46 };

/**
 * The split as a fork: traffic from the clients divides into the stable and the canary
 * branch, each as thick as its share. Drawn here as well as on the links, because a
 * simulated run's agents are not on the canvas.
 */
function SplitFork({ view }: { view: CanaryView }) {
  const weights = canaryWeights(view);
  const agents: Record<CanaryRole, string> = { stable: view.stable, canary: view.canary };
  const roles: CanaryRole[] = ['stable', 'canary'];
  const name = `Traffic split: ${roles.map((r) => `${r} ${agents[r]} ${weights[r]} %`).join(', ')}`;
  return (
    <svg className="canary-fork" viewBox="0 0 260 60" role="img" aria-label={name}>
      <text x="0" y="34" className="canary-fork-from">
        clients
      </text>
      {roles.map((role) => (
        <g key={role} className={`canary-branch canary-branch-${role}`} data-weight={weights[role]}>
          <path d={`M48,30 C72,30 72,${BRANCH_Y[role]} 96,${BRANCH_Y[role]}`} strokeWidth={1 + (weights[role] / 100) * 7} fill="none" />
          <text x="102" y={BRANCH_Y[role] + 4}>
            {agents[role]} · {role} {weights[role]} %
          </text>
        </g>
      ))}
    </svg>
  );
}

/** The canary release of the running (or last) load run: split, stage and verdict, in words as well as drawn. */
export function CanaryPanel() {
  const view = useWorkbench(loadCanary);
  if (!view) return null;
  const verdict = canaryVerdict(view);
  return (
    <section className="canary-panel" aria-label="Canary release">
      <h2 className="canary-panel-title">Canary release</h2>
      <SplitFork view={view} />
      <p className="canary-stage" role="status" aria-label="Canary stage">
        {canaryStageText(view)}
      </p>
      <p className={`canary-verdict tone-${verdict.tone}`} role="status" aria-label="Canary verdict" data-state={view.state}>
        <span aria-hidden="true">{verdict.glyph}</span> {verdict.text}
      </p>
      {verdict.reason && <p className="canary-reason">{verdict.reason}</p>}
    </section>
  );
}
