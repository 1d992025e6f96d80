import { ExecutionsClient, protos } from '@google-cloud/workflows';
import { OAuth2Client } from 'google-auth-library';
import type { TriggerTarget } from './target';

type IExecution = protos.google.cloud.workflows.executions.v1.IExecution;
type ClientOptions = NonNullable<ConstructorParameters<typeof ExecutionsClient>[0]>;
const State = protos.google.cloud.workflows.executions.v1.Execution.State;

/** What `trigger` shows of an execution; the state as its name whether the transport gave a name or a number. */
export interface ExecutionView {
  name: string;
  state: string;
  startTime?: Date;
  currentSteps: { routine: string; step: string }[];
  /** JSON text, when SUCCEEDED. */
  result?: string;
  error?: { payload: string; context?: string; step?: string };
}

/** Names that reach only this machine; the local API's token is never sent anywhere else. */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The client for Google (Application Default Credentials), or for a local Executions API at `endpoint`
 * (a loopback URL) that expects `token` as its bearer token (see `bqtune emulator`).
 */
export function executionsClient(local?: { endpoint: string; token: string }): ExecutionsClient {
  if (local === undefined) return new ExecutionsClient();
  const { endpoint, token } = local;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`--endpoint: ${JSON.stringify(endpoint)} is not a URL such as http://127.0.0.1:8787`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--endpoint: ${endpoint} must be an http:// or https:// URL`);
  }
  if (!loopbackHosts.has(url.hostname)) {
    throw new Error(`--endpoint: ${url.hostname} is not a loopback address (localhost, 127.0.0.1, [::1])`);
  }
  // REST mode sends the auth client's access token as `Authorization: Bearer`: the local API's token.
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: token });
  return new ExecutionsClient({
    fallback: true,
    protocol: url.protocol.slice(0, -1),
    apiEndpoint: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    // google-gax bundles its own google-auth-library; the client works with it, but the types are two copies.
    authClient: authClient as unknown as ClientOptions['authClient'],
  });
}

function toDate(t: IExecution['startTime']): Date | undefined {
  if (!t) return undefined;
  if (typeof t === 'string') return new Date(t);
  if (t.seconds === undefined || t.seconds === null) return undefined;
  return new Date(Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6));
}

export function executionView(e: IExecution): ExecutionView {
  const state = typeof e.state === 'number' ? State[e.state] : (e.state ?? 'STATE_UNSPECIFIED');
  const element = e.error?.stackTrace?.elements?.[0];
  return {
    name: e.name ?? '',
    state,
    startTime: toDate(e.startTime),
    currentSteps: (e.status?.currentSteps ?? []).map((s) => ({
      routine: s.routine ?? '',
      step: s.step ?? '',
    })),
    result: e.result || undefined,
    error: e.error
      ? {
          payload: e.error.payload ?? '',
          context: e.error.context || undefined,
          step: element?.step ? `${element.routine ?? 'main'}.${element.step}` : undefined,
        }
      : undefined,
  };
}

export async function startExecution(
  client: ExecutionsClient,
  target: TriggerTarget,
  argument: unknown,
): Promise<ExecutionView> {
  const parent = client.workflowPath(target.project, target.region, target.workflow);
  const [execution] = await client.createExecution({
    parent,
    execution: { argument: JSON.stringify(argument) },
  });
  return executionView(execution);
}

export const finished = (state: string) => !['ACTIVE', 'QUEUED', 'STATE_UNSPECIFIED'].includes(state);

/** Polls the execution until it ends; `onUpdate` sees every poll. */
export async function watchExecution(
  client: ExecutionsClient,
  name: string,
  options: { intervalMs: number; onUpdate: (e: ExecutionView) => void },
): Promise<ExecutionView> {
  for (;;) {
    const [execution] = await client.getExecution({ name });
    const view = executionView(execution);
    options.onUpdate(view);
    if (finished(view.state)) return view;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}
