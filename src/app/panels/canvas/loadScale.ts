/**
 * The colour scale of link load during a load run: four fixed steps of messages per second
 * (decades, so one scale reads the same for a handful of clients and for 10k msgs/s), each
 * with a legend label. Step 0 is "no load": the link looks as it does outside a run.
 */

export type LoadStep = 0 | 1 | 2 | 3 | 4;

/** Lower bounds (msgs/s, inclusive) of steps 2, 3 and 4; anything above 0 below the first is step 1. */
export const LOAD_STEP_BOUNDS = [10, 100, 1000] as const;

export interface LoadStepInfo {
  step: Exclude<LoadStep, 0>;
  /** What the step means, for the legend and the link's description. */
  label: string;
}

const [low, mid, high] = LOAD_STEP_BOUNDS.map((n) => n.toLocaleString('en-US'));

export const LOAD_STEPS: readonly LoadStepInfo[] = [
  { step: 1, label: `under ${low} msg/s` },
  { step: 2, label: `${low}–${mid} msg/s` },
  { step: 3, label: `${mid}–${high} msg/s` },
  { step: 4, label: `${high} msg/s and more` },
];

/** The step of a load in msgs/s: 0 for none (or not a number), else 1–4. */
export function loadStep(rate: number): LoadStep {
  if (!(rate > 0)) return 0;
  if (rate < LOAD_STEP_BOUNDS[0]) return 1;
  if (rate < LOAD_STEP_BOUNDS[1]) return 2;
  if (rate < LOAD_STEP_BOUNDS[2]) return 3;
  return 4;
}

/** "load 3 of 4: 100–1k msg/s", or "no load". */
export function loadStepText(step: LoadStep): string {
  if (step === 0) return 'no load';
  return `load ${step} of ${LOAD_STEPS.length}: ${LOAD_STEPS[step - 1]!.label}`;
}
