import type { ExprNode } from './expr-parser';
import { walkExpr } from './expr-parser';
import type { FnTable } from './functions';
import type { ForLoop, Program, RoutineNode, StepNode, ValueTemplate } from './program';
import { NAMED_VALUES } from './named-values';

/**
 * The checks Google's compiler runs at deploy time and that the schema cannot express: jump targets,
 * unique step names, known functions with the right arguments, and variables read where no enclosing
 * scope assigns them (loop, except and parallel-branch variables are local to their block). The variable
 * check does not follow the order of steps: a read before the first assignment fails at run time.
 */
export function checkProgram(program: Program, builtins: FnTable): string[] {
  const errors: string[] = [];
  const routines = new Map<string, RoutineNode>([['main', program.main], ...program.subworkflows]);
  const moduleNames = new Set(
    [...Object.keys(builtins), ...Object.keys(NAMED_VALUES)]
      .filter((n) => n.includes('.'))
      .map((n) => n.split('.')[0]),
  );

  const checkCall = (where: string, name: string, given: number | string[]): void => {
    const sub = routines.get(name);
    if (sub && name !== 'main') {
      if (Array.isArray(given)) {
        for (const a of given) {
          if (!sub.params.some((p) => p.name === a))
            errors.push(`${where}: subworkflow ${name} has no parameter '${a}'`);
        }
        for (const p of sub.params) {
          if (p.default === undefined && !given.includes(p.name)) {
            errors.push(`${where}: subworkflow ${name} needs argument '${p.name}'`);
          }
        }
      } else {
        const required = sub.params.filter((p) => p.default === undefined).length;
        if (given < required || given > sub.params.length) {
          errors.push(
            `${where}: subworkflow ${name} takes ${required}..${sub.params.length} arguments, got ${given}`,
          );
        }
      }
      return;
    }
    if (name.startsWith('googleapis.')) {
      if (!Array.isArray(given)) errors.push(`${where}: connector ${name} can only be used in a call step`);
      return;
    }
    const spec = builtins[name];
    if (!spec) {
      errors.push(`${where}: unknown function '${name}'`);
      return;
    }
    if (Array.isArray(given)) {
      for (const a of given)
        if (!spec.params.includes(a)) errors.push(`${where}: ${name} has no argument '${a}'`);
      for (const p of spec.params.slice(0, spec.required)) {
        if (!given.includes(p)) errors.push(`${where}: ${name} needs argument '${p}'`);
      }
    } else {
      if (spec.blocking)
        errors.push(`${where}: ${name} is a blocking call; use it in a call step, not an expression`);
      if (given < spec.required || given > spec.params.length) {
        errors.push(
          `${where}: ${name} takes ${spec.required}..${spec.params.length} arguments, got ${given}`,
        );
      }
    }
  };

  for (const routine of routines.values()) {
    const names = new Map<string, string>();
    const scope = new Scope(
      undefined,
      routine.params.map((p) => p.name),
    );
    declareAll(routine.steps, scope);

    const exprs = (e: ExprNode, where: string, sc: Scope): void => {
      walkExpr(e, (x) => {
        if (x.kind === 'call') checkCall(where, x.callee, x.args.length);
        if (x.kind === 'var' && !sc.has(x.name) && !routines.has(x.name) && !moduleNames.has(x.name)) {
          errors.push(`${where}: variable '${x.name}' is not defined here`);
        }
      });
    };
    const tmpl = (t: ValueTemplate | undefined, where: string, sc: Scope): void => {
      if (!t) return;
      if (t.kind === 'expr') exprs(t.expr, where, sc);
      else if (t.kind === 'list') t.items.forEach((i) => tmpl(i, where, sc));
      else if (t.kind === 'map') {
        for (const e of t.entries) {
          if (typeof e.key !== 'string') exprs(e.key, where, sc);
          tmpl(e.value, where, sc);
        }
      }
    };

    // Jump targets: a step list and the lists enclosing it, up to a loop or branch boundary.
    const walk = (steps: StepNode[], visible: string[][], inLoop: boolean, sc: Scope): void => {
      const here = steps.map((s) => s.name);
      const lists = [here, ...visible];
      const jump = (target: string, where: string) => {
        if (target === 'end') return;
        if (target === 'break' || target === 'continue') {
          if (!inLoop) errors.push(`${where}: '${target}' is only allowed inside a for loop`);
          return;
        }
        if (!lists.some((l) => l.includes(target)))
          errors.push(`${where}: next target '${target}' is not reachable from here`);
      };
      for (const step of steps) {
        const prev = names.get(step.name);
        if (!step.inline && prev !== undefined) {
          errors.push(`${step.where}: step name '${step.name}' is already used (${prev})`);
        } else if (!step.inline) names.set(step.name, step.where);
        if (step.next) jump(step.next, step.where);
        const b = step.body;
        switch (b.kind) {
          case 'assign':
            for (const it of b.items) {
              tmpl(it.value, step.where, sc);
              for (const p of it.target.path) if (p.kind === 'index') exprs(p.expr, step.where, sc);
              if (it.target.path.length > 0 && !sc.has(it.target.root)) {
                errors.push(`${step.where}: variable '${it.target.root}' is not defined here`);
              }
              sc.checkWrite(it.target.root, step.where, errors);
            }
            break;
          case 'call':
            checkCall(
              step.where,
              b.fn,
              b.args.map((a) => a.name),
            );
            b.args.forEach((a) => tmpl(a.value, step.where, sc));
            if (b.result) sc.checkWrite(b.result, step.where, errors);
            break;
          case 'switch':
            for (const c of b.cases) {
              tmpl(c.condition, step.where, sc);
              if (c.next) jump(c.next, step.where);
              if (c.steps) walk(c.steps, lists, inLoop, sc);
            }
            break;
          case 'for':
            loop(b.loop, step.where, sc, undefined);
            break;
          case 'parallel': {
            tmpl(b.concurrencyLimit, step.where, sc);
            for (const s of b.shared) {
              if (!sc.has(s))
                errors.push(
                  `${step.where}: shared variable '${s}' must be assigned before the parallel step`,
                );
            }
            for (const br of b.branches ?? []) {
              const bs = new Scope(sc, [], new Set(b.shared));
              declareAll(br.steps, bs);
              walk(br.steps, [], false, bs);
            }
            if (b.loop) loop(b.loop, step.where, sc, new Set(b.shared));
            break;
          }
          case 'try': {
            walk(b.steps, lists, inLoop, sc);
            if (b.retry) {
              if ('policy' in b.retry) tmpl(b.retry.policy, step.where, sc);
              else {
                tmpl(b.retry.predicate, step.where, sc);
                tmpl(b.retry.maxRetries, step.where, sc);
                Object.values(b.retry.backoff).forEach((t) => tmpl(t, step.where, sc));
              }
            }
            if (b.except) {
              const es = new Scope(sc, b.except.as ? [b.except.as] : []);
              declareAll(b.except.steps, es);
              walk(b.except.steps, lists, inLoop, es);
            }
            break;
          }
          case 'raise':
          case 'return':
            tmpl(b.value, step.where, sc);
            break;
          case 'steps':
            walk(b.steps, lists, inLoop, sc);
            break;
          case 'jump':
            break;
        }
      }
    };
    const loop = (l: ForLoop, where: string, sc: Scope, shared: Set<string> | undefined): void => {
      tmpl(l.in, where, sc);
      tmpl(l.range, where, sc);
      const ls = new Scope(sc, [l.value, ...(l.index ? [l.index] : [])], shared);
      declareAll(l.steps, ls);
      walk(l.steps, [], true, ls);
    };
    walk(routine.steps, [], false, scope);
  }
  return errors;
}

/**
 * A block's variables. Assigning a name that an enclosing scope has updates that variable; any other
 * name becomes local to the block. `shared` marks a parallel boundary: above it only listed names may
 * be written.
 */
class Scope {
  readonly names: Set<string>;

  constructor(
    readonly parent: Scope | undefined,
    names: string[],
    readonly shared?: Set<string>,
  ) {
    this.names = new Set(names);
  }

  has(name: string): boolean {
    return this.names.has(name) || (this.parent?.has(name) ?? false);
  }

  /** Writing a parent variable from inside a parallel branch requires listing it in `shared`. */
  checkWrite(name: string, where: string, errors: string[]): void {
    if (this.names.has(name)) return;
    if (this.shared && !this.shared.has(name) && this.parent?.has(name)) {
      errors.push(
        `${where}: '${name}' belongs to the enclosing scope; list it in the parallel step's \`shared\``,
      );
      return;
    }
    this.parent?.checkWrite(name, where, errors);
  }
}

/** Declares, in `scope`, every variable the steps assign that no enclosing scope already has. */
function declareAll(steps: StepNode[], scope: Scope): void {
  const add = (name: string) => {
    if (!scope.has(name)) scope.names.add(name);
  };
  for (const step of steps) {
    const b = step.body;
    switch (b.kind) {
      case 'assign':
        for (const it of b.items) if (it.target.path.length === 0) add(it.target.root);
        break;
      case 'call':
        if (b.result) add(b.result);
        break;
      case 'switch':
        for (const c of b.cases) if (c.steps) declareAll(c.steps, scope);
        break;
      case 'try':
        declareAll(b.steps, scope);
        break;
      case 'steps':
        declareAll(b.steps, scope);
        break;
      default:
        break;
    }
  }
}
