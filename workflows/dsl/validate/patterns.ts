import { RE2_PATTERN_ARGUMENT, re2SyntaxError } from '../../re2';
import { toExpr } from '../expr';
import type { ExprTree, ValueInput } from '../expr';
import { callSignature, lookup } from '../stdlib';
import type { Routine } from './routines';
import { ownValues } from './values';
import { walk } from './walk';
import type { Violation } from './violation';

/**
 * Literal regular expressions given to the `text.*_regex` functions, in expressions and in `call` steps,
 * compiled with the RE2 engine the interpreter runs, so a pattern Google would reject fails at compile time.
 */
export function checkPatterns(routine: Routine): Violation[] {
  const out: Violation[] = [];
  walk(routine.steps, routine.name, ({ step, path }) => {
    const say = (message: string) => out.push({ path, message });
    for (const value of ownValues(step)) visit(toExpr(value).node, say);
    if (step.kind === 'call') {
      const position = lookup(RE2_PATTERN_ARGUMENT, step.fn);
      const name = position === undefined ? undefined : callSignature(step.fn)?.required[position];
      const arg: ValueInput | undefined = name === undefined ? undefined : step.args?.[name];
      if (arg !== undefined) checkLiteral(step.fn, toExpr(arg).node, say);
    }
  });
  return out;
}

function visit(node: ExprTree, say: (message: string) => void): void {
  switch (node.kind) {
    case 'call': {
      const position = lookup(RE2_PATTERN_ARGUMENT, node.fn);
      if (position !== undefined && node.args[position]) checkLiteral(node.fn, node.args[position], say);
      node.args.forEach((a) => visit(a, say));
      return;
    }
    case 'list':
      node.items.forEach((n) => visit(n, say));
      return;
    case 'map':
      node.entries.forEach(([, n]) => visit(n, say));
      return;
    case 'member':
      visit(node.object, say);
      return;
    case 'index':
      visit(node.object, say);
      visit(node.index, say);
      return;
    case 'unary':
      visit(node.operand, say);
      return;
    case 'binary':
      visit(node.left, say);
      visit(node.right, say);
      return;
    default:
      return;
  }
}

function checkLiteral(fnName: string, node: ExprTree, say: (message: string) => void): void {
  if (node.kind !== 'literal' || typeof node.value !== 'string') return;
  const error = re2SyntaxError(node.value);
  if (error) say(`${fnName}: ${error.message}`);
}
