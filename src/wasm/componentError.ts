/**
 * Errors about agent components, each with a stable registry code (ORR101–ORR110), what
 * was expected, what came, and what to do.
 */
import { ERROR_CODES, type ErrorCode } from '../protocol/errors';

export type ComponentErrorCode = Extract<ErrorCode, `ORR1${string}`>;

export interface ComponentErrorDetail {
  code: ComponentErrorCode;
  summary: string;
  expected: string;
  received: string;
  /** A hint for this case; the registry's hint for the code otherwise. */
  hint?: string;
}

export class ComponentValidationError extends Error {
  readonly code: ComponentErrorCode;
  readonly expected: string;
  readonly received: string;
  readonly hint: string;
  /** The whole detail, so the error can cross a worker boundary and be rebuilt. */
  readonly detail: ComponentErrorDetail;

  constructor(detail: ComponentErrorDetail) {
    super(formatComponentError(detail));
    this.detail = detail;
    this.name = 'ComponentValidationError';
    this.code = detail.code;
    this.expected = detail.expected;
    this.received = detail.received;
    this.hint = componentHint(detail);
  }
}

function componentHint(d: ComponentErrorDetail): string {
  return d.hint ?? ERROR_CODES[d.code].hint;
}

/** `[ORR106] summary: expected …, received …. hint` */
export function formatComponentError(d: ComponentErrorDetail): string {
  return `[${d.code}] ${d.summary}: expected ${d.expected}, received ${d.received}. ${componentHint(d)}`;
}

export function isComponentValidationError(e: unknown): e is ComponentValidationError {
  return e instanceof ComponentValidationError;
}
