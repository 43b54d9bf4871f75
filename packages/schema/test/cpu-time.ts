/**
 * Runs `fn` and returns its result with the processor time it took, in milliseconds. Processor
 * time rather than wall-clock time, so that a busy machine (other test files running alongside)
 * does not fail a time limit that the code itself keeps.
 */
export function cpuTimed<T>(fn: () => T): { result: T; ms: number } {
  const before = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}
