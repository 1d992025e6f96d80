/**
 * The typed wiring between a pipeline's `{{placeholders}}`, the statements that contain them and the values
 * the workflow substitutes at run time (`bind_sql` in tune-and-evaluate/bigquery.ts). Every link that was a
 * string is a type here, so a misspelt, missing or unexpected placeholder name fails `tsc`, not an execution:
 *
 * - a pipeline declares each placeholder once (`declarePlaceholders`): name, kind and, for values the
 *   context step computes, the expression it stores under `ctx.values`;
 * - a statement is built from those placeholders and carries the names it contains as a type (`statement`);
 * - the values a step hands to `run_query` carry the names they bind (`PlaceholderValues`), and running a
 *   statement needs values for every name it contains.
 *
 * The compiled YAML is the same as with string keys: only TypeScript sees the types.
 */
import { isPlaceholder, placeholder, type Placeholder, type PlaceholderKind, type Sql } from '../../bigquery';
import { fn, tpl, type Expr, type ValueInput } from '../dsl';

/**
 * A FLOAT64 value as placeholder text with a decimal point, as the compile-time options are written:
 * `string(0)` is "0", which BigQuery would read as an INT64 literal
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#floating_point_literals).
 * Exponent forms are left as they are (the placeholder patterns refuse them).
 */
export const float64Text = (value: Expr): Expr =>
  fn(
    'if',
    fn('text.match_regex', fn('string', value), '[.eE]'),
    fn('string', value),
    tpl`${fn('string', value)}.0`,
  );

/** A placeholder whose name TypeScript knows: `{ name: N, kind, pattern }` as bigquery/placeholders.ts makes it. */
export type NamedPlaceholder<N extends string> = Placeholder & { readonly name: N };

/**
 * One placeholder of a pipeline. `kind` fixes the pattern its run-time value must match. `context` is where
 * the value comes from when the context step can compute it for the whole run (an expression over the
 * variables of that step, stored in `ctx.values`); without it, the steps that run a statement give the value
 * (`PlaceholderValues.with`, or runStatement's `with`).
 */
export interface PlaceholderSpec {
  readonly kind: PlaceholderKind;
  readonly context?: Expr;
}

/** The names of a placeholder table whose value the context step computes. */
export type ContextName<T> = {
  [K in keyof T]: T[K] extends { readonly context: Expr } ? K : never;
}[keyof T] &
  string;

/**
 * Values for placeholders `N` (a map expression of the workflow: name → text), out of a pipeline whose
 * placeholders are `All`. runStatement accepts them for a statement whose placeholders are among `N`
 * (plus those it is given per call). The phantom `covers` keeps values for fewer names from passing as
 * values for more, which `names` alone (covariant) would allow.
 */
export class PlaceholderValues<N extends string, All extends string = string> {
  declare readonly covers: (name: N) => void;

  /**
   * `names`: the placeholder names bound, in the order given; `expr`: the map expression holding them;
   * `all`: every placeholder name of the pipeline.
   */
  constructor(
    readonly names: readonly N[],
    readonly expr: Expr,
    readonly all: readonly All[],
  ) {}

  /**
   * These values and `more` (placeholders of the pipeline not bound yet), as `map.merge(expr, more)`.
   * Throws, as the types refuse it, on a name the pipeline does not declare or one already bound.
   */
  with<const M extends Exclude<All, N>>(more: { readonly [K in M]: ValueInput }): PlaceholderValues<
    N | M,
    All
  > {
    const added = Object.keys(more) as M[];
    const unknown = added.filter((name) => !(this.all as readonly string[]).includes(name));
    if (unknown.length > 0) throw new Error(`not a placeholder of this pipeline: ${unknown.join(', ')}`);
    const again = added.filter((name) => (this.names as readonly string[]).includes(name));
    if (again.length > 0) throw new Error(`placeholder values bound twice: ${again.join(', ')}`);
    const names = [...this.names, ...added];
    return new PlaceholderValues<N | M, All>(names, fn('map.merge', this.expr, more), this.all);
  }

  /** The run-time value of one bound placeholder: `expr.name`. Throws for a name these values do not bind. */
  get(name: N): Expr {
    if (!this.names.includes(name)) throw new Error(`no value for ${name} among ${this.names.join(', ')}`);
    return this.expr.get(name);
  }

  /** The same values, read back from where a step stored this map (a variable, a `ctx` field, a parameter). */
  storedAt(expr: Expr): PlaceholderValues<N, All> {
    return new PlaceholderValues<N, All>(this.names, expr, this.all);
  }
}

/**
 * What `declarePlaceholders` gives a pipeline. `p`: each placeholder by name, for the statement builders;
 * `patterns`: name → RE2 pattern of every placeholder, in declaration order (the workflow's `ctx.patterns`);
 * `contextValues`: name → expression for the placeholders with a `context` source, in declaration order
 * (the workflow's `ctx.values`, as the context step stores it); `values(stored)`: those values read back
 * from where the context step stored them.
 */
export interface DeclaredPlaceholders<T extends Record<string, PlaceholderSpec>> {
  readonly p: { readonly [K in keyof T & string]: NamedPlaceholder<K> };
  readonly patterns: Record<string, string>;
  readonly contextValues: { readonly [K in ContextName<T>]: Expr };
  values(stored: Expr): PlaceholderValues<ContextName<T>, keyof T & string>;
}

/**
 * Declares a pipeline's placeholders once: key = the `{{name}}` in the SQL (checked by `placeholder`:
 * lower-case letters, digits, `_`), value = kind and value source. Throws on a name bigquery/placeholders.ts
 * refuses or a kind whose pattern RE2 would reject.
 */
export function declarePlaceholders<const T extends Record<string, PlaceholderSpec>>(
  table: T,
): DeclaredPlaceholders<T> {
  const entries = Object.entries(table);
  const p = Object.fromEntries(entries.map(([name, spec]) => [name, placeholder(name, spec.kind)]));
  const withContext = entries.flatMap(([name, spec]) =>
    spec.context === undefined ? [] : [[name, spec.context] as const],
  );
  return {
    p: p as DeclaredPlaceholders<T>['p'],
    patterns: Object.fromEntries(Object.values(p).map((x) => [x.name, x.pattern])),
    contextValues: Object.fromEntries(withContext) as DeclaredPlaceholders<T>['contextValues'],
    values: (stored) =>
      new PlaceholderValues(
        withContext.map(([name]) => name as ContextName<T>),
        stored,
        Object.keys(table),
      ),
  };
}

/** The placeholder names found anywhere in a value's type (objects, arrays, nested). */
export type PlaceholderNamesIn<T> =
  T extends NamedPlaceholder<infer N>
    ? N
    : T extends readonly (infer E)[]
      ? PlaceholderNamesIn<E>
      : T extends object
        ? { [K in keyof T]-?: PlaceholderNamesIn<T[K]> }[keyof T]
        : never;

declare const placeholderNames: unique symbol;

/** A compiled statement whose `{{placeholders}}` are the names `N` (its `placeholders` list at run time). */
export type Statement<N extends string> = Sql & { readonly [placeholderNames]?: N };

function namesIn(value: unknown, found: Set<string>): Set<string> {
  if (isPlaceholder(value)) found.add(value.name);
  else if (Array.isArray(value)) for (const item of value) namesIn(item, found);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) namesIn(item, found);
  return found;
}

/**
 * Builds a statement with `build(...args)` and types it with the placeholders found in `args`. Throws,
 * naming the builder, when the SQL's placeholders are not exactly those (a builder that adds or drops one),
 * so the type cannot drift from the text.
 */
export function statement<P extends unknown[], const A extends P>(
  build: (...args: P) => Sql,
  ...args: A
): Statement<PlaceholderNamesIn<A>> {
  const sql = build(...args);
  const given = namesIn(args, new Set());
  const inSql = new Set(sql.placeholders.map((x) => x.name));
  const differ = [...given].filter((n) => !inSql.has(n)).concat([...inSql].filter((n) => !given.has(n)));
  if (differ.length > 0) {
    throw new Error(
      `${build.name}: its SQL and its arguments disagree on the placeholders ${differ.sort().join(', ')}`,
    );
  }
  return sql;
}
