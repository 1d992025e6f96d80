/**
 * Google's documented resource limits (quotas page). Numbers that only emulators agree on are marked;
 * they are kept here, in one place, so a correction is one edit.
 */
export const LIMITS = {
  stepsPerExecution: 100_000,
  variableMemoryBytes: 512 * 1024,
  stringBytes: 256 * 1024,
  /** Not on the quotas page we could read; the value the other emulators use. */
  expressionChars: 400,
  /** Not on the quotas page we could read; the value the other emulators use. */
  callStackDepth: 20,
  assignmentsPerStep: 50,
  conditionsPerSwitch: 50,
  parallelBranches: 10,
  parallelConcurrency: 20,
  parallelNestingDepth: 2,
  sourceBytes: 128 * 1024,
  argumentBytes: 32 * 1024,
} as const;
