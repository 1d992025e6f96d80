import type { Expr } from './expr-parser';
import type { Value } from './values';

/**
 * A value written in the source with its `${...}` expressions parsed: literals stay constants, so only
 * the parts that contain expressions are evaluated at run time.
 */
export type Tmpl =
  | { t: 'const'; v: Value }
  | { t: 'expr'; e: Expr; src: string }
  | { t: 'list'; items: Tmpl[] }
  | { t: 'map'; entries: { key: string | Expr; value: Tmpl }[] };

/** `a`, `a.b`, `a["k"]`, `a[i][j]`: the variable and the path into it. */
export interface AssignTarget {
  root: string;
  path: ({ k: 'key'; name: string } | { k: 'index'; e: Expr })[];
  src: string;
}

export interface ForLoop {
  value: string;
  index?: string;
  in?: Tmpl;
  range?: Tmpl;
  steps: Step[];
}

export type RetrySpec =
  | { policy: Tmpl }
  | { predicate: Tmpl; maxRetries: Tmpl; backoff: { initialDelay: Tmpl; maxDelay: Tmpl; multiplier: Tmpl } };

export interface SwitchCase {
  condition: Tmpl;
  next?: string;
  steps?: Step[];
}

export type StepBody =
  | { kind: 'assign'; items: { target: AssignTarget; value: Tmpl }[] }
  | { kind: 'call'; fn: string; args: { name: string; value: Tmpl }[]; result?: string }
  | { kind: 'switch'; cases: SwitchCase[] }
  | { kind: 'for'; loop: ForLoop }
  | {
      kind: 'parallel';
      shared: string[];
      concurrencyLimit?: Tmpl;
      continueAll: boolean;
      branches?: { name: string; steps: Step[] }[];
      loop?: ForLoop;
    }
  | { kind: 'try'; steps: Step[]; retry?: RetrySpec; except?: { as?: string; steps: Step[] } }
  | { kind: 'raise'; value: Tmpl }
  | { kind: 'return'; value: Tmpl }
  | { kind: 'steps'; steps: Step[] }
  | { kind: 'jump' };

export interface Step {
  name: string;
  /** Where the step is in the source, for messages: `main > init > steps[1]`. */
  where: string;
  body: StepBody;
  next?: string;
  /** The body of an inline `try:` or of a switch condition: shares its name with the enclosing step. */
  inline?: boolean;
}

export interface Param {
  name: string;
  default?: Tmpl;
}

export interface Routine {
  name: string;
  params: Param[];
  steps: Step[];
}

export interface Program {
  main: Routine;
  subworkflows: Map<string, Routine>;
}
