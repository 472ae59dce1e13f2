/**
 * Errors about agent components, each with a stable code, what was expected, what came,
 * and what to do. (Local until `src/protocol/errors.ts` offers a shared registry.)
 */
export type ComponentErrorCode =
  | 'wasm-empty'
  | 'wasm-too-large'
  | 'wasm-not-wasm'
  | 'wasm-core-module'
  | 'wasm-unknown-version'
  | 'wasm-corrupt'
  | 'wasm-wrong-imports'
  | 'wasm-wrong-exports'
  | 'wasm-memory-limit'
  | 'wasm-instantiate';

export interface ComponentErrorDetail {
  code: ComponentErrorCode;
  summary: string;
  expected: string;
  received: string;
  hint?: string;
}

export class ComponentValidationError extends Error {
  readonly code: ComponentErrorCode;
  readonly expected: string;
  readonly received: string;
  readonly hint: string | undefined;
  /** The whole detail, so the error can cross a worker boundary and be rebuilt. */
  readonly detail: ComponentErrorDetail;

  constructor(detail: ComponentErrorDetail) {
    super(formatComponentError(detail));
    this.detail = detail;
    this.name = 'ComponentValidationError';
    this.code = detail.code;
    this.expected = detail.expected;
    this.received = detail.received;
    this.hint = detail.hint;
  }
}

export function formatComponentError(d: ComponentErrorDetail): string {
  const hint = d.hint ? ` ${d.hint}` : '';
  return `[${d.code}] ${d.summary}: expected ${d.expected}, received ${d.received}.${hint}`;
}

export function isComponentValidationError(e: unknown): e is ComponentValidationError {
  return e instanceof ComponentValidationError;
}
