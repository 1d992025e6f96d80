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
 * @returns one message per finding, `<step location>: <what is wrong>`, in source order; empty when none.
 */
export function checkProgram(program: Program, builtins: FnTable): string[] {
  const errors: string[] = [];
  const routines = new Map<string, RoutineNode>([['main', program.main], ...program.subworkflows]);
  const moduleNames = new Set(
    [...Object.keys(builtins), ...Object.keys(NAMED_VALUES)]
      .filter((n) => n.includes('.'))
      .map((n) => n.split('.')[0]),
  );
  const known: KnownNames = { routines, builtins, moduleNames };
  for (const routine of routines.values()) new RoutineChecker(known, errors).check(routine);
  return errors;
}

/** What every routine's checks look names up in: the routines, the built-ins and their module prefixes. */
interface KnownNames {
  routines: Map<string, RoutineNode>;
  builtins: FnTable;
  /** `sys`, `text`, ...: a bare module name is not an undefined variable (it prefixes a function). */
  moduleNames: Set<string>;
}

/**
 * A call's name and arguments: by name in a call step (`given` lists them), by count in an expression.
 * Subworkflows, connectors (call steps only) and built-ins each have their own rules.
 */
function checkCall(
  known: KnownNames,
  errors: string[],
  where: string,
  name: string,
  given: number | string[],
): void {
  const sub = known.routines.get(name);
  if (sub && name !== 'main') {
    checkSubworkflowCall(sub, errors, where, name, given);
    return;
  }
  if (name.startsWith('googleapis.')) {
    if (!Array.isArray(given)) errors.push(`${where}: connector ${name} can only be used in a call step`);
    return;
  }
  const spec = known.builtins[name];
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
      errors.push(`${where}: ${name} takes ${spec.required}..${spec.params.length} arguments, got ${given}`);
    }
  }
}

function checkSubworkflowCall(
  sub: RoutineNode,
  errors: string[],
  where: string,
  name: string,
  given: number | string[],
): void {
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
}

/** Whether the innermost enclosing loop, up to a branch boundary, is none, a for, or a parallel for. */
type InLoop = false | 'loop' | 'parallel';

/**
 * A branch or iteration cannot end its routine: Google's parallel-steps page names no meaning for it, so the
 * stricter reading rejects it (a value the branch should hand back goes into a `shared` variable).
 */
const NOT_IN_PARALLEL = (what: string) =>
  `${what} cannot end the routine from inside a parallel branch or iteration; assign a shared variable instead`;

/**
 * The checks of one routine (`main` or a subworkflow): step names unique within it, jump targets reachable
 * from where they are written, and every value's expressions and calls.
 */
class RoutineChecker {
  /** Step names seen in this routine, with where each was first used. */
  private readonly names = new Map<string, string>();

  constructor(
    private readonly known: KnownNames,
    private readonly errors: string[],
  ) {}

  check(routine: RoutineNode): void {
    const scope = new Scope(
      undefined,
      routine.params.map((p) => p.name),
    );
    declareAll(routine.steps, scope);
    this.steps(routine.steps, [], false, scope);
  }

  /**
   * A step list. Jump targets: the list and the lists enclosing it (`visible`), up to a loop or branch
   * boundary; `inLoop` allows `break` and `continue` (`continue` only, when the innermost loop is a
   * parallel for).
   */
  private steps(steps: StepNode[], visible: string[][], inLoop: InLoop, sc: Scope): void {
    const lists = [steps.map((s) => s.name), ...visible];
    for (const step of steps) {
      const prev = this.names.get(step.name);
      if (!step.inline && prev !== undefined) {
        this.errors.push(`${step.where}: step name '${step.name}' is already used (${prev})`);
      } else if (!step.inline) this.names.set(step.name, step.where);
      if (step.next) this.jump(step.next, step.where, lists, inLoop);
      this.body(step, lists, inLoop, sc);
    }
  }

  /** Steps inside a parallel branch or iteration being checked (nesting count). */
  private inParallel = 0;

  private jump(target: string, where: string, lists: string[][], inLoop: InLoop): void {
    if (target === 'end') {
      if (this.inParallel > 0) this.errors.push(`${where}: ${NOT_IN_PARALLEL('next: end')}`);
      return;
    }
    if (target === 'break' || target === 'continue') {
      if (!inLoop) this.errors.push(`${where}: '${target}' is only allowed inside a for loop`);
      else if (target === 'break' && inLoop === 'parallel') {
        this.errors.push(`${where}: 'break' cannot stop a parallel for, whose iterations run at once`);
      }
      return;
    }
    if (!lists.some((l) => l.includes(target)))
      this.errors.push(`${where}: next target '${target}' is not reachable from here`);
  }

  /** What one step holds, by kind: its values, calls, writes and nested step lists. */
  private body(step: StepNode, lists: string[][], inLoop: InLoop, sc: Scope): void {
    const b = step.body;
    const where = step.where;
    switch (b.kind) {
      case 'assign':
        for (const it of b.items) {
          this.template(it.value, where, sc);
          for (const p of it.target.path) if (p.kind === 'index') this.expr(p.expr, where, sc);
          if (it.target.path.length > 0 && !sc.has(it.target.root)) {
            this.errors.push(`${where}: variable '${it.target.root}' is not defined here`);
          }
          sc.checkWrite(it.target.root, where, this.errors);
        }
        break;
      case 'call':
        checkCall(
          this.known,
          this.errors,
          where,
          b.fn,
          b.args.map((a) => a.name),
        );
        b.args.forEach((a) => this.template(a.value, where, sc));
        if (b.result) sc.checkWrite(b.result, where, this.errors);
        break;
      case 'switch':
        for (const c of b.cases) {
          this.template(c.condition, where, sc);
          if (c.next) this.jump(c.next, where, lists, inLoop);
          if (c.steps) this.steps(c.steps, lists, inLoop, sc);
        }
        break;
      case 'for':
        this.loop(b.loop, where, sc, undefined);
        break;
      case 'parallel': {
        this.template(b.concurrencyLimit, where, sc);
        for (const s of b.shared) {
          if (!sc.has(s))
            this.errors.push(`${where}: shared variable '${s}' must be assigned before the parallel step`);
        }
        this.inParallel++;
        for (const br of b.branches ?? []) {
          const bs = new Scope(sc, [], new Set(b.shared));
          declareAll(br.steps, bs);
          this.steps(br.steps, [], false, bs);
        }
        if (b.loop) this.loop(b.loop, where, sc, new Set(b.shared));
        this.inParallel--;
        break;
      }
      case 'try': {
        this.steps(b.steps, lists, inLoop, sc);
        if (b.retry) {
          if ('policy' in b.retry) this.template(b.retry.policy, where, sc);
          else {
            this.template(b.retry.predicate, where, sc);
            this.template(b.retry.maxRetries, where, sc);
            Object.values(b.retry.backoff).forEach((t) => this.template(t, where, sc));
          }
        }
        if (b.except) {
          const es = new Scope(sc, b.except.as ? [b.except.as] : []);
          declareAll(b.except.steps, es);
          this.steps(b.except.steps, lists, inLoop, es);
        }
        break;
      }
      case 'return':
        if (this.inParallel > 0) this.errors.push(`${where}: ${NOT_IN_PARALLEL('return')}`);
        this.template(b.value, where, sc);
        break;
      case 'raise':
        this.template(b.value, where, sc);
        break;
      case 'steps':
        this.steps(b.steps, lists, inLoop, sc);
        break;
      case 'jump':
        break;
    }
  }

  /** A for loop (or a parallel for): its value and index are local to its steps, a jump cannot leave it. */
  private loop(loop: ForLoop, where: string, sc: Scope, shared: Set<string> | undefined): void {
    this.template(loop.in, where, sc);
    this.template(loop.range, where, sc);
    const ls = new Scope(sc, [loop.value, ...(loop.index ? [loop.index] : [])], shared);
    declareAll(loop.steps, ls);
    this.steps(loop.steps, [], shared ? 'parallel' : 'loop', ls);
  }

  private template(template: ValueTemplate | undefined, where: string, sc: Scope): void {
    if (!template) return;
    if (template.kind === 'expr') this.expr(template.expr, where, sc);
    else if (template.kind === 'list') template.items.forEach((i) => this.template(i, where, sc));
    else if (template.kind === 'map') {
      for (const e of template.entries) {
        if (typeof e.key !== 'string') this.expr(e.key, where, sc);
        this.template(e.value, where, sc);
      }
    }
  }

  private expr(expr: ExprNode, where: string, sc: Scope): void {
    const { routines, moduleNames } = this.known;
    walkExpr(expr, (x) => {
      if (x.kind === 'call') checkCall(this.known, this.errors, where, x.callee, x.args.length);
      if (x.kind === 'var' && !sc.has(x.name) && !routines.has(x.name) && !moduleNames.has(x.name)) {
        this.errors.push(`${where}: variable '${x.name}' is not defined here`);
      }
    });
  }
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
