import type { ExprNode } from './expr-parser';
import { Tag, wfError } from './errors';
import { NAMED_VALUES } from './named-values';
import { binary, index, logicalOperand, member, negate } from './operators';
import type { Value, WfMap } from './values';
import { FuncRef, deepCopy } from './values';

/** What an expression can see: variables, built-in functions and the program's subworkflows. */
export interface EvalEnv {
  lookup(name: string): Value | undefined;
  isSubworkflow(name: string): boolean;
  isBuiltin(name: string): boolean;
  callBuiltin(name: string, args: Value[]): Value;
  callSubworkflow(name: string, args: Value[]): Promise<Value>;
}

function dotted(e: ExprNode): string | undefined {
  if (e.kind === 'var') return e.name;
  if (e.kind === 'member') {
    const base = dotted(e.obj);
    return base === undefined ? undefined : `${base}.${e.name}`;
  }
  return undefined;
}

function rootName(e: ExprNode): string | undefined {
  while (e.kind === 'member') e = e.obj;
  return e.kind === 'var' ? e.name : undefined;
}

/** `http.default_retry`, `retry.default_backoff`, `${my_predicate}`: names that are not variables. */
function namedValue(e: ExprNode, env: EvalEnv): Value | undefined {
  const root = rootName(e);
  if (root === undefined || env.lookup(root) !== undefined) return undefined;
  const name = dotted(e);
  if (name === undefined) return undefined;
  const named = NAMED_VALUES[name];
  if (named) return named();
  if (env.isBuiltin(name) || (e.kind === 'var' && env.isSubworkflow(name))) return new FuncRef(name);
  return undefined;
}

function variable(name: string, env: EvalEnv): Value {
  const v = env.lookup(name);
  if (v === undefined) throw wfError(Tag.KeyError, `variable '${name}' is not defined`);
  return v;
}

export function evalSync(e: ExprNode, env: EvalEnv): Value {
  switch (e.kind) {
    case 'lit':
      return e.value;
    case 'var':
      return namedValue(e, env) ?? variable(e.name, env);
    case 'member':
      return namedValue(e, env) ?? member(evalSync(e.obj, env), e.name);
    case 'index':
      return index(evalSync(e.obj, env), evalSync(e.index, env));
    case 'call': {
      const args = e.args.map((a) => evalSync(a, env));
      if (env.isSubworkflow(e.callee)) throw new Error('subworkflow calls need the async evaluator');
      return env.callBuiltin(e.callee, args);
    }
    case 'not':
      return !logicalOperand('not', evalSync(e.operand, env));
    case 'neg':
      return negate(evalSync(e.operand, env));
    case 'bin':
      if (e.op === 'and')
        return logicalOperand('and', evalSync(e.left, env)) && logicalOperand('and', evalSync(e.right, env));
      if (e.op === 'or')
        return logicalOperand('or', evalSync(e.left, env)) || logicalOperand('or', evalSync(e.right, env));
      return binary(e.op, evalSync(e.left, env), evalSync(e.right, env));
    case 'list':
      return e.items.map((i) => deepCopy(evalSync(i, env)));
    case 'map': {
      const out: WfMap = new Map();
      for (const [k, v] of e.entries) out.set(mapKey(evalSync(k, env)), deepCopy(evalSync(v, env)));
      return out;
    }
  }
}

/** The same evaluation, for expressions that call subworkflows (which run steps and so must await). */
export async function evalAsync(e: ExprNode, env: EvalEnv): Promise<Value> {
  switch (e.kind) {
    case 'lit':
    case 'var':
      return evalSync(e, env);
    case 'member':
      return namedValue(e, env) ?? member(await evalAsync(e.obj, env), e.name);
    case 'index':
      return index(await evalAsync(e.obj, env), await evalAsync(e.index, env));
    case 'call': {
      const args: Value[] = [];
      for (const a of e.args) args.push(await evalAsync(a, env));
      if (env.isSubworkflow(e.callee)) return env.callSubworkflow(e.callee, args);
      return env.callBuiltin(e.callee, args);
    }
    case 'not':
      return !logicalOperand('not', await evalAsync(e.operand, env));
    case 'neg':
      return negate(await evalAsync(e.operand, env));
    case 'bin':
      if (e.op === 'and') {
        return (
          logicalOperand('and', await evalAsync(e.left, env)) &&
          logicalOperand('and', await evalAsync(e.right, env))
        );
      }
      if (e.op === 'or') {
        return (
          logicalOperand('or', await evalAsync(e.left, env)) ||
          logicalOperand('or', await evalAsync(e.right, env))
        );
      }
      return binary(e.op, await evalAsync(e.left, env), await evalAsync(e.right, env));
    case 'list': {
      const out: Value[] = [];
      for (const i of e.items) out.push(deepCopy(await evalAsync(i, env)));
      return out;
    }
    case 'map': {
      const out: WfMap = new Map();
      for (const [k, v] of e.entries)
        out.set(mapKey(await evalAsync(k, env)), deepCopy(await evalAsync(v, env)));
      return out;
    }
  }
}

function mapKey(k: Value): string {
  if (typeof k !== 'string') throw wfError(Tag.TypeError, 'map keys must be strings');
  return k;
}

const asyncCache = new WeakMap<ExprNode, boolean>();

/** Whether the expression calls a subworkflow anywhere (then it needs evalAsync). */
export function callsSubworkflow(e: ExprNode, isSubworkflow: (name: string) => boolean): boolean {
  const cached = asyncCache.get(e);
  if (cached !== undefined) return cached;
  let found = false;
  const visit = (x: ExprNode): void => {
    if (found) return;
    switch (x.kind) {
      case 'call':
        if (isSubworkflow(x.callee)) found = true;
        x.args.forEach(visit);
        break;
      case 'member':
        visit(x.obj);
        break;
      case 'index':
        visit(x.obj);
        visit(x.index);
        break;
      case 'not':
      case 'neg':
        visit(x.operand);
        break;
      case 'bin':
        visit(x.left);
        visit(x.right);
        break;
      case 'list':
        x.items.forEach(visit);
        break;
      case 'map':
        x.entries.forEach(([k, v]) => {
          visit(k);
          visit(v);
        });
        break;
      default:
        break;
    }
  };
  visit(e);
  asyncCache.set(e, found);
  return found;
}
