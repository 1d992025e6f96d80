import { Expr, toExpr } from '../expr';
import type { ValueInput } from '../expr';
import type { ConnectorParams, ForLoop, Retry, Step } from '../steps';

function loopValues(loop: ForLoop): ValueInput[] {
  return loop.in !== undefined ? [loop.in] : [...loop.range];
}

function retryValues(retry: Retry | undefined): ValueInput[] {
  if (retry === undefined) return [];
  if (retry instanceof Expr) return [retry];
  const { initialDelay, maxDelay, multiplier } = retry.backoff;
  const predicate = retry.predicate instanceof Expr ? [retry.predicate] : [];
  return [...predicate, retry.maxRetries, initialDelay, maxDelay, multiplier];
}

function connectorValues(p: ConnectorParams | undefined): ValueInput[] {
  if (!p) return [];
  const poll = p.pollingPolicy ?? {};
  const all: (ValueInput | undefined)[] = [
    p.timeout,
    p.skipPolling,
    poll.initialDelay,
    poll.maxDelay,
    poll.multiplier,
  ];
  return all.filter((x): x is ValueInput => x !== undefined);
}

/** Values the step itself evaluates (not those of nested steps), in evaluation order. */
export function ownValues(step: Step): ValueInput[] {
  switch (step.kind) {
    case 'assign':
      return step.entries.flatMap(([target, value]) => (target instanceof Expr ? [value, target] : [value]));
    case 'call':
      return [...Object.values(step.args ?? {}), ...connectorValues(step.connectorParams)];
    case 'switch':
      return step.conditions.flatMap((c) =>
        [c.condition, c.return, c.raise].filter((x): x is ValueInput => x !== undefined),
      );
    case 'for':
      return loopValues(step.loop);
    case 'parallel':
      return [
        ...(step.concurrencyLimit !== undefined ? [step.concurrencyLimit] : []),
        ...(step.for ? loopValues(step.for) : []),
      ];
    case 'try':
      return retryValues(step.retry);
    case 'raise':
    case 'return':
      return [step.value];
    case 'steps':
    case 'jump':
      return [];
  }
}

/** All values of a list as one Expr, to read off variables and subworkflow calls. */
export function combined(values: readonly ValueInput[]): Expr {
  return toExpr(values);
}
