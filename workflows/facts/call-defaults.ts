/**
 * What Cloud Workflows assumes when a call leaves an argument out, declared once for the interpreter and
 * the connectors it serves. Seconds throughout.
 */
export const CALL_DEFAULTS = {
  /** `connector_params.timeout` (https://cloud.google.com/workflows/docs/reference/googleapis). */
  connectorTimeoutSeconds: 1800,
  /**
   * `connector_params.polling_policy` of a long-running operation: 1 s, × 1.25 each poll, at most 60 s
   * (https://cloud.google.com/workflows/docs/connectors).
   */
  connectorPolling: { initialDelay: 1, multiplier: 1.25, maxDelay: 60 },
  /** `timeout` of `http.*` (https://cloud.google.com/workflows/docs/reference/stdlib/http/get). */
  httpTimeoutSeconds: 300,
  /** `timeout` of `events.await_callback` (https://cloud.google.com/workflows/docs/reference/stdlib/events/await_callback). */
  awaitCallbackTimeoutSeconds: 43200,
} as const;
