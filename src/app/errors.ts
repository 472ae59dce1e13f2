/**
 * The messages of the page's own errors, by registry code (ORR401–ORR415, src/protocol/errors.ts,
 * listed in docs/errors.md): each says what happened and what to do. The UI shows the code
 * next to the message so people can look it up.
 */
import type { ErrorCode } from '../protocol/errors';

export const APP_ERRORS = {
  ORR401: (detail: string) => `Could not connect to the kernel worker (${detail}). Reload the page; if it persists, check the console.`,
  ORR402: (action: string, detail: string) => `${action} failed: ${detail}`,
  ORR403: (detail: string) => `The message was not sent: ${detail}`,
  ORR404: (detail: string) =>
    `The composer text is not valid JSON: ${detail}. Expected one JSON object such as {"performative":"request","receiver":"echo-1","content":{}}.`,
  ORR405: (detail: string) => `The built-in agent kinds could not be loaded (${detail}). Run \`npm run build:agents\` and reload.`,
  ORR406: (file: string, detail: string) => `"${file}" was not added as an agent: ${detail}`,
  ORR410: (what: string, problems: string) => `${what}: ${problems}`,
  ORR411: (action: string, detail: string) => `${action} failed: ${detail}`,
  ORR412: (title: string, detail: string) => `Loading ${title} failed: ${detail}`,
  ORR413: (detail: string) =>
    `Workspaces are unavailable (IndexedDB: ${detail}); changes will not be saved. Export the workspace to keep it.`,
} as const satisfies Partial<Record<ErrorCode, (...parts: string[]) => string>>;

export type AppErrorCode = keyof typeof APP_ERRORS;

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
