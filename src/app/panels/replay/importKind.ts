/**
 * Which importer a file is for, from its first bytes (pure), so one "Import recording" control
 * takes both: a `.orrery-rec` file is gzip (1f 8b); a JADE message log is text whose first
 * entry starts with "(" or with a timestamp (on its line or the line before). Anything else goes
 * to the recording reader, which says why it is refused (ORR501 not a recording file).
 */
import { parseStamp } from '../../../experiments/interop/jadeTimestamp';

export type ImportKind = 'recording' | 'jade-log';

/** Bytes to read from the start of a file: enough for a separator line and a timestamp. */
export const SNIFF_BYTES = 4096;

const SEPARATOR = /^[\s\-=*_]*$/;

export function sniffImportKind(head: Uint8Array): ImportKind {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'recording';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  const line = text
    .split('\n')
    .find((l) => !SEPARATOR.test(l))
    ?.trim();
  if (line === undefined) return 'recording';
  const open = line.indexOf('(');
  if (open === 0) return 'jade-log';
  const stamp = open > 0 ? line.slice(0, open) : line;
  return parseStamp(stamp) !== undefined ? 'jade-log' : 'recording';
}
