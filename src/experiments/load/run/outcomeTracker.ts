/**
 * Requests a load run awaits, settled from kernel events as they happen: the answer
 * delivered to the client (a reply, a kernel `failure`, a `not-understood`), a dead letter
 * of the request or of its answer, or the run's own deadline when nothing came. Each
 * settled request lands in a queue the runner drains; nothing is kept once settled.
 */
import type { KernelEvent } from '../../../kernel/types';
import type { AclMessage } from '../../../protocol/message';
import type { ErrorKind, RequestOutcome } from '../metrics/loadMetrics';
import { MinHeap } from './minHeap';

/** Tracked before it is sent: answers (and dead letters) the kernel emits while taking the send are caught. */
export interface PendingRequest {
  replyWith: string;
  scenario: string;
  vu: number;
  iter: number;
  client: string;
  agent: string;
  link: string | undefined;
  /** Shell time of the send. */
  sentAt: number;
  /** Run time (ms from the load's start) after which no answer counts: a timeout. */
  deadline: number;
  thinkMs: number;
  /** The iteration must be reported done as soon as it settles (closed-loop executors, no think time). */
  urgent: boolean;
}

export interface SettledRequest {
  request: PendingRequest;
  outcome: RequestOutcome;
  /** Shell time the outcome came (the deadline's run time for the runner's own timeouts: see `expire`). */
  at: number;
}

interface Answer {
  request: PendingRequest;
  message: AclMessage;
}

/** What an answer means: ok, or the error kind (a kernel failure's `reason` says which). */
export function classifyAnswer(message: Pick<AclMessage, 'performative' | 'content'>): ErrorKind | undefined {
  if (message.performative === 'not-understood') return 'not-understood';
  if (message.performative === 'refuse') return 'failure';
  if (message.performative !== 'failure') return undefined;
  const reason = (message.content as { reason?: unknown } | null)?.reason;
  if (reason === 'timeout') return 'timeout';
  if (reason === 'no-route' || reason === 'unknown-receiver') return 'no-route';
  if (reason === 'dropped') return 'dropped';
  return 'failure';
}

/** A dead letter of an answer on its way to the client: lost to a fault, unroutable, or dead-lettered for another reason (mailbox full...). */
export function deadLetterKind(reason: string): ErrorKind {
  if (reason === 'dropped') return 'dropped';
  if (reason === 'no-route' || reason === 'unknown-receiver') return 'no-route';
  return 'dead-lettered';
}

const pairKey = (client: string, replyWith: string): string => `${client}\u0000${replyWith}`;

const iterationKey = (scenario: string, vu: number): string => `${scenario}\u0000${vu}`;

export class OutcomeTracker {
  private readonly pending = new Map<string, PendingRequest>();
  private readonly byIteration = new Map<string, PendingRequest>();
  private readonly answers = new Map<string, Answer>();
  private readonly answerIds = new Map<PendingRequest, string[]>();
  private readonly deadlines = new MinHeap<{ at: number; request: PendingRequest }>();
  private readonly perAgent = new Map<string, number>();
  private settled: SettledRequest[] = [];
  private urgent = 0;

  track(request: PendingRequest): void {
    this.pending.set(pairKey(request.client, request.replyWith), request);
    this.byIteration.set(iterationKey(request.scenario, request.vu), request);
    this.perAgent.set(request.agent, (this.perAgent.get(request.agent) ?? 0) + 1);
    this.deadlines.push({ at: request.deadline, request });
  }

  onEvent(e: KernelEvent): void {
    if (e.type === 'message.sent') this.onAnswerSent(e.message);
    else if (e.type === 'message.delivered') this.onDelivered(e.messageId, e.to, e.t);
    else if (e.type === 'message.dead-lettered') this.onDeadLettered(e.message, e.reason, e.t);
  }

  /** Requests at their deadline (run time) with no answer: timeouts (the kernel's own timeout failure normally comes first). `t0`: the load's start in shell time. */
  expire(nowMs: number, t0: number): void {
    for (let next = this.deadlines.peek(); next && next.at <= nowMs; next = this.deadlines.peek()) {
      this.deadlines.pop();
      this.settle(next.request, { ok: false, kind: 'timeout' }, t0 + next.at);
    }
  }

  /** The iteration on (scenario, vu) was interrupted, or its send refused: its request no longer counts. */
  interrupt(scenario: string, vu: number): void {
    const request = this.byIteration.get(iterationKey(scenario, vu));
    if (request) this.forget(request);
  }

  /** Settled requests since the last call, in the order they settled. */
  drain(): SettledRequest[] {
    const out = this.settled;
    this.settled = [];
    this.urgent = 0;
    return out;
  }

  /** A settled request needs its iteration ended now (the shell's `advanceTo` wakes on it). */
  readonly hasUrgent = (): boolean => this.urgent > 0;

  nextDeadline(): number | undefined {
    while (this.deadlines.size > 0 && !this.isPending(this.deadlines.peek()!.request)) this.deadlines.pop();
    return this.deadlines.peek()?.at;
  }

  size(): number {
    return this.pending.size;
  }

  /** Requests awaiting an answer from `agent`. */
  readonly inFlight = (agent: string): number => this.perAgent.get(agent) ?? 0;

  private isPending(r: PendingRequest): boolean {
    return this.pending.get(pairKey(r.client, r.replyWith)) === r;
  }

  private forget(request: PendingRequest): boolean {
    if (!this.isPending(request)) return false;
    this.pending.delete(pairKey(request.client, request.replyWith));
    this.byIteration.delete(iterationKey(request.scenario, request.vu));
    for (const id of this.answerIds.get(request) ?? []) this.answers.delete(id);
    this.answerIds.delete(request);
    this.perAgent.set(request.agent, (this.perAgent.get(request.agent) ?? 1) - 1);
    return true;
  }

  private settle(request: PendingRequest, outcome: RequestOutcome, at: number): void {
    if (!this.forget(request)) return;
    if (request.urgent) this.urgent++;
    this.settled.push({ request, outcome, at });
  }

  private onAnswerSent(m: AclMessage): void {
    if (m.in_reply_to === undefined || typeof m.receiver !== 'string') return;
    const request = this.pending.get(pairKey(m.receiver, m.in_reply_to));
    if (!request) return;
    this.answers.set(m.id, { request, message: m });
    const ids = this.answerIds.get(request);
    if (ids) ids.push(m.id);
    else this.answerIds.set(request, [m.id]);
  }

  private onDelivered(messageId: string, to: string, t: number): void {
    const answer = this.answers.get(messageId);
    if (!answer || answer.request.client !== to) return;
    const kind = classifyAnswer(answer.message);
    const latencyMs = t - answer.request.sentAt;
    if (kind === undefined) this.settle(answer.request, { ok: true, latencyMs }, t);
    else this.settle(answer.request, kind === 'timeout' ? { ok: false, kind } : { ok: false, kind, latencyMs }, t);
  }

  private onDeadLettered(message: AclMessage, reason: string, t: number): void {
    const own = message.reply_with === undefined ? undefined : this.pending.get(pairKey(message.sender, message.reply_with));
    // The request itself: the kernel tells the client why with a failure (which settles it), except when a fault dropped it.
    if (own) {
      if (reason === 'dropped') this.settle(own, { ok: false, kind: 'dropped' }, t);
      return;
    }
    const answer = this.answers.get(message.id);
    if (answer) this.settle(answer.request, { ok: false, kind: deadLetterKind(reason) }, t);
  }
}
