/**
 * Reading the Executions API's requests strictly and refusing what it must not serve: a wrong Host, an
 * Origin, a missing or wrong token, repeated headers or parameters, oversized or non-JSON bodies.
 */
import type http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { LIMITS } from '../../../workflows/facts';

/** An error answered as the REST API does: HTTP status, canonical status name, message. */
export class HttpFailure extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

export const invalid = (message: string) => new HttpFailure(400, 'INVALID_ARGUMENT', message);

/**
 * The largest request body read: an argument is at most 32 KiB of JSON text, which JSON-escaping as a
 * string can grow up to six times (`\u0000`), plus labels. Longer bodies are refused unread.
 */
export const maxRequestBodyBytes = 256 * 1024;

/** Host names that can only mean this machine: a DNS name pointing here (rebinding) is refused. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A header's single value; a repeated one is refused rather than guessed at. */
function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  if (Array.isArray(value)) throw invalid(`header ${name} is repeated`);
  return value;
}

/** Refuses what a browser page or a rebinding DNS name could send, then anything without the token. */
export function checkAccess(req: http.IncomingMessage, token: Buffer): void {
  const host = header(req, 'host');
  const hostName = host === undefined ? '' : host.replace(/:\d+$/, '').toLowerCase();
  if (!LOOPBACK_HOSTS.has(hostName)) {
    throw new HttpFailure(403, 'PERMISSION_DENIED', `Host ${host ?? '(none)'} is not a loopback name`);
  }
  if (req.headers.origin !== undefined) {
    throw new HttpFailure(403, 'PERMISSION_DENIED', 'cross-origin requests are refused (Origin header)');
  }
  const auth = /^Bearer (\S+)$/.exec(header(req, 'authorization') ?? '');
  const given = Buffer.from(auth?.[1] ?? '');
  if (!auth || given.length !== token.length || !timingSafeEqual(given, token)) {
    throw new HttpFailure(
      401,
      'UNAUTHENTICATED',
      'missing or wrong bearer token (see the emulator token file)',
    );
  }
}

/** A callback body, at most the execution argument size limit. */
export async function readRaw(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > LIMITS.argumentBytes) {
      throw new HttpFailure(
        413,
        'INVALID_ARGUMENT',
        `the callback body exceeds ${LIMITS.argumentBytes} bytes`,
      );
    }
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A create or cancel request's body as a JSON object (an empty body reads as `{}`).
 * @throws HttpFailure 400 unless Content-Type is application/json, the body at most maxRequestBodyBytes and
 *   a JSON object.
 */
export async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const type = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw invalid(`Content-Type must be application/json, got ${type || '(none)'}`);
  }
  const declared = Number(header(req, 'content-length') ?? 0);
  const tooLarge = () => invalid(`request body larger than ${maxRequestBodyBytes} bytes`);
  if (declared > maxRequestBodyBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > maxRequestBodyBytes) throw tooLarge();
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
    return body as Record<string, unknown>;
  } catch {
    throw invalid('the request body must be a JSON object');
  }
}

/** Percent-decoding that refuses malformed escapes instead of passing them through. */
export function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw invalid(`${what} is not valid percent-encoding: ${text.slice(0, 100)}`);
  }
}

/** The query parameters, each decoded strictly; a repeated one is refused. */
export function queryParams(search: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq), 'a query parameter name');
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1), `query parameter ${key}`);
    if (out.has(key)) throw invalid(`query parameter ${key} is repeated`);
    out.set(key, value);
  }
  return out;
}
