/** A Google API or network failure as one line: what was unreachable or what the API said. */
export function apiError(err: unknown, endpoint: string): Error {
  const e = err as { code?: unknown; message?: unknown; details?: unknown; cause?: { code?: unknown } };
  const network = [e.code, e.cause?.code].find(
    (c) => typeof c === 'string' && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET)$/.test(c),
  );
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (network !== undefined || /ECONNREFUSED|ENOTFOUND|fetch failed/.test(message)) {
    return new Error(`cannot reach ${endpoint}: ${network ?? message.split('\n')[0]}`);
  }
  const details = typeof e.details === 'string' && e.details !== '' ? e.details : message;
  return new Error(restErrorMessage(details) ?? details.split('\n')[0]);
}

/** In REST mode the client passes the error body through: `{"error": {"code", "message", "status"}}`. */
function restErrorMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown; status?: unknown } };
    if (typeof body.error?.message !== 'string') return undefined;
    return typeof body.error.status === 'string'
      ? `${body.error.status}: ${body.error.message}`
      : body.error.message;
  } catch {
    return undefined;
  }
}
