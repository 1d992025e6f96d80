import type { ExecutionCallbacks } from './callbacks';
import type { Clock } from './clock';
import { callConnector } from './connector-call';
import type { ConnectorRegistry } from './connector-types';
import { CancelledError, errorValue, Tag, wfError, WorkflowError } from './errors';
import type { ExecutionEvent } from './events';
import type { EvalEnv } from './expr-eval';
import { callsSubworkflow, evalAsync, evalSync } from './expr-eval';
import type { FnContext, FnTable } from './functions';
import { LIMITS } from '../../workflows/facts';
import { DEFAULT_BACKOFF, RETRY_POLICIES } from './named-values';
import { index as readIndex, member as readMember } from './operators';
import type {
  AssignTarget,
  ForLoop,
  Program,
  RetrySpec,
  RoutineNode,
  StepNode,
  ValueTemplate,
} from './program';
import { MemoryMeter, Vars } from './scope';
import type { RuntimeValue, WfMap } from './values';
import { FuncRef, deepCopy, deepEqual, isMap, isNumber, toJs, typeOf } from './values';

/** How a step list ends early: a jump that this list may resolve, or a return/end/break/continue. */
type Flow =
  | undefined
  | { kind: 'jump'; target: string }
  | { kind: 'return'; value: RuntimeValue }
  | { kind: 'end' }
  | { kind: 'break' }
  | { kind: 'continue' };

interface Ctx {
  routine: string;
  vars: Vars;
  callDepth: number;
  parallelDepth: number;
  /** The execution's signal: cancelling the execution stops every branch. */
  signal: AbortSignal;
}

export interface InterpreterOptions {
  builtins: FnTable;
  connectors: ConnectorRegistry;
  clock: Clock;
  env: Record<string, string>;
  signal: AbortSignal;
  httpFetch: typeof fetch;
  /** The execution's callback endpoints; absent: `events.create_callback_endpoint` and `events.await_callback` fail with a SystemError. */
  callbacks?: ExecutionCallbacks;
  emit(event: ExecutionEvent): void;
}

/** An error's `message` when it has one, else its JSON: what a branch failure says inside the summary. */
function errorText(error: RuntimeValue): string {
  if (typeof error === 'string') return error;
  const message = isMap(error) ? error.get('message') : undefined;
  return typeof message === 'string' ? message : JSON.stringify(toJs(error));
}

/**
 * An UnhandledBranchError's message quotes the first `quotedCauses` failures, each cut at
 * `quotedCauseChars` characters: `branches` already holds every error in full, and a message copying them
 * all doubled the error's size, so an `except` could no longer hold it under the variable memory limit.
 */
const quotedCauses = 10;
const quotedCauseChars = 200;

function shortCause(text: string): string {
  const chars = [...text];
  return chars.length > quotedCauseChars ? chars.slice(0, quotedCauseChars).join('') + '…' : text;
}

function jumpFlow(target: string): Flow {
  if (target === 'end') return { kind: 'end' };
  if (target === 'break') return { kind: 'break' };
  if (target === 'continue') return { kind: 'continue' };
  return { kind: 'jump', target };
}

const stepIndexes = new WeakMap<StepNode[], Map<string, number>>();
function stepIndex(steps: StepNode[], name: string): number {
  let m = stepIndexes.get(steps);
  if (!m) {
    m = new Map(steps.map((s, i) => [s.name, i]));
    stepIndexes.set(steps, m);
  }
  return m.get(name) ?? -1;
}

export class Interpreter {
  steps = 0;
  readonly meter = new MemoryMeter();
  /** Steps running right now, for `status.currentSteps`. */
  readonly active = new Set<{ routine: string; step: string }>();
  private readonly reported = new WeakSet<WorkflowError>();
  /** The step each error in flight arose at, so a failure blames that step and not a later re-thrower. */
  private readonly origins = new WeakMap<WorkflowError, { routine: string; step: string }>();

  constructor(
    private readonly program: Program,
    private readonly options: InterpreterOptions,
  ) {}

  async run(argument: RuntimeValue | undefined): Promise<RuntimeValue> {
    const vars = new Vars(undefined, this.meter);
    const main = this.program.main;
    if (main.params.length === 1) vars.store(main.params[0].name, argument ?? null);
    return this.runRoutine(main, {
      routine: 'main',
      vars,
      callDepth: 0,
      parallelDepth: 0,
      signal: this.options.signal,
    });
  }

  /**
   * Errors an `except` caught, most recent last (bounded), so that re-raising one (`raise: ${e}` after
   * recording the failure) keeps blaming the step where it first arose.
   */
  private readonly caught: { value: RuntimeValue; origin: { routine: string; step: string } }[] = [];

  private remember(error: WorkflowError): void {
    const origin = this.origins.get(error);
    if (!origin) return;
    this.caught.push({ value: error.value, origin });
    if (this.caught.length > 32) this.caught.shift();
  }

  private raised(value: RuntimeValue): WorkflowError {
    const error = new WorkflowError(value);
    for (let i = this.caught.length - 1; i >= 0; i--) {
      if (deepEqual(this.caught[i].value, value)) {
        this.origins.set(error, this.caught[i].origin);
        break;
      }
    }
    return error;
  }

  /** Where an error that ended the execution arose (the innermost step that raised it), if known. */
  originOf(error: WorkflowError): { routine: string; step: string } | undefined {
    return this.origins.get(error);
  }

  private async runRoutine(routine: RoutineNode, ctx: Ctx): Promise<RuntimeValue> {
    const flow = await this.execList(routine.steps, ctx);
    if (flow?.kind === 'return') return flow.value;
    if (flow?.kind === 'jump')
      throw wfError(Tag.SystemError, `next target '${flow.target}' not found in ${routine.name}`);
    if (flow?.kind === 'break' || flow?.kind === 'continue') {
      throw wfError(Tag.SystemError, `'${flow.kind}' used outside a for loop in ${routine.name}`);
    }
    return null;
  }

  private async execList(steps: StepNode[], ctx: Ctx): Promise<Flow> {
    let i = 0;
    while (i < steps.length) {
      const step = steps[i];
      let flow = await this.execStep(step, ctx);
      if (flow === undefined && step.next !== undefined) flow = jumpFlow(step.next);
      if (flow === undefined) {
        i++;
        continue;
      }
      if (flow.kind === 'jump') {
        const j = stepIndex(steps, flow.target);
        if (j >= 0) {
          i = j;
          continue;
        }
      }
      return flow;
    }
    return undefined;
  }

  private checkRunnable(): void {
    if (this.options.signal.aborted) throw new CancelledError();
  }

  private async execStep(step: StepNode, ctx: Ctx): Promise<Flow> {
    // An inline body (switch condition, `try:` without steps) is part of its enclosing step.
    if (step.inline) return this.stepBody(step, ctx);
    this.checkRunnable();
    const marker = { routine: ctx.routine, step: step.name };
    this.active.add(marker);
    this.options.emit({
      type: 'step-start',
      routine: ctx.routine,
      step: step.name,
      time: this.options.clock.now(),
    });
    try {
      if (++this.steps > LIMITS.stepsPerExecution) {
        throw wfError(Tag.ResourceLimitError, `the execution exceeded ${LIMITS.stepsPerExecution} steps`);
      }
      return await this.stepBody(step, ctx);
    } catch (e) {
      if (this.options.signal.aborted && !(e instanceof CancelledError)) throw new CancelledError();
      if (e instanceof WorkflowError && !this.reported.has(e)) {
        this.reported.add(e);
        if (!this.origins.has(e)) this.origins.set(e, { routine: ctx.routine, step: step.name });
        this.options.emit({
          type: 'error',
          routine: ctx.routine,
          step: step.name,
          time: this.options.clock.now(),
          error: toJs(e.value),
        });
      }
      throw e;
    } finally {
      this.active.delete(marker);
      this.options.emit({
        type: 'step-end',
        routine: ctx.routine,
        step: step.name,
        time: this.options.clock.now(),
      });
    }
  }

  private async stepBody(step: StepNode, ctx: Ctx): Promise<Flow> {
    const b = step.body;
    switch (b.kind) {
      case 'assign':
        for (const item of b.items) {
          const pending = this.evalNow(item.value, ctx);
          const value = pending instanceof Promise ? await pending : pending;
          const done = this.assign(item.target, value, ctx);
          if (done) await done;
        }
        return undefined;
      case 'call': {
        const args = new Map<string, RuntimeValue>();
        for (const a of b.args) args.set(a.name, await this.evalNow(a.value, ctx));
        const result = await this.call(b.fn, args, ctx, step);
        if (b.result) ctx.vars.set(b.result, deepCopy(result));
        return undefined;
      }
      case 'switch':
        for (const c of b.cases) {
          const cond = await this.evalNow(c.condition, ctx);
          if (typeof cond !== 'boolean') {
            throw wfError(
              Tag.TypeError,
              `switch condition in step ${step.name} must be a boolean, got ${typeOf(cond)}`,
            );
          }
          if (!cond) continue;
          if (c.steps) {
            const flow = await this.execList(c.steps, ctx);
            if (flow) return flow;
          }
          return c.next !== undefined ? jumpFlow(c.next) : undefined;
        }
        return undefined;
      case 'for':
        return this.forLoop(b.loop, ctx);
      case 'parallel':
        await this.parallel(b, step, ctx);
        return undefined;
      case 'try':
        return this.tryStep(b, ctx);
      case 'raise':
        throw this.raised(deepCopy(await this.evalNow(b.value, ctx)));
      case 'return':
        return { kind: 'return', value: deepCopy(await this.evalNow(b.value, ctx)) };
      case 'steps':
        return this.execList(b.steps, ctx);
      case 'jump':
        return undefined;
    }
  }

  // ---- expressions -------------------------------------------------------------------------------

  private env(ctx: Ctx): EvalEnv {
    return {
      lookup: (name) => ctx.vars.lookup(name),
      isSubworkflow: (name) => this.program.subworkflows.has(name),
      isBuiltin: (name) => name in this.options.builtins,
      callBuiltin: (name, args) => this.callBuiltinInExpression(name, args, ctx),
      callSubworkflow: (name, args) => this.callSubworkflow(name, args, ctx),
    };
  }

  private callBuiltinInExpression(name: string, args: RuntimeValue[], ctx: Ctx): RuntimeValue {
    const spec = this.options.builtins[name];
    if (!spec) throw wfError(Tag.KeyError, `unknown function '${name}'`);
    if (spec.blocking) throw wfError(Tag.TypeError, `${name} can only be called from a call step`);
    if (args.length < spec.required || args.length > spec.params.length) {
      throw wfError(
        Tag.TypeError,
        `${name} takes ${spec.required}..${spec.params.length} arguments, got ${args.length}`,
      );
    }
    const out = spec.run(args, this.fnContext(ctx, name));
    if (out instanceof Promise) throw wfError(Tag.TypeError, `${name} can only be called from a call step`);
    return out;
  }

  private readonly asyncTmpl = new WeakMap<ValueTemplate, boolean>();

  private tmplIsAsync(template: ValueTemplate): boolean {
    if (template.kind === 'const') return false;
    let found = this.asyncTmpl.get(template);
    if (found === undefined) {
      const isSub = (name: string) => this.program.subworkflows.has(name);
      if (template.kind === 'expr') found = callsSubworkflow(template.expr, isSub);
      else if (template.kind === 'list') found = template.items.some((i) => this.tmplIsAsync(i));
      else {
        found = template.entries.some(
          (e) => (typeof e.key !== 'string' && callsSubworkflow(e.key, isSub)) || this.tmplIsAsync(e.value),
        );
      }
      this.asyncTmpl.set(template, found);
    }
    return found;
  }

  /**
   * Evaluates without yielding unless a subworkflow is called, so that `x: ${x + 1}` on a shared variable
   * reads and writes in one go even while parallel branches interleave.
   */
  private evalNow(template: ValueTemplate, ctx: Ctx): RuntimeValue | Promise<RuntimeValue> {
    return this.tmplIsAsync(template) ? this.evalTmpl(template, ctx) : this.evalTmplSync(template, ctx);
  }

  private evalTmplSync(template: ValueTemplate, ctx: Ctx): RuntimeValue {
    switch (template.kind) {
      case 'const':
        return template.value;
      case 'expr':
        return evalSync(template.expr, this.env(ctx));
      case 'list':
        return template.items.map((i) => deepCopy(this.evalTmplSync(i, ctx)));
      case 'map': {
        const out: WfMap = new Map();
        for (const e of template.entries) {
          const key = typeof e.key === 'string' ? e.key : evalSync(e.key, this.env(ctx));
          if (typeof key !== 'string')
            throw wfError(Tag.TypeError, `map keys must be strings, got ${typeOf(key)}`);
          out.set(key, deepCopy(this.evalTmplSync(e.value, ctx)));
        }
        return out;
      }
    }
  }

  private async evalTmpl(template: ValueTemplate, ctx: Ctx): Promise<RuntimeValue> {
    switch (template.kind) {
      case 'const':
        return template.value;
      case 'expr':
        return evalAsync(template.expr, this.env(ctx));
      case 'list': {
        const out: RuntimeValue[] = [];
        for (const i of template.items) out.push(deepCopy(await this.evalTmpl(i, ctx)));
        return out;
      }
      case 'map': {
        const out: WfMap = new Map();
        for (const e of template.entries) {
          const key = typeof e.key === 'string' ? e.key : await evalAsync(e.key, this.env(ctx));
          if (typeof key !== 'string')
            throw wfError(Tag.TypeError, `map keys must be strings, got ${typeOf(key)}`);
          out.set(key, deepCopy(await this.evalTmpl(e.value, ctx)));
        }
        return out;
      }
    }
  }

  /** Stores into the target; returns a promise only when an index expression calls a subworkflow. */
  private assign(target: AssignTarget, value: RuntimeValue, ctx: Ctx): Promise<void> | undefined {
    if (target.path.length === 0) {
      ctx.vars.set(target.root, deepCopy(value));
      return undefined;
    }
    const env = this.env(ctx);
    const isSub = (name: string) => this.program.subworkflows.has(name);
    if (target.path.some((p) => p.kind === 'index' && callsSubworkflow(p.expr, isSub))) {
      return (async () => {
        const keys: RuntimeValue[] = [];
        for (const p of target.path) keys.push(p.kind === 'key' ? p.name : await evalAsync(p.expr, env));
        this.assignPath(target, keys, value, ctx);
      })();
    }
    this.assignPath(
      target,
      target.path.map((p) => (p.kind === 'key' ? p.name : evalSync(p.expr, env))),
      value,
      ctx,
    );
    return undefined;
  }

  private assignPath(target: AssignTarget, keys: RuntimeValue[], value: RuntimeValue, ctx: Ctx): void {
    let container = ctx.vars.lookup(target.root);
    if (container === undefined) throw wfError(Tag.KeyError, `variable '${target.root}' is not defined`);
    for (let i = 0; i < keys.length - 1; i++) {
      container =
        target.path[i].kind === 'key'
          ? readMember(container, keys[i] as string)
          : readIndex(container, keys[i]);
    }
    const last = keys[keys.length - 1];
    if (isMap(container)) {
      if (typeof last !== 'string')
        throw wfError(Tag.TypeError, `map key must be a string, got ${typeOf(last)}`);
      container.set(last, deepCopy(value));
    } else if (Array.isArray(container)) {
      if (typeof last !== 'bigint')
        throw wfError(Tag.TypeError, `list index must be an integer, got ${typeOf(last)}`);
      if (last < 0n || last >= BigInt(container.length)) {
        throw wfError(Tag.IndexError, `list index ${last} out of range in assignment to ${target.src}`);
      }
      container[Number(last)] = deepCopy(value);
    } else {
      throw wfError(Tag.TypeError, `cannot assign into ${typeOf(container)} (${target.src})`);
    }
    ctx.vars.touch(target.root);
  }

  // ---- calls -------------------------------------------------------------------------------------

  private fnContext(ctx: Ctx, stepName: string): FnContext {
    return {
      clock: this.options.clock,
      env: this.options.env,
      signal: ctx.signal,
      httpFetch: this.options.httpFetch,
      callbacks: this.options.callbacks,
      log: (severity, payload) =>
        this.options.emit({
          type: 'log',
          routine: ctx.routine,
          step: stepName,
          time: this.options.clock.now(),
          severity,
          payload: toJs(payload),
        }),
    };
  }

  private async call(
    name: string,
    args: Map<string, RuntimeValue>,
    ctx: Ctx,
    step: StepNode,
  ): Promise<RuntimeValue> {
    if (this.program.subworkflows.has(name)) return this.callSubworkflow(name, args, ctx);
    if (name.startsWith('googleapis.')) {
      return callConnector(
        name,
        args,
        this.options.connectors,
        this.options.clock,
        this.options.env,
        ctx.signal,
      );
    }
    const spec = this.options.builtins[name];
    if (!spec) throw wfError(Tag.KeyError, `unknown function '${name}'`);
    for (const k of args.keys()) {
      if (!spec.params.includes(k)) throw wfError(Tag.TypeError, `${name} has no argument '${k}'`);
    }
    const positional = spec.params.map((p) => args.get(p));
    const missing = spec.params.slice(0, spec.required).filter((p) => !args.has(p));
    if (missing.length > 0) throw wfError(Tag.TypeError, `${name} needs argument(s) ${missing.join(', ')}`);
    return spec.run(positional, this.fnContext(ctx, step.name));
  }

  private async callSubworkflow(
    name: string,
    args: Map<string, RuntimeValue> | RuntimeValue[],
    caller: Ctx,
  ): Promise<RuntimeValue> {
    const routine = this.program.subworkflows.get(name) as RoutineNode;
    if (caller.callDepth + 1 > LIMITS.callStackDepth) {
      throw wfError(
        Tag.RecursionError,
        `maximum call depth of ${LIMITS.callStackDepth} exceeded calling ${name}`,
      );
    }
    const vars = new Vars(undefined, this.meter);
    const ctx: Ctx = { ...caller, routine: name, vars, callDepth: caller.callDepth + 1 };
    try {
      if (Array.isArray(args)) {
        if (args.length > routine.params.length) {
          throw wfError(
            Tag.TypeError,
            `${name} takes at most ${routine.params.length} arguments, got ${args.length}`,
          );
        }
      } else {
        for (const k of args.keys()) {
          if (!routine.params.some((p) => p.name === k))
            throw wfError(Tag.TypeError, `${name} has no parameter '${k}'`);
        }
      }
      for (const [i, p] of routine.params.entries()) {
        const given = Array.isArray(args) ? args[i] : args.get(p.name);
        if (given !== undefined) vars.store(p.name, deepCopy(given));
        else if (p.default !== undefined) vars.store(p.name, deepCopy(await this.evalTmpl(p.default, ctx)));
        else throw wfError(Tag.TypeError, `${name} needs argument '${p.name}'`);
      }
      return await this.runRoutine(routine, ctx);
    } finally {
      vars.release();
    }
  }

  // ---- loops and parallel ------------------------------------------------------------------------

  private async iterationValues(loop: ForLoop, ctx: Ctx): Promise<RuntimeValue[]> {
    if (loop.in) {
      const list = await this.evalNow(loop.in, ctx);
      if (!Array.isArray(list)) {
        throw wfError(
          Tag.TypeError,
          `for: 'in' needs a list, got ${typeOf(list)}` + (isMap(list) ? '; iterate over keys(map)' : ''),
        );
      }
      return list;
    }
    const range = await this.evalNow(loop.range as ValueTemplate, ctx);
    if (!Array.isArray(range) || range.length !== 2 || !range.every(isNumber)) {
      throw wfError(Tag.TypeError, 'for: range must be [start, end] with two numbers');
    }
    const [a, b] = range as (bigint | number)[];
    const out: RuntimeValue[] = [];
    if (typeof a === 'bigint' && typeof b === 'bigint') {
      if (b - a + 1n > BigInt(LIMITS.stepsPerExecution)) {
        throw wfError(
          Tag.ResourceLimitError,
          `for: range [${a}, ${b}] has more iterations than the step limit`,
        );
      }
      for (let i = a; i <= b; i++) out.push(i);
    } else {
      const end = Number(b);
      if (end - Number(a) + 1 > LIMITS.stepsPerExecution) {
        throw wfError(
          Tag.ResourceLimitError,
          `for: range [${a}, ${b}] has more iterations than the step limit`,
        );
      }
      for (let x = Number(a); x <= end; x++) out.push(x);
    }
    return out;
  }

  private async runIteration(
    loop: ForLoop,
    value: RuntimeValue,
    index: number,
    ctx: Ctx,
    shared?: Set<string>,
  ): Promise<Flow> {
    const vars = new Vars(ctx.vars, this.meter, shared);
    try {
      vars.store(loop.value, deepCopy(value));
      if (loop.index) vars.store(loop.index, BigInt(index));
      return await this.execList(loop.steps, { ...ctx, vars });
    } finally {
      vars.release();
    }
  }

  private async forLoop(loop: ForLoop, ctx: Ctx): Promise<Flow> {
    const values = await this.iterationValues(loop, ctx);
    for (let i = 0; i < values.length; i++) {
      const flow = await this.runIteration(loop, values[i], i, ctx);
      if (flow?.kind === 'break') break;
      if (flow?.kind === 'continue' || flow === undefined) continue;
      return flow;
    }
    return undefined;
  }

  /**
   * A parallel step (https://cloud.google.com/workflows/docs/reference/syntax/parallel-steps). Whatever
   * `exception_policy` says (continueAll is both the default and the only policy), a branch or iteration
   * that fails ends alone: the others run to their end, and only then does the step raise one
   * UnhandledBranchError whose `branches` lists `{id, error}` for each failure, in declaration (branch) or
   * index (iteration) order. Shared variables keep every write made before that, so an `except` around
   * the step sees them.
   */
  private async parallel(
    body: Extract<StepNode['body'], { kind: 'parallel' }>,
    step: StepNode,
    ctx: Ctx,
  ): Promise<void> {
    if (ctx.parallelDepth + 1 > LIMITS.parallelNestingDepth) {
      throw wfError(
        Tag.ParallelNestingError,
        `parallel step ${step.name} is nested more than ${LIMITS.parallelNestingDepth} levels deep`,
      );
    }
    let limit: number = LIMITS.parallelConcurrency;
    if (body.concurrencyLimit) {
      const v = await this.evalTmpl(body.concurrencyLimit, ctx);
      if (typeof v !== 'bigint' || v < 1n) {
        throw wfError(Tag.TypeError, `concurrency_limit of ${step.name} must be a positive integer`);
      }
      limit = Math.min(limit, Number(v));
    }
    const shared = new Set(body.shared);
    const inner: Ctx = { ...ctx, parallelDepth: ctx.parallelDepth + 1 };
    const tasks: { id: RuntimeValue; run: () => Promise<Flow> }[] = [];
    for (const br of body.branches ?? []) {
      tasks.push({
        id: br.name,
        run: async () => {
          const vars = new Vars(ctx.vars, this.meter, shared);
          try {
            return await this.execList(br.steps, { ...inner, vars });
          } finally {
            vars.release();
          }
        },
      });
    }
    if (body.loop) {
      const loop = body.loop;
      const values = await this.iterationValues(loop, ctx);
      values.forEach((v, i) =>
        tasks.push({ id: BigInt(i), run: () => this.runIteration(loop, v, i, inner, shared) }),
      );
    }
    const failures: { index: number; error: WorkflowError }[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < tasks.length) {
        const index = next++;
        try {
          await tasks[index].run();
        } catch (e) {
          if (!(e instanceof WorkflowError)) throw e;
          failures.push({ index, error: e });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
    if (failures.length === 0) return;
    failures.sort((a, b) => a.index - b.index);
    const causes = failures
      .slice(0, quotedCauses)
      .map((f) => `${String(tasks[f.index].id)}: ${shortCause(errorText(f.error.value))}`);
    if (failures.length > quotedCauses) causes.push(`and ${failures.length - quotedCauses} more`);
    const err = errorValue(
      Tag.UnhandledBranchError,
      `${failures.length} of ${tasks.length} branches of ${step.name} failed with unhandled errors (${causes.join('; ')})`,
    );
    err.set(
      'branches',
      failures.map(
        (f) =>
          new Map<string, RuntimeValue>([
            ['id', tasks[f.index].id],
            ['error', f.error.value],
          ]),
      ),
    );
    throw new WorkflowError(err);
  }

  // ---- try / retry / except ----------------------------------------------------------------------

  private async tryStep(body: Extract<StepNode['body'], { kind: 'try' }>, ctx: Ctx): Promise<Flow> {
    let attempt = 0;
    let policy:
      | { predicate: RuntimeValue; maxRetries: number; initial: number; max: number; multiplier: number }
      | undefined;
    for (;;) {
      try {
        return await this.execList(body.steps, ctx);
      } catch (e) {
        if (!(e instanceof WorkflowError)) throw e;
        if (body.retry) {
          policy ??= await this.retryPolicy(body.retry, ctx);
          if (attempt < policy.maxRetries && (await this.predicate(policy.predicate, e.value, ctx))) {
            const delay = Math.min(policy.initial * policy.multiplier ** attempt, policy.max);
            attempt++;
            await this.options.clock.sleep(delay, ctx.signal).catch(() => {
              throw new CancelledError();
            });
            continue;
          }
        }
        if (!body.except) throw e;
        this.remember(e);
        const vars = new Vars(ctx.vars, this.meter);
        try {
          if (body.except.as) vars.store(body.except.as, deepCopy(e.value));
          return await this.execList(body.except.steps, { ...ctx, vars });
        } finally {
          vars.release();
        }
      }
    }
  }

  private async retryPolicy(spec: RetrySpec, ctx: Ctx) {
    if ('policy' in spec) {
      const p = await this.evalTmpl(spec.policy, ctx);
      const named = p instanceof FuncRef ? RETRY_POLICIES[p.name] : undefined;
      if (!named)
        throw wfError(
          Tag.TypeError,
          'retry policy must be ${http.default_retry} or ${http.default_retry_non_idempotent}',
        );
      return {
        predicate: new FuncRef(named.predicate) as RuntimeValue,
        maxRetries: named.maxRetries,
        initial: DEFAULT_BACKOFF.initialDelay,
        max: DEFAULT_BACKOFF.maxDelay,
        multiplier: DEFAULT_BACKOFF.multiplier,
      };
    }
    const num = async (template: ValueTemplate, what: string, int = false): Promise<number> => {
      const v = await this.evalTmpl(template, ctx);
      if (!isNumber(v) || (int && typeof v !== 'bigint') || Number(v) < 0) {
        throw wfError(
          Tag.TypeError,
          `retry ${what} must be a non-negative ${int ? 'integer' : 'number'}, got ${typeOf(v)}`,
        );
      }
      return Number(v);
    };
    return {
      predicate: await this.evalTmpl(spec.predicate, ctx),
      maxRetries: await num(spec.maxRetries, 'max_retries', true),
      initial: await num(spec.backoff.initialDelay, 'initial_delay'),
      max: await num(spec.backoff.maxDelay, 'max_delay'),
      multiplier: await num(spec.backoff.multiplier, 'multiplier'),
    };
  }

  private async predicate(pred: RuntimeValue, error: RuntimeValue, ctx: Ctx): Promise<boolean> {
    if (!(pred instanceof FuncRef)) {
      throw wfError(
        Tag.TypeError,
        `retry predicate must be a function such as \${http.default_retry_predicate}`,
      );
    }
    let out: RuntimeValue;
    if (this.program.subworkflows.has(pred.name)) out = await this.callSubworkflow(pred.name, [error], ctx);
    else out = this.callBuiltinInExpression(pred.name, [error], ctx);
    if (typeof out !== 'boolean')
      throw wfError(Tag.TypeError, `retry predicate ${pred.name} returned ${typeOf(out)}, not a boolean`);
    return out;
  }
}
