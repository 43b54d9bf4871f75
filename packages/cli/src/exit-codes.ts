/** Exit codes, as the README documents them. */
export const exitCodes = {
  ok: 0,
  /** Some input had an error, or a PDF is not conformant. */
  failed: 1,
  /** Bad command-line usage. */
  usage: 2,
  /** A bug in gongwen (EX_SOFTWARE). */
  internal: 70,
} as const;
