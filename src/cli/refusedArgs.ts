/** For argument tests: the InputError message `parseCli(argv)` refuses with (fails when it accepts). */
import { parseCli } from './args';
import { InputError } from './exitCodes';

export function refused(argv: string[]): string {
  try {
    parseCli(argv);
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
}
