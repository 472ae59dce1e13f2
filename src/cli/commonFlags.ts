/** Flags every verb that runs something takes (help.ts: COMMON_FLAGS_HELP; args.ts parses them). */
export interface CommonFlags {
  seed?: number;
  /** Write the result as JSON here. */
  json?: string;
  /** Write the result as JUnit XML here. */
  junit?: string;
  /** Only the verdict on stdout, no progress on stderr. */
  quiet: boolean;
}
