import type { ExprNode } from './expr-parser';
import type { RuntimeValue } from './values';

/**
 * A value written in the source with its `${...}` expressions parsed: literals stay constants, so only
 * the parts that contain expressions are evaluated at run time.
 */
export type ValueTemplate =
  | { kind: 'const'; value: RuntimeValue }
  | { kind: 'expr'; expr: ExprNode; src: string }
  | { kind: 'list'; items: ValueTemplate[] }
  | { kind: 'map'; entries: { key: string | ExprNode; value: ValueTemplate }[] };

/** `a`, `a.b`, `a["k"]`, `a[i][j]`: the variable and the path into it. */
export interface AssignTarget {
  root: string;
  path: ({ kind: 'key'; name: string } | { kind: 'index'; expr: ExprNode })[];
  src: string;
}

export interface ForLoop {
  value: string;
  index?: string;
  in?: ValueTemplate;
  range?: ValueTemplate;
  steps: StepNode[];
}

export type RetrySpec =
  | { policy: ValueTemplate }
  | {
      predicate: ValueTemplate;
      maxRetries: ValueTemplate;
      backoff: { initialDelay: ValueTemplate; maxDelay: ValueTemplate; multiplier: ValueTemplate };
    };

export interface SwitchCase {
  condition: ValueTemplate;
  next?: string;
  steps?: StepNode[];
}

export type StepBody =
  | { kind: 'assign'; items: { target: AssignTarget; value: ValueTemplate }[] }
  | { kind: 'call'; fn: string; args: { name: string; value: ValueTemplate }[]; result?: string }
  | { kind: 'switch'; cases: SwitchCase[] }
  | { kind: 'for'; loop: ForLoop }
  | {
      kind: 'parallel';
      shared: string[];
      concurrencyLimit?: ValueTemplate;
      continueAll: boolean;
      branches?: { name: string; steps: StepNode[] }[];
      loop?: ForLoop;
    }
  | { kind: 'try'; steps: StepNode[]; retry?: RetrySpec; except?: { as?: string; steps: StepNode[] } }
  | { kind: 'raise'; value: ValueTemplate }
  | { kind: 'return'; value: ValueTemplate }
  | { kind: 'steps'; steps: StepNode[] }
  | { kind: 'jump' };

export interface StepNode {
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
  default?: ValueTemplate;
}

export interface RoutineNode {
  name: string;
  params: Param[];
  steps: StepNode[];
}

export interface Program {
  main: RoutineNode;
  subworkflows: Map<string, RoutineNode>;
}
