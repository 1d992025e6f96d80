import type http from 'node:http';
import type { CallbackHub } from '../callbacks';
import { parseJson } from '../json-values';
import type { RuntimeValue } from '../values';
import { HttpFailure, readRaw } from './requests';

/**
 * A request to a callback URL, handed to the execution's `events.await_callback`: its method, path and
 * query (repeated names kept), single-valued headers, and body (JSON-decoded when its Content-Type says
 * JSON, else text; null when empty). https://cloud.google.com/workflows/docs/creating-callback-endpoints
 * @returns `{}`, the answer to the caller.
 * @throws HttpFailure 400 for a JSON body that does not parse, 404 for an unknown callback, 405 for a method
 *   the callback does not accept, 413 for a body above the argument size limit.
 */
export async function deliverCallback(
  callbacks: CallbackHub,
  name: string,
  req: http.IncomingMessage,
  url: URL,
): Promise<Record<string, never>> {
  const raw = await readRaw(req);
  const type = req.headers['content-type'] ?? '';
  let body: RuntimeValue = raw.length === 0 ? null : raw.toString('utf8');
  if (typeof body === 'string' && /\bjson\b/i.test(type)) {
    try {
      body = parseJson(body);
    } catch {
      throw new HttpFailure(400, 'INVALID_ARGUMENT', 'the callback body is not valid JSON');
    }
  }
  const query: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) (query[k] ??= []).push(v);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
  const outcome = callbacks.deliver(name, {
    method: req.method ?? 'GET',
    url: `${url.pathname}${url.search}`,
    headers,
    query,
    body,
    receivedAt: new Date(),
  });
  if (outcome === 'not-found') throw new HttpFailure(404, 'NOT_FOUND', `callback ${name} not found`);
  if (outcome === 'wrong-method') {
    throw new HttpFailure(405, 'FAILED_PRECONDITION', `callback ${name} does not accept ${req.method}`);
  }
  return {};
}
