import type { ExprNode } from './expr-parser';
import { Tag, wfError } from './errors';
import { NAMED_VALUES } from './named-values';
import { binary, index, logicalOperand, member, negate } from './operators';
import type { RuntimeValue, WfMap } from './values';
import { FuncRef, deepCopy } from './values';

/** What an expression can see: variables, built-in functions and the program's subworkflows. */
export interface EvalEnv {
  lookup(name: string): RuntimeValue | undefined;
  isSubworkflow(name: string): boolean;
  isBuiltin(name: string): boolean;
  callBuiltin(name: string, args: RuntimeValue[]): RuntimeValue;
  callSubworkflow(name: string, args: RuntimeValue[]): Promise<RuntimeValue>;
}

function dotted(expr: ExprNode): string | undefined {
  if (expr.kind === 'var') return expr.name;
  if (expr.kind === 'member') {
    const base = dotted(expr.obj);
    return base === undefined ? undefined : `${base}.${expr.name}`;
  }
  return undefined;
}

function rootName(expr: ExprNode): string | undefined {
  while (expr.kind === 'member') expr = expr.obj;
  return expr.kind === 'var' ? expr.name : undefined;
}

/** `http.default_retry`, `retry.default_backoff`, `${my_predicate}`: names that are not variables. */
function namedValue(expr: ExprNode, env: EvalEnv): RuntimeValue | undefined {
  const root = rootName(expr);
  if (root === undefined || env.lookup(root) !== undefined) return undefined;
  const name = dotted(expr);
  if (name === undefined) return undefined;
  const named = NAMED_VALUES[name];
  if (named) return named();
  if (env.isBuiltin(name) || (expr.kind === 'var' && env.isSubworkflow(name))) return new FuncRef(name);
  return undefined;
}

function variable(name: string, env: EvalEnv): RuntimeValue {
  const v = env.lookup(name);
  if (v === undefined) throw wfError(Tag.KeyError, `variable '${name}' is not defined`);
  return v;
}

export function evalSync(expr: ExprNode, env: EvalEnv): RuntimeValue {
  switch (expr.kind) {
    case 'lit':
      return expr.value;
    case 'var':
      return namedValue(expr, env) ?? variable(expr.name, env);
    case 'member':
      return namedValue(expr, env) ?? member(evalSync(expr.obj, env), expr.name);
    case 'index':
      return index(evalSync(expr.obj, env), evalSync(expr.index, env));
    case 'call': {
      const args = expr.args.map((a) => evalSync(a, env));
      if (env.isSubworkflow(expr.callee)) throw new Error('subworkflow calls need the async evaluator');
      return env.callBuiltin(expr.callee, args);
    }
    case 'not':
      return !logicalOperand('not', evalSync(expr.operand, env));
    case 'neg':
      return negate(evalSync(expr.operand, env));
    case 'bin':
      if (expr.op === 'and')
        return (
          logicalOperand('and', evalSync(expr.left, env)) && logicalOperand('and', evalSync(expr.right, env))
        );
      if (expr.op === 'or')
        return (
          logicalOperand('or', evalSync(expr.left, env)) || logicalOperand('or', evalSync(expr.right, env))
        );
      return binary(expr.op, evalSync(expr.left, env), evalSync(expr.right, env));
    case 'list':
      return expr.items.map((i) => deepCopy(evalSync(i, env)));
    case 'map': {
      const out: WfMap = new Map();
      for (const [k, v] of expr.entries) out.set(mapKey(evalSync(k, env)), deepCopy(evalSync(v, env)));
      return out;
    }
  }
}

/** The same evaluation, for expressions that call subworkflows (which run steps and so must await). */
export async function evalAsync(expr: ExprNode, env: EvalEnv): Promise<RuntimeValue> {
  switch (expr.kind) {
    case 'lit':
    case 'var':
      return evalSync(expr, env);
    case 'member':
      return namedValue(expr, env) ?? member(await evalAsync(expr.obj, env), expr.name);
    case 'index':
      return index(await evalAsync(expr.obj, env), await evalAsync(expr.index, env));
    case 'call': {
      const args: RuntimeValue[] = [];
      for (const a of expr.args) args.push(await evalAsync(a, env));
      if (env.isSubworkflow(expr.callee)) return env.callSubworkflow(expr.callee, args);
      return env.callBuiltin(expr.callee, args);
    }
    case 'not':
      return !logicalOperand('not', await evalAsync(expr.operand, env));
    case 'neg':
      return negate(await evalAsync(expr.operand, env));
    case 'bin':
      if (expr.op === 'and') {
        return (
          logicalOperand('and', await evalAsync(expr.left, env)) &&
          logicalOperand('and', await evalAsync(expr.right, env))
        );
      }
      if (expr.op === 'or') {
        return (
          logicalOperand('or', await evalAsync(expr.left, env)) ||
          logicalOperand('or', await evalAsync(expr.right, env))
        );
      }
      return binary(expr.op, await evalAsync(expr.left, env), await evalAsync(expr.right, env));
    case 'list': {
      const out: RuntimeValue[] = [];
      for (const i of expr.items) out.push(deepCopy(await evalAsync(i, env)));
      return out;
    }
    case 'map': {
      const out: WfMap = new Map();
      for (const [k, v] of expr.entries)
        out.set(mapKey(await evalAsync(k, env)), deepCopy(await evalAsync(v, env)));
      return out;
    }
  }
}

function mapKey(key: RuntimeValue): string {
  if (typeof key !== 'string') throw wfError(Tag.TypeError, 'map keys must be strings');
  return key;
}

const asyncCache = new WeakMap<ExprNode, boolean>();

/** Whether the expression calls a subworkflow anywhere (then it needs evalAsync). */
export function callsSubworkflow(expr: ExprNode, isSubworkflow: (name: string) => boolean): boolean {
  const cached = asyncCache.get(expr);
  if (cached !== undefined) return cached;
  let found = false;
  const visit = (expr: ExprNode): void => {
    if (found) return;
    switch (expr.kind) {
      case 'call':
        if (isSubworkflow(expr.callee)) found = true;
        expr.args.forEach(visit);
        break;
      case 'member':
        visit(expr.obj);
        break;
      case 'index':
        visit(expr.obj);
        visit(expr.index);
        break;
      case 'not':
      case 'neg':
        visit(expr.operand);
        break;
      case 'bin':
        visit(expr.left);
        visit(expr.right);
        break;
      case 'list':
        expr.items.forEach(visit);
        break;
      case 'map':
        expr.entries.forEach(([k, v]) => {
          visit(k);
          visit(v);
        });
        break;
      default:
        break;
    }
  };
  visit(expr);
  asyncCache.set(expr, found);
  return found;
}
