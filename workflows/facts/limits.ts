/**
 * Google's documented resource limits of Cloud Workflows (https://cloud.google.com/workflows/quotas), declared
 * once for the DSL's checks, the YAML renderer and the interpreter. Numbers only emulators agree on are marked.
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
  /** A parallel step needs at least two branches (syntax reference, parallel steps). */
  minParallelBranches: 2,
  parallelBranches: 10,
  parallelConcurrency: 20,
  parallelNestingDepth: 2,
  sourceBytes: 128 * 1024,
  argumentBytes: 32 * 1024,
  /** The largest `timeout` of `http.*`, seconds (https://cloud.google.com/workflows/docs/reference/stdlib/http/get). */
  httpTimeoutSeconds: 1800,
  /** An HTTP response body (the quotas page's "HTTP response size", 2 MB, read as MiB). */
  httpResponseBytes: 2 * 1024 * 1024,
} as const;
