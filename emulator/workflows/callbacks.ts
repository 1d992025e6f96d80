import { randomUUID } from 'node:crypto';
import { Tag, wfError } from './errors';
import type { RuntimeValue, WfMap } from './values';

/** What an HTTP request to a callback URL carried, as `events.await_callback` returns it. */
export interface CallbackDelivery {
  method: string;
  /** The request path and query, as received. */
  url: string;
  headers: Record<string, string>;
  query: Record<string, string[]>;
  /** The body: parsed JSON when it is JSON, else its text, or null when empty. */
  body: RuntimeValue;
  receivedAt: Date;
}

/** The callback endpoints of one execution, as `events.*` uses them. */
export interface ExecutionCallbacks {
  /** Creates an endpoint accepting `method` and returns its URL. */
  create(method: string): string;
  /**
   * Waits for a request to `url` for up to `timeoutSeconds` of real time (a callback is an outside event);
   * resolves the callback request map, or undefined on timeout. Requests that arrived earlier are queued.
   */
  wait(url: string, timeoutSeconds: number, signal: AbortSignal): Promise<WfMap | undefined>;
}

interface Endpoint {
  execution: string;
  method: string;
  received: WfMap[];
  waiter?: (request: WfMap) => void;
}

export type DeliveryOutcome = 'delivered' | 'not-found' | 'wrong-method';

/**
 * The local stand-in for the callback URLs Google hosts
 * (https://cloud.google.com/workflows/docs/creating-callback-endpoints): `bqtune emulator` serves them at
 * `<server>/v1/<execution name>/callbacks/<id>` on loopback and delivers each request to the waiting
 * `events.await_callback`.
 */
export class CallbackHub {
  private readonly endpoints = new Map<string, Endpoint>();

  /** `baseUrl` gives the server's address (known once it listens), e.g. `http://127.0.0.1:8080`. */
  constructor(private readonly baseUrl: () => string) {}

  /** The endpoints of one execution (`projects/.../executions/ID`). */
  forExecution(execution: string): ExecutionCallbacks {
    return {
      create: (method) => {
        const id = randomUUID();
        this.endpoints.set(`${execution}/callbacks/${id}`, { execution, method, received: [] });
        return `${this.baseUrl()}/v1/${execution}/callbacks/${id}`;
      },
      wait: (url, timeoutSeconds, signal) => this.wait(url, timeoutSeconds, signal),
    };
  }

  /** Hands an HTTP request to the endpoint `name` (`projects/.../executions/ID/callbacks/CB`). */
  deliver(name: string, request: CallbackDelivery): DeliveryOutcome {
    const endpoint = this.endpoints.get(name);
    if (!endpoint) return 'not-found';
    if (endpoint.method !== request.method) return 'wrong-method';
    const value = callbackValue(request);
    if (endpoint.waiter) endpoint.waiter(value);
    else endpoint.received.push(value);
    return 'delivered';
  }

  /** Forgets the endpoints of a finished execution. */
  close(execution: string): void {
    for (const [name, endpoint] of this.endpoints)
      if (endpoint.execution === execution) this.endpoints.delete(name);
  }

  private wait(url: string, timeoutSeconds: number, signal: AbortSignal): Promise<WfMap | undefined> {
    const prefix = `${this.baseUrl()}/v1/`;
    const endpoint = url.startsWith(prefix) ? this.endpoints.get(url.slice(prefix.length)) : undefined;
    if (!endpoint)
      throw wfError(Tag.ValueError, `events.await_callback: ${url} is not a callback of this execution`);
    const queued = endpoint.received.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        endpoint.waiter = undefined;
      };
      const timer = setTimeout(
        () => {
          finish();
          resolve(undefined);
        },
        Math.min(timeoutSeconds * 1000, 2 ** 31 - 1),
      );
      const onAbort = () => {
        finish();
        reject(new Error('await_callback aborted'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      endpoint.waiter = (request) => {
        finish();
        resolve(request);
      };
    });
  }
}

/** The callback request map of the callbacks guide: http_request {body, headers, method, query, url}, ... */
function callbackValue(request: CallbackDelivery): WfMap {
  const headers: WfMap = new Map(Object.entries(request.headers));
  const query: WfMap = new Map(Object.entries(request.query).map(([k, v]) => [k, [...v]]));
  const httpRequest: WfMap = new Map<string, RuntimeValue>([
    ['body', request.body],
    ['headers', headers],
    ['method', request.method],
    ['query', query],
    ['url', request.url],
  ]);
  return new Map<string, RuntimeValue>([
    ['http_request', httpRequest],
    ['received_time', request.receivedAt.toISOString()],
    ['type', 'HTTP'],
  ]);
}
