/**
 * What an execution reports while it runs: for progress display and execution history. `time` is the
 * execution clock in epoch seconds; `error` and `payload` are plain JavaScript values (JSON-like).
 */
export type ExecutionEvent =
  | { type: 'step-start'; routine: string; step: string; time: number }
  | { type: 'step-end'; routine: string; step: string; time: number }
  | { type: 'error'; routine: string; step: string; time: number; error: unknown }
  | { type: 'log'; routine: string; step: string; time: number; severity: string; payload: unknown };
