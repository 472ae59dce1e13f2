/**
 * A canary release as a pure state machine: no clock (the run's elapsed ms come in), no
 * randomness of its own (route draws from the rng it is given).
 *
 *   pending ─startTime─▶ running (stage n: weight %) ─stage over─▶ judged
 *     judged, too few requests ─▶ judging (the stage holds, same weight) until minRequests,
 *       or maxHold has passed: then the stage fails (a canary that cannot be judged is not promoted)
 *     passed ─▶ the next stage, or promoted after the last (onSuccess: all traffic, or the last split kept)
 *     failed ─▶ rolling-back (weight 0 at once) ─next tick─▶ draining while the canary still
 *       holds requests, up to drainTimeout ─▶ agent.stop ─▶ rolled-back
 *
 * Stage numbers in the view and the verdicts count from 1 (0 while pending).
 */
import type { Command, Rng } from '../../../kernel/types';
import type { LoadCanary } from '../experiment/types';
import type { CanaryView } from '../run/types';
import type { SummaryAnnotation } from '../summary/buildSummary';
import { judgeStage } from './judgeStage';
import { VersionStats } from './versionStats';

export type CanaryState = CanaryView['state'];
export type CanaryVerdict = CanaryView['verdicts'][number];

const seconds = (ms: number) => `${+(ms / 1000).toFixed(3)} s`;

export class CanaryRelease {
  private state: CanaryState = 'pending';
  private stage = -1;
  private stageStartMs = 0;
  private weightNow = 0;
  private canaryStage = new VersionStats();
  private stableStage = new VersionStats();
  private readonly stableAll = new VersionStats();
  private readonly verdicts: CanaryVerdict[] = [];
  private readonly marks: SummaryAnnotation[] = [];
  private openMark: SummaryAnnotation | undefined;
  private drainStartMs = 0;

  constructor(readonly config: LoadCanary) {}

  get weight(): number {
    return this.weightNow;
  }

  /** true while the canary is being taken down: the run must go on until it is stopped. */
  busy(): boolean {
    return this.state === 'rolling-back' || this.state === 'draining';
  }

  /** Where a message addressed to `receiver` goes: the stable agent's messages split by the weight, every other as addressed. */
  route(receiver: string, rng: Rng): string {
    if (receiver !== this.config.stable || this.weightNow <= 0) return receiver;
    if (this.weightNow >= 100) return this.config.canary.name;
    return rng.next() * 100 < this.weightNow ? this.config.canary.name : receiver;
  }

  /** A finished request to `agent`: counts for the stage being judged (the canary's) or for the comparison (the stable's). */
  observe(agent: string, ok: boolean, latencyMs?: number): void {
    if (agent === this.config.stable) {
      this.stableAll.record(ok, latencyMs);
      this.stableStage.record(ok, latencyMs);
    } else if (agent === this.config.canary.name && (this.state === 'running' || this.state === 'judging')) {
      this.canaryStage.record(ok, latencyMs);
    }
  }

  /** Brings the release to `atMs`; `canaryInFlight`: requests the canary has not answered yet. Returns the commands to apply now. */
  advance(atMs: number, canaryInFlight: number): Command[] {
    switch (this.state) {
      case 'pending':
        if (atMs >= this.config.startTimeMs) this.startStage(0, atMs);
        return [];
      case 'running':
      case 'judging':
        this.judgeIfDue(atMs);
        return [];
      case 'rolling-back':
      case 'draining':
        return this.drain(atMs, canaryInFlight);
      default:
        return [];
    }
  }

  annotations(): SummaryAnnotation[] {
    return this.marks.map((m) => ({ ...m }));
  }

  view(): CanaryView {
    return {
      stable: this.config.stable,
      canary: this.config.canary.name,
      stage: this.stage + 1,
      stages: this.config.stages.length,
      weight: this.weightNow,
      state: this.state,
      verdicts: this.verdicts.map((v) => ({ ...v, reasons: [...v.reasons], canary: { ...v.canary }, stable: { ...v.stable } })),
    };
  }

  private startStage(index: number, atMs: number): void {
    const { weight, durationMs } = this.config.stages[index]!;
    this.stage = index;
    this.state = 'running';
    this.stageStartMs = atMs;
    this.weightNow = weight;
    this.canaryStage = new VersionStats();
    this.stableStage = new VersionStats();
    this.openMark = {
      startMs: atMs,
      label: `canary stage ${index + 1}/${this.config.stages.length}: ${weight} % for ${seconds(durationMs)}`,
    };
    this.marks.push(this.openMark);
  }

  private judgeIfDue(atMs: number): void {
    const { judge, stages } = this.config;
    const endsAt = this.stageStartMs + stages[this.stage]!.durationMs;
    if (atMs < endsAt) return;
    const requests = this.canaryStage.count;
    if (requests < judge.minRequests && atMs < endsAt + judge.maxHoldMs) {
      this.state = 'judging';
      return;
    }
    const canary = this.canaryStage.figures();
    const judged =
      requests >= judge.minRequests
        ? judgeStage(judge, canary, this.stableStage.figures(), this.stableAll.figures())
        : {
            passed: false,
            reasons: [`too few requests to judge: ${requests} of ${judge.minRequests} after holding ${seconds(atMs - endsAt)}`],
            stable: this.stableStage.figures(),
          };
    const stage = this.stage + 1;
    this.verdicts.push({ stage, weight: this.weightNow, passed: judged.passed, reasons: judged.reasons, canary, stable: judged.stable });
    if (this.openMark) this.openMark.endMs = atMs;
    const why = judged.reasons.length > 0 ? `: ${judged.reasons.join('; ')}` : '';
    this.marks.push({ startMs: atMs, label: `canary stage ${stage} ${judged.passed ? 'passed' : 'failed'}${why}` });
    if (!judged.passed) this.rollBack(atMs);
    else if (this.stage + 1 < stages.length) this.startStage(this.stage + 1, atMs);
    else this.promote(atMs);
  }

  private promote(atMs: number): void {
    this.state = 'promoted';
    if (this.config.onSuccess === 'promote') this.weightNow = 100;
    const to = `${this.weightNow} % to ${this.config.canary.name}`;
    this.marks.push({ startMs: atMs, label: `canary promoted: ${to}` });
  }

  private rollBack(atMs: number): void {
    this.state = 'rolling-back';
    this.weightNow = 0;
    this.drainStartMs = atMs;
    this.openMark = { startMs: atMs, label: `canary rolling back: draining ${this.config.canary.name}` };
    this.marks.push(this.openMark);
  }

  private drain(atMs: number, inFlight: number): Command[] {
    const timedOut = atMs - this.drainStartMs >= this.config.drainTimeoutMs;
    if (inFlight > 0 && !timedOut) {
      this.state = 'draining';
      return [];
    }
    this.state = 'rolled-back';
    if (this.openMark) {
      this.openMark.endMs = atMs;
      this.openMark.label = `canary drained${inFlight > 0 ? `: drain timeout with ${inFlight} in flight` : ''}`;
    }
    this.marks.push({ startMs: atMs, label: `canary rolled back: ${this.config.canary.name} stopped` });
    return [{ type: 'agent.stop', name: this.config.canary.name }];
  }
}
