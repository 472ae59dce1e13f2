/** For CLI tests: runs `orrery argv…` in process and keeps what it wrote to stdout and stderr. */
import { runCli } from './main';

export async function cli(...argv: string[]): Promise<{ code: number; text: string; err: string }> {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runCli(argv, { out: (text) => lines.push(text), err: (text) => errors.push(text) });
  return { code, text: lines.join('\n'), err: errors.join('\n') };
}
