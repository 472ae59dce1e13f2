/**
 * Plays a scenario's `run` messages and judges the outcome from the event stream: the
 * last report `expect.from` sends to whoever started the run (see agents/patterns/README).
 * Agents have no timers, so a run ends when the report matches and nothing follows it
 * for a moment, or at the time limit.
 */
import type { KernelEvent } from '../../kernel/types';
import type { AclMessage, MessageDraft } from '../../protocol/message';
import { isReport, judgeRun, reportReceivers, type RunVerdict, type Scenario } from '..';
import type { SendResult, WorkbenchApi } from '../../hosts/types';

/**
 * What a run needs: the event stream, and a way to send a step's message. The app passes a
 * `send` that goes through its action registry, so the run's messages carry source `pattern`.
 */
export interface ScenarioPort {
  subscribe: WorkbenchApi['subscribe'];
  send(message: MessageDraft, from: string | undefined): Promise<SendResult>;
}

export interface RunOptions {
  /** Give up waiting for a matching report after this long (ms). */
  timeoutMs?: number;
  /** After a matching report, wait this long for a later one that would replace it. */
  settleMs?: number;
}

export async function runScenario(port: ScenarioPort, s: Scenario, options: RunOptions = {}): Promise<RunVerdict> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const settleMs = options.settleMs ?? 400;
  const receivers = reportReceivers(s);
  const reports: AclMessage[] = [];
  let settle: ReturnType<typeof setTimeout> | undefined;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const limit = setTimeout(() => finish(), timeoutMs);

  const unsubscribe = await port.subscribe((events: KernelEvent[]) => {
    for (const e of events) {
      if (e.type !== 'message.sent' || !isReport(s, e.message, receivers)) continue;
      reports.push(e.message);
      if (settle) clearTimeout(settle);
      settle = undefined;
      if (judgeRun(s, reports).status === 'passed') settle = setTimeout(() => finish(), settleMs);
    }
  });
  try {
    for (const [i, step] of s.run.entries()) {
      const sent = await port.send(step.message, step.from);
      if (!sent.ok) return { status: 'failed', report: null, why: `run[${i}] was not sent: ${sent.error}` };
    }
    await done;
    return judgeRun(s, reports);
  } finally {
    clearTimeout(limit);
    if (settle) clearTimeout(settle);
    unsubscribe();
  }
}
