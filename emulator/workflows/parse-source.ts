import type * as Yaml from 'yaml';
import { ExprSyntaxError, expressionBody, isExpressionString, parseExpression } from './expr-parser';
import type { ExprNode } from './expr-parser';
import { parseJson } from './json-values';
import { LIMITS } from '../../workflows/facts';
import type {
  AssignTarget,
  ForLoop,
  Param,
  Program,
  RetrySpec,
  RoutineNode,
  StepNode,
  StepBody,
  SwitchCase,
  ValueTemplate,
} from './program';
import type { RuntimeValue, WfMap } from './values';
import { isMap, typeOf } from './values';

const STEP_KINDS = [
  'assign',
  'call',
  'switch',
  'for',
  'parallel',
  'raise',
  'try',
  'return',
  'steps',
] as const;
const STEP_FIELDS = new Set<string>([...STEP_KINDS, 'args', 'result', 'next', 'retry', 'except']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The YAML parser, loaded with the first YAML source: a JSON source (the parsed form of `workflows/dist/`
 * the local runs read) never loads it.
 */
function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml') as typeof Yaml;
}

/**
 * Turns the YAML or JSON document (by `fileName`'s extension) into Workflows values: integers as bigint,
 * doubles as number, maps as `Map`s in document order. `errors` says why when `raw` is undefined.
 */
export function readWorkflowDocument(
  text: string,
  fileName: string,
): { raw?: RuntimeValue; errors: string[] } {
  if (fileName.toLowerCase().endsWith('.json')) {
    try {
      return { raw: parseJson(text), errors: [] };
    } catch (e) {
      return { errors: [`${fileName}: ${(e as Error).message}`] };
    }
  }
  const doc = yaml().parseDocument(text, { intAsBigInt: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { errors: doc.errors.map((e) => `${fileName}: YAML ${e.message.split('\n')[0]}`) };
  }
  return { raw: toValue(doc.toJS({ maxAliasCount: 100 })), errors: [] };
}

function toValue(value: unknown): RuntimeValue {
  if (value === undefined || value === null) return null;
  if (
    typeof value === 'bigint' ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean'
  )
    return value;
  if (Array.isArray(value)) return value.map(toValue);
  if (value instanceof Map) {
    const out: WfMap = new Map();
    for (const [k, v] of value) out.set(String(k), toValue(v));
    return out;
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const out: WfMap = new Map();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out.set(k, toValue(v));
    return out;
  }
  return String(value);
}

/** Builds the program from the document, collecting every structural problem rather than stopping at one. */
class SourceReader {
  readonly errors: string[] = [];

  error(where: string, message: string): void {
    this.errors.push(`${where}: ${message}`);
  }

  program(raw: RuntimeValue): Program | undefined {
    if (Array.isArray(raw)) {
      return { main: { name: 'main', params: [], steps: this.steps(raw, 'main') }, subworkflows: new Map() };
    }
    if (!isMap(raw)) {
      this.error('workflow', 'the source must be a list of steps or a map with a `main` workflow');
      return undefined;
    }
    if (!raw.has('main')) {
      this.error('workflow', 'a workflow written as a map needs a `main` entry');
      return undefined;
    }
    const subworkflows = new Map<string, RoutineNode>();
    let main: RoutineNode | undefined;
    for (const [name, def] of raw) {
      if (!NAME.test(name)) this.error(name, 'subworkflow names are letters, digits and underscores');
      const routine = this.routine(name, def);
      if (name === 'main') {
        main = routine;
        if (routine.params.length > 1)
          this.error('main', 'main takes at most one parameter (the execution argument)');
        if (routine.params.some((p) => p.default !== undefined)) {
          this.error('main', 'the main parameter cannot have a default value');
        }
      } else {
        subworkflows.set(name, routine);
      }
    }
    return main ? { main, subworkflows } : undefined;
  }

  routine(name: string, def: RuntimeValue): RoutineNode {
    if (!isMap(def)) {
      this.error(name, 'a workflow definition is a map with `params` and `steps`');
      return { name, params: [], steps: [] };
    }
    for (const k of def.keys()) if (k !== 'params' && k !== 'steps') this.error(name, `unknown field '${k}'`);
    const params: Param[] = [];
    const rawParams = def.get('params');
    if (rawParams !== undefined && rawParams !== null) {
      if (!Array.isArray(rawParams)) this.error(name, '`params` must be a list');
      else {
        for (const p of rawParams) {
          if (typeof p === 'string' && NAME.test(p)) params.push({ name: p });
          else if (isMap(p) && p.size === 1) {
            const [[pname, dflt]] = [...p];
            if (!NAME.test(pname)) this.error(name, `invalid parameter name '${pname}'`);
            params.push({ name: pname, default: this.tmpl(dflt, `${name} > params`) });
          } else this.error(name, `invalid parameter ${JSON.stringify(p === null ? null : String(p))}`);
        }
        const seen = new Set<string>();
        for (const p of params) {
          if (seen.has(p.name)) this.error(name, `parameter '${p.name}' is declared twice`);
          seen.add(p.name);
        }
      }
    }
    const rawSteps = def.get('steps');
    if (rawSteps === undefined) {
      this.error(name, '`steps` is required');
      return { name, params, steps: [] };
    }
    return { name, params, steps: this.steps(rawSteps, name) };
  }

  steps(raw: RuntimeValue, where: string): StepNode[] {
    if (!Array.isArray(raw) || raw.length === 0) {
      this.error(where, '`steps` must be a non-empty list of steps');
      return [];
    }
    if (raw.length > LIMITS.stepsPerExecution)
      this.error(where, `more than ${LIMITS.stepsPerExecution} steps`);
    const out: StepNode[] = [];
    raw.forEach((item, i) => {
      if (!isMap(item) || item.size !== 1) {
        this.error(`${where} > steps[${i}]`, 'each step is a map with exactly one key, the step name');
        return;
      }
      const [[name, body]] = [...item];
      const stepWhere = `${where} > ${name}`;
      if (!NAME.test(name)) this.error(stepWhere, 'step names are letters, digits and underscores');
      if (['end', 'break', 'continue'].includes(name)) this.error(stepWhere, `'${name}' is reserved`);
      const step = this.step(name, body, stepWhere);
      if (step) out.push(step);
    });
    return out;
  }

  step(name: string, raw: RuntimeValue, where: string): StepNode | undefined {
    if (!isMap(raw)) {
      this.error(where, 'a step body must be a map');
      return undefined;
    }
    for (const k of raw.keys()) if (!STEP_FIELDS.has(k)) this.error(where, `unknown step field '${k}'`);
    const body = this.body(raw, where);
    if (!body) return undefined;
    const next = raw.get('next');
    const step: StepNode = { name, where, body };
    if (next !== undefined) {
      if (typeof next !== 'string' || !(NAME.test(next) || next === 'end')) {
        this.error(where, '`next` must be a step name, end, break or continue');
      } else step.next = next;
    }
    return step;
  }

  body(raw: WfMap, where: string): StepBody | undefined {
    const kinds = STEP_KINDS.filter((k) => raw.has(k));
    if (kinds.length > 1) {
      this.error(where, `a step has one kind, found ${kinds.join(' and ')}`);
      return undefined;
    }
    if (!raw.has('call') && (raw.has('args') || raw.has('result')))
      this.error(where, '`args`/`result` need `call`');
    if (!raw.has('try') && (raw.has('retry') || raw.has('except')))
      this.error(where, '`retry`/`except` need `try`');
    const kind = kinds[0];
    const v = raw.get(kind) as RuntimeValue;
    switch (kind) {
      case undefined:
        if (!raw.has('next')) {
          this.error(where, 'the step does nothing: give it a kind (assign, call, ...) or a `next`');
          return undefined;
        }
        return { kind: 'jump' };
      case 'assign':
        return this.assign(v, where);
      case 'call':
        return this.call(raw, where);
      case 'switch':
        return this.switchStep(v, where);
      case 'for': {
        const loop = this.forLoop(v, `${where} > for`);
        return loop && { kind: 'for', loop };
      }
      case 'parallel':
        return this.parallel(v, where);
      case 'try':
        return this.tryStep(raw, where);
      case 'raise':
        return { kind: 'raise', value: this.tmpl(v, where) };
      case 'return':
        return { kind: 'return', value: this.tmpl(v, where) };
      case 'steps':
        return { kind: 'steps', steps: this.steps(v, where) };
    }
  }

  assign(raw: RuntimeValue, where: string): StepBody | undefined {
    if (!Array.isArray(raw) || raw.length === 0) {
      this.error(where, '`assign` must be a non-empty list of {variable: value} entries');
      return undefined;
    }
    if (raw.length > LIMITS.assignmentsPerStep) {
      this.error(
        where,
        `an assign step takes at most ${LIMITS.assignmentsPerStep} entries, found ${raw.length}`,
      );
    }
    const items: { target: AssignTarget; value: ValueTemplate }[] = [];
    for (const entry of raw) {
      if (!isMap(entry) || entry.size !== 1) {
        this.error(where, 'each assignment is a map with one key, the target');
        continue;
      }
      const [[target, value]] = [...entry];
      const t = this.target(target, where);
      if (t) items.push({ target: t, value: this.tmpl(value, where) });
    }
    return { kind: 'assign', items };
  }

  target(src: string, where: string): AssignTarget | undefined {
    let e: ExprNode;
    try {
      e = parseExpression(src);
    } catch (err) {
      this.error(where, `invalid assignment target '${src}': ${(err as Error).message}`);
      return undefined;
    }
    const path: AssignTarget['path'] = [];
    while (e.kind === 'member' || e.kind === 'index') {
      path.unshift(e.kind === 'member' ? { kind: 'key', name: e.name } : { kind: 'index', expr: e.index });
      e = e.obj;
    }
    if (e.kind !== 'var') {
      this.error(
        where,
        `invalid assignment target '${src}': expected a variable, optionally with .key or [index]`,
      );
      return undefined;
    }
    return { root: e.name, path, src };
  }

  call(raw: WfMap, where: string): StepBody | undefined {
    const fn = raw.get('call');
    if (typeof fn !== 'string' || fn === '') {
      this.error(where, '`call` must name a function, subworkflow or connector');
      return undefined;
    }
    const rawArgs = raw.get('args');
    const args: { name: string; value: ValueTemplate }[] = [];
    if (rawArgs !== undefined && rawArgs !== null) {
      if (!isMap(rawArgs)) this.error(where, '`args` must be a map of argument names to values');
      else for (const [name, value] of rawArgs) args.push({ name, value: this.tmpl(value, where) });
    }
    const result = raw.get('result');
    if (result !== undefined && (typeof result !== 'string' || !NAME.test(result))) {
      this.error(where, '`result` must be a variable name');
    }
    return { kind: 'call', fn, args, result: typeof result === 'string' ? result : undefined };
  }

  switchStep(value: RuntimeValue, where: string): StepBody | undefined {
    if (!Array.isArray(value) || value.length === 0) {
      this.error(where, '`switch` must be a non-empty list of conditions');
      return undefined;
    }
    if (value.length > LIMITS.conditionsPerSwitch) {
      this.error(
        where,
        `a switch takes at most ${LIMITS.conditionsPerSwitch} conditions, found ${value.length}`,
      );
    }
    const cases: SwitchCase[] = [];
    value.forEach((c, i) => {
      const caseWhere = `${where} > switch[${i}]`;
      if (!isMap(c) || !c.has('condition')) {
        this.error(caseWhere, 'each switch entry needs a `condition`');
        return;
      }
      const cond = c.get('condition') as RuntimeValue;
      if (typeof cond !== 'boolean' && !(typeof cond === 'string' && isExpressionString(cond))) {
        this.error(caseWhere, '`condition` must be an expression ${...} or a boolean');
      }
      const sc: SwitchCase = { condition: this.tmpl(cond, caseWhere) };
      const next = c.get('next');
      if (next !== undefined) {
        if (typeof next === 'string') sc.next = next;
        else this.error(caseWhere, '`next` must be a step name');
      }
      // A condition may carry a step body of its own (steps, return, raise, assign, call, ...).
      const rest: WfMap = new Map([...c].filter(([k]) => k !== 'condition' && k !== 'next'));
      if (rest.size > 0) {
        for (const k of rest.keys()) if (!STEP_FIELDS.has(k)) this.error(caseWhere, `unknown field '${k}'`);
        const body = this.body(rest, caseWhere);
        if (body)
          sc.steps =
            body.kind === 'steps'
              ? body.steps
              : [{ name: `switch[${i}]`, where: caseWhere, body, inline: true }];
      }
      cases.push(sc);
    });
    return { kind: 'switch', cases };
  }

  forLoop(raw: RuntimeValue, where: string): ForLoop | undefined {
    if (!isMap(raw)) {
      this.error(where, '`for` must be a map with value, in or range, and steps');
      return undefined;
    }
    for (const k of raw.keys()) {
      if (!['value', 'index', 'in', 'range', 'steps'].includes(k)) this.error(where, `unknown field '${k}'`);
    }
    const value = raw.get('value');
    if (typeof value !== 'string' || !NAME.test(value)) this.error(where, '`value` must be a variable name');
    const index = raw.get('index');
    if (index !== undefined && (typeof index !== 'string' || !NAME.test(index))) {
      this.error(where, '`index` must be a variable name');
    }
    const loop: ForLoop = {
      value: typeof value === 'string' ? value : '',
      index: typeof index === 'string' ? index : undefined,
      steps: this.steps(raw.get('steps') ?? null, where),
    };
    const hasIn = raw.has('in');
    const hasRange = raw.has('range');
    if (hasIn === hasRange) this.error(where, 'give exactly one of `in` and `range`');
    if (hasIn) {
      const src = raw.get('in') as RuntimeValue;
      if (!Array.isArray(src) && !(typeof src === 'string' && isExpressionString(src))) {
        this.error(where, '`in` must be a list or an expression giving a list');
      }
      loop.in = this.tmpl(src, where);
    }
    if (hasRange) {
      const r = raw.get('range') as RuntimeValue;
      const pair = Array.isArray(r) && r.length === 2;
      if (!pair && !(typeof r === 'string' && isExpressionString(r))) {
        this.error(where, '`range` must be a list of two numbers [start, end] or an expression giving one');
      }
      if (pair && r.some((x) => typeof x === 'string')) {
        this.error(where, '`range` takes two numbers, or one expression giving [start, end]');
      }
      if (index !== undefined) this.error(where, '`index` is not allowed with `range`');
      loop.range = this.tmpl(r, where);
    }
    return loop;
  }

  parallel(value: RuntimeValue, where: string): StepBody | undefined {
    if (!isMap(value)) {
      this.error(where, '`parallel` must be a map with branches or for');
      return undefined;
    }
    for (const k of value.keys()) {
      if (!['shared', 'concurrency_limit', 'exception_policy', 'branches', 'for'].includes(k)) {
        this.error(where, `unknown parallel field '${k}'`);
      }
    }
    const shared = value.get('shared') ?? [];
    const sharedNames: string[] = [];
    if (!Array.isArray(shared)) this.error(where, '`shared` must be a list of variable names');
    else {
      for (const s of shared) {
        if (typeof s !== 'string' || !NAME.test(s)) this.error(where, `invalid shared variable ${String(s)}`);
        else if (sharedNames.includes(s)) this.error(where, `shared variable '${s}' is listed twice`);
        else sharedNames.push(s);
      }
    }
    const policy = value.get('exception_policy');
    if (policy !== undefined && policy !== 'continueAll') {
      this.error(where, '`exception_policy` only supports continueAll');
    }
    const body: StepBody = { kind: 'parallel', shared: sharedNames, continueAll: policy === 'continueAll' };
    const limit = value.get('concurrency_limit');
    if (limit !== undefined) {
      if (typeof limit === 'bigint' && limit < 1n) this.error(where, '`concurrency_limit` must be positive');
      else if (typeof limit !== 'bigint' && !(typeof limit === 'string' && isExpressionString(limit))) {
        this.error(where, '`concurrency_limit` must be a positive integer or an expression');
      }
      body.concurrencyLimit = this.tmpl(limit, where);
    }
    if (value.has('branches') === value.has('for'))
      this.error(where, 'give exactly one of `branches` and `for`');
    const branches = value.get('branches');
    if (branches !== undefined) {
      if (!Array.isArray(branches) || branches.length < LIMITS.minParallelBranches) {
        this.error(where, `\`branches\` must list at least ${LIMITS.minParallelBranches} branches`);
      } else {
        if (branches.length > LIMITS.parallelBranches) {
          this.error(where, `at most ${LIMITS.parallelBranches} branches, found ${branches.length}`);
        }
        body.branches = [];
        branches.forEach((b, i) => {
          const bWhere = `${where} > branches[${i}]`;
          if (!isMap(b) || b.size !== 1) return this.error(bWhere, 'each branch is {name: {steps: [...]}}');
          const [[name, def]] = [...b];
          if (!isMap(def) || !def.has('steps') || def.size !== 1) {
            return this.error(`${where} > ${name}`, 'a branch holds exactly `steps`');
          }
          body.branches?.push({
            name,
            steps: this.steps(def.get('steps') as RuntimeValue, `${where} > ${name}`),
          });
        });
      }
    }
    if (value.has('for')) body.loop = this.forLoop(value.get('for') as RuntimeValue, `${where} > for`);
    return body;
  }

  tryStep(raw: WfMap, where: string): StepBody | undefined {
    const t = raw.get('try') as RuntimeValue;
    let steps: StepNode[] = [];
    if (isMap(t) && t.size === 1 && t.has('steps'))
      steps = this.steps(t.get('steps') as RuntimeValue, `${where} > try`);
    else if (isMap(t)) {
      const inner = this.step(whereName(where), t, `${where} > try`);
      if (inner) steps = [{ ...inner, inline: true }];
    } else this.error(where, '`try` must be a step body or {steps: [...]}');
    const out: StepBody = { kind: 'try', steps };
    const retry = raw.get('retry');
    if (retry !== undefined) out.retry = this.retry(retry, `${where} > retry`);
    const ex = raw.get('except');
    if (ex !== undefined) {
      if (!isMap(ex)) this.error(where, '`except` must be a map with `as` and `steps`');
      else {
        for (const k of ex.keys())
          if (k !== 'as' && k !== 'steps') this.error(`${where} > except`, `unknown field '${k}'`);
        const as = ex.get('as');
        if (as !== undefined && (typeof as !== 'string' || !NAME.test(as))) {
          this.error(`${where} > except`, '`as` must be a variable name');
        }
        out.except = {
          as: typeof as === 'string' ? as : undefined,
          steps: ex.has('steps') ? this.steps(ex.get('steps') as RuntimeValue, `${where} > except`) : [],
        };
      }
    }
    if (!out.retry && !out.except) this.error(where, '`try` needs `retry`, `except` or both');
    return out;
  }

  retry(value: RuntimeValue, where: string): RetrySpec | undefined {
    if (typeof value === 'string') {
      if (!isExpressionString(value))
        this.error(where, 'a retry policy is an expression such as ${http.default_retry}');
      return { policy: this.tmpl(value, where) };
    }
    if (!isMap(value)) {
      this.error(
        where,
        '`retry` must be a policy expression or a map with predicate, max_retries and backoff',
      );
      return undefined;
    }
    for (const k of value.keys())
      if (!['predicate', 'max_retries', 'backoff'].includes(k)) this.error(where, `unknown field '${k}'`);
    const need = (map: WfMap, key: string, at: string): ValueTemplate => {
      if (!map.has(key)) this.error(at, `\`${key}\` is required`);
      return this.tmpl(map.get(key) ?? null, at);
    };
    const backoff = value.get('backoff') ?? null;
    if (!isMap(backoff)) {
      this.error(where, '`backoff` is required: {initial_delay, max_delay, multiplier}');
      return undefined;
    }
    for (const k of backoff.keys()) {
      if (!['initial_delay', 'max_delay', 'multiplier'].includes(k))
        this.error(`${where} > backoff`, `unknown field '${k}'`);
    }
    return {
      predicate: need(value, 'predicate', where),
      maxRetries: need(value, 'max_retries', where),
      backoff: {
        initialDelay: need(backoff, 'initial_delay', `${where} > backoff`),
        maxDelay: need(backoff, 'max_delay', `${where} > backoff`),
        multiplier: need(backoff, 'multiplier', `${where} > backoff`),
      },
    };
  }

  tmpl(value: RuntimeValue, where: string): ValueTemplate {
    if (typeof value === 'string') {
      if (Buffer.byteLength(value, 'utf8') > LIMITS.stringBytes)
        this.error(where, 'string longer than 256 KB');
      if (!isExpressionString(value)) return { kind: 'const', value: value };
      const src = expressionBody(value);
      if (src.length > LIMITS.expressionChars) {
        this.error(
          where,
          `expression longer than ${LIMITS.expressionChars} characters: ${value.slice(0, 40)}...`,
        );
      }
      try {
        return { kind: 'expr', expr: parseExpression(src), src: value };
      } catch (e) {
        const pos = e instanceof ExprSyntaxError ? ` at column ${e.position + 3}` : '';
        this.error(where, `invalid expression ${value}${pos}: ${(e as Error).message}`);
        return { kind: 'const', value: null };
      }
    }
    if (Array.isArray(value)) {
      const items = value.map((x) => this.tmpl(x, where));
      return items.every((i) => i.kind === 'const')
        ? { kind: 'const', value: value }
        : { kind: 'list', items };
    }
    if (isMap(value)) {
      const entries = [...value].map(([k, x]) => {
        let key: string | ExprNode = k;
        if (isExpressionString(k)) {
          const kt = this.tmpl(k, where);
          if (kt.kind === 'expr') key = kt.expr;
        }
        return { key, value: this.tmpl(x, where) };
      });
      return entries.every((e) => typeof e.key === 'string' && e.value.kind === 'const')
        ? { kind: 'const', value: value }
        : { kind: 'map', entries };
    }
    if (
      typeof value === 'bigint' ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      value === null
    )
      return { kind: 'const', value: value };
    this.error(where, `unsupported value of type ${typeOf(value)}`);
    return { kind: 'const', value: null };
  }
}

function whereName(where: string): string {
  const parts = where.split(' > ');
  return parts[parts.length - 1];
}

export interface ParsedSource {
  program?: Program;
  deployErrors: string[];
}

/** Reads a YAML or JSON workflow source (list-of-steps or `main` + subworkflows form). */
export function readProgram(text: string, fileName: string): ParsedSource {
  if (Buffer.byteLength(text, 'utf8') > LIMITS.sourceBytes) {
    return { deployErrors: [`${fileName}: source is larger than ${LIMITS.sourceBytes / 1024} KB`] };
  }
  const { raw, errors } = readWorkflowDocument(text, fileName);
  if (raw === undefined) return { deployErrors: errors };
  const reader = new SourceReader();
  const program = reader.program(raw);
  return { program, deployErrors: reader.errors };
}
