/**
 * User-facing errors of the app shell, each with a stable code people can search for.
 * The message says what happened and what to do.
 */
export const APP_ERRORS = {
  'ui001': (detail: string) => `Could not connect to the kernel worker (${detail}). Reload the page; if it persists, check the console.`,
  'ui002': (action: string, detail: string) => `${action} failed: ${detail}`,
  'ui003': (detail: string) => `The message was not sent: ${detail}`,
  'ui004': (detail: string) => `The composer text is not valid JSON: ${detail}. Expected one JSON object such as {"performative":"request","receiver":"echo-1","content":{}}.`,
  'ui005': (detail: string) => `The built-in agent kinds could not be loaded (${detail}). Run \`npm run build:agents\` and reload.`,
  'ui006': (file: string, detail: string) => `"${file}" was not added as an agent: ${detail}`,
} as const;

export type AppErrorCode = keyof typeof APP_ERRORS;

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
