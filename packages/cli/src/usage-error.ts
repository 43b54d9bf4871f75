/** Bad command-line usage: printed as one line plus a `--help` hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
