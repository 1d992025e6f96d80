import { Expr, checkExpressionText } from '../expr';
import { CONNECTOR_PREFIX, STDLIB_MODULES, callSignature } from '../stdlib';
import type { CallStep, ConnectorParams, Retry } from '../steps';
import type { ParamInfo } from '../workflow';
import type { Routine } from './routines';
import { combined, ownValues } from './values';
import { walk } from './walk';
import type { Violation } from './violation';

/** googleapis.<service>.<version>.<resource…>.<method> */
const CONNECTOR = /^googleapis\.[a-z][a-zA-Z0-9]*\.v[0-9][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9_]*){2,}$/;

type Subworkflows = ReadonlyMap<string, readonly ParamInfo[]>;

export function subworkflowTable(routines: readonly Routine[]): Subworkflows {
  return new Map(routines.filter((r) => r.name !== 'main').map((r) => [r.name, r.params]));
}

/** Call steps, subworkflow calls in expressions and retry predicates of one routine. */
export function checkCalls(routine: Routine, subs: Subworkflows): Violation[] {
  const out: Violation[] = [];
  walk(routine.steps, routine.name, ({ step, path }) => {
    const say = (message: string) => out.push({ path, message });
    for (const value of ownValues(step)) {
      try {
        checkExpressionText(value);
      } catch (e) {
        say((e as Error).message);
      }
    }
    for (const c of combined(ownValues(step)).subworkflowCalls) {
      const params = subs.get(c.name);
      if (!params) say(`expression calls ${c.name}(), which is not a subworkflow`);
      else {
        const required = params.filter((p) => !p.hasDefault).length;
        if (c.argCount < required || c.argCount > params.length) {
          say(
            `${c.name}() takes ${required === params.length ? required : `${required} to ${params.length}`} argument(s), got ${c.argCount}`,
          );
        }
      }
    }
    if (step.kind === 'call') checkCall(step, subs).forEach(say);
    if (step.kind === 'try' && step.retry !== undefined) checkRetry(step.retry, subs).forEach(say);
  });
  return out;
}

function checkCall(step: CallStep, subs: Subworkflows): string[] {
  const args = Object.keys(step.args ?? {});
  const out: string[] = [];
  const isConnector = step.fn.startsWith(CONNECTOR_PREFIX);
  if (step.connectorParams && !isConnector)
    out.push(`connector_params given to ${step.fn}, which is not a connector`);
  if (isConnector) {
    if (!CONNECTOR.test(step.fn)) {
      out.push(`${step.fn} is not a connector name (googleapis.<service>.<version>.<resource>.<method>)`);
    }
    if (args.includes('connector_params'))
      out.push('pass connector_params through the connectorParams option');
    if (step.connectorParams) out.push(...checkConnectorParams(step.connectorParams));
    return out;
  }
  const signature = callSignature(step.fn);
  if (signature) {
    const known = [...signature.required, ...signature.optional];
    for (const a of args)
      if (!known.includes(a))
        out.push(`${step.fn} has no argument ${a} (takes ${known.join(', ') || 'none'})`);
    for (const r of signature.required) if (!args.includes(r)) out.push(`${step.fn} needs argument ${r}`);
    return out;
  }
  const module = step.fn.split('.')[0];
  if (step.fn.includes('.')) {
    const where = (STDLIB_MODULES as readonly string[]).includes(module)
      ? `the ${module} module`
      : 'the standard library';
    return [...out, `${step.fn} is not a function of ${where}`];
  }
  const params = subs.get(step.fn);
  if (!params) return [...out, `calls ${step.fn}, which is not a subworkflow`];
  const names = params.map((p) => p.name);
  for (const a of args) if (!names.includes(a)) out.push(`subworkflow ${step.fn} has no parameter ${a}`);
  for (const p of params) {
    if (!p.hasDefault && !args.includes(p.name)) out.push(`subworkflow ${step.fn} needs argument ${p.name}`);
  }
  return out;
}

function positive(value: unknown, field: string, out: string[]): void {
  if (typeof value === 'number' && !(value > 0)) out.push(`${field} must be positive, got ${value}`);
}

function checkConnectorParams(p: ConnectorParams): string[] {
  const out: string[] = [];
  positive(p.timeout, 'connector_params.timeout', out);
  if (typeof p.timeout === 'number' && !Number.isInteger(p.timeout)) {
    out.push(`connector_params.timeout must be whole seconds, got ${p.timeout}`);
  }
  const poll = p.pollingPolicy;
  if (poll) {
    positive(poll.initialDelay, 'polling_policy.initial_delay', out);
    positive(poll.maxDelay, 'polling_policy.max_delay', out);
    positive(poll.multiplier, 'polling_policy.multiplier', out);
    if (
      typeof poll.initialDelay === 'number' &&
      typeof poll.maxDelay === 'number' &&
      poll.maxDelay < poll.initialDelay
    ) {
      out.push('polling_policy.max_delay is smaller than initial_delay');
    }
  }
  const scopes = p.scopes === undefined ? [] : typeof p.scopes === 'string' ? [p.scopes] : p.scopes;
  if (p.scopes !== undefined && (scopes.length === 0 || scopes.some((s) => s.trim() === ''))) {
    out.push('connector_params.scopes must be non-empty strings');
  }
  return out;
}

function checkRetry(retry: Retry, subs: Subworkflows): string[] {
  if (retry instanceof Expr) return [];
  const out: string[] = [];
  const { predicate, maxRetries, backoff } = retry;
  if (!(predicate instanceof Expr)) {
    const name = typeof predicate === 'string' ? predicate : predicate.name;
    const params = subs.get(name);
    if (!params) out.push(`retry predicate ${name} is not a subworkflow`);
    else if (params.length !== 1)
      out.push(`retry predicate ${name} must take exactly one parameter, takes ${params.length}`);
  }
  if (typeof maxRetries === 'number' && (!Number.isInteger(maxRetries) || maxRetries < 0)) {
    out.push(`retry max_retries must be a non-negative integer, got ${maxRetries}`);
  }
  positive(backoff.initialDelay, 'backoff.initial_delay', out);
  positive(backoff.maxDelay, 'backoff.max_delay', out);
  positive(backoff.multiplier, 'backoff.multiplier', out);
  return out;
}
