/**
 * How a canary release reads on the canvas: the traffic split between the stable and the
 * canary agent, the stage badge and the verdict, as text (never colour alone).
 */
import type { CanaryView } from './loadLabView';

export type CanaryRole = 'stable' | 'canary';
export type VerdictTone = 'neutral' | 'ok' | 'warn' | 'danger';

export interface CanaryVerdict {
  text: string;
  tone: VerdictTone;
  glyph: string;
  /** Why it rolled back: the failed stage's first reason. */
  reason?: string;
}

const VERDICTS: Record<CanaryView['state'], Omit<CanaryVerdict, 'reason'>> = {
  pending: { text: 'waiting for the first stage', tone: 'neutral', glyph: '◌' },
  running: { text: 'running', tone: 'neutral', glyph: '▶' },
  judging: { text: 'judging', tone: 'neutral', glyph: '⚖' },
  promoted: { text: 'promoted', tone: 'ok', glyph: '✓' },
  'rolling-back': { text: 'rolling back', tone: 'danger', glyph: '↺' },
  draining: { text: 'draining', tone: 'warn', glyph: '◐' },
  'rolled-back': { text: 'rolled back', tone: 'danger', glyph: '✕' },
};

/** Share of the stable agent's traffic each side gets now, in whole percent. */
export function canaryWeights(view: CanaryView): Record<CanaryRole, number> {
  const canary = Math.min(100, Math.max(0, Math.round(view.weight)));
  return { stable: 100 - canary, canary };
}

/** "stage 2/4 · 25 %" (the canary's share); before the first stage "stage 0/4 · 0 %". */
export function canaryStageText(view: CanaryView): string {
  return `stage ${view.stage}/${view.stages} · ${canaryWeights(view).canary} %`;
}

export function canaryVerdict(view: CanaryView): CanaryVerdict {
  const failed = view.verdicts.find((v) => !v.passed);
  const rollingBack = view.state === 'rolling-back' || view.state === 'draining' || view.state === 'rolled-back';
  const reason = rollingBack ? failed?.reasons[0] : undefined;
  return reason === undefined ? VERDICTS[view.state] : { ...VERDICTS[view.state], reason };
}

/** Whether an agent is the release's stable or canary side. */
export function canaryRole(view: CanaryView | undefined, agent: string): CanaryRole | undefined {
  if (!view) return undefined;
  if (agent === view.stable) return 'stable';
  if (agent === view.canary) return 'canary';
  return undefined;
}

/** The half of the split a link carries: a link from a client to the stable or the canary agent. */
export function splitRoleOfLink(
  view: CanaryView | undefined,
  ends: { a: string; b: string },
  isClient: (name: string) => boolean,
): CanaryRole | undefined {
  if (!view) return undefined;
  const towards = isClient(ends.a) ? ends.b : isClient(ends.b) ? ends.a : undefined;
  return towards === undefined ? undefined : canaryRole(view, towards);
}

/** "canary 25 %", the text on a split link and beside an agent. */
export function splitText(view: CanaryView, role: CanaryRole): string {
  return `${role} ${canaryWeights(view)[role]} %`;
}
