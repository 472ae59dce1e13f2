/** What sending a message from the console or a client came to: written once for every shell. */
import type { KernelInput, StepResult } from '../index';

export type SendResult = { ok: true; id: string } | { ok: false; error: string };

/** The `message.send` input for a draft from the console (no `from`) or a client node. */
export function sendInput(draft: unknown, from?: string): KernelInput {
  return from === undefined ? { type: 'message.send', message: draft } : { type: 'message.send', message: draft, from };
}

/** Reads the step that took a `message.send`: the stamped id, or why the kernel refused it. */
export function sendResult(step: StepResult): SendResult {
  for (const e of step.events) {
    if (e.type === 'message.invalid') return { ok: false, error: e.error };
    if (e.type === 'message.sent') return { ok: true, id: e.message.id };
  }
  if (step.error) return { ok: false, error: `${step.error.code}: ${step.error.message}` };
  return { ok: false, error: 'the kernel neither accepted nor refused the message' };
}
