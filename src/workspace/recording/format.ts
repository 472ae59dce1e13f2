/**
 * The `.orrery-rec` file: gzip of NDJSON, written and read one line at a time.
 *
 *   {"orrery":"recording","version":1,"header":{…}}      modules' bytes in base64
 *   {"at":0,"tape":[{"t":0,"input":{…}},…]}              TAPE_CHUNK entries a line
 *   …
 *   {"end":{"entries":N}}
 *
 * The end line says the writer finished; `at` catches a line lost or repeated; gzip's
 * trailer (CRC-32 and size of everything decompressed, checked by the reader since
 * fflate does not) catches damage and a cut anywhere.
 */
import { RECORDING_VERSION } from '../../experiments/replay/types';

export const RECORDING_FILE_KIND = 'recording';
/** The file format's version (the first line's `version`); migrations lead up to it. */
export const RECORDING_FILE_VERSION = RECORDING_VERSION;
export const RECORDING_FILE_EXTENSION = '.orrery-rec';
export const RECORDING_MIME_TYPE = 'application/gzip';

/** Tape entries per line. */
export const TAPE_CHUNK = 10_000;

/** What a reader accepts before refusing with ORR505 (or ORR503 for a line past the limit). */
export const RECORDING_FILE_LIMITS = {
  /** The file as stored (compressed). */
  maxBytes: 512 * 1024 * 1024,
  /** The file decompressed: a zip bomb stops here. */
  maxDecodedBytes: 2 * 1024 * 1024 * 1024,
  /** One line decompressed (the header line carries the custom modules). */
  maxLineBytes: 128 * 1024 * 1024,
  maxEntries: 5_000_000,
} as const;

export interface FirstLine {
  orrery: typeof RECORDING_FILE_KIND;
  version: number;
  header: unknown;
}

export interface TapeLine {
  at: number;
  tape: unknown[];
}

export interface EndLine {
  end: { entries: number };
}
