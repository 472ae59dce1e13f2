import type { ExecutorPhase, ExecutorProgress } from './types';

/** Progress by time between `startAt` and `endsAt`, or by `done` of `total` iterations when a total is given. */
export function progressOf(
  phase: ExecutorPhase,
  nowMs: number,
  startAt: number,
  endsAt: number,
  iterations?: { done: number; total: number },
): ExecutorProgress {
  const span = endsAt - startAt;
  const elapsedMs = Math.max(0, Math.min(nowMs, endsAt) - startAt);
  const byTime = span > 0 ? elapsedMs / span : 1;
  const share = iterations ? iterations.done / Math.max(1, iterations.total) : byTime;
  if (phase === 'done') return { phase, fraction: 1, timeLeftMs: 0, elapsedMs };
  return { phase, fraction: Math.min(1, share), timeLeftMs: Math.max(0, endsAt - Math.max(nowMs, startAt)), elapsedMs };
}
