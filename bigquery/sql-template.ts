/**
 * SQL built from typed pieces, after drizzle-orm's `sql` template. The only text a statement can hold is the
 * text written in a `sql`-tagged template in this repository's source, plus what the piece constructors of
 * this module produce after checking or escaping their input. A bare string or number in a hole is a type
 * error, and a run-time error when forced through `any`.
 *
 * Pieces and what each guarantees:
 * - a nested fragment (`sql`…``, `join`, `indentLines`): its text as built, its parameters and placeholders
 *   merged into the enclosing fragment;
 * - a query parameter (`QueryParameter`, from `stringParam` and its siblings): rendered `@name`; the value
 *   travels beside the text and BigQuery reads it as data, never as SQL
 *   (https://cloud.google.com/bigquery/docs/parameterized-queries);
 * - a placeholder (`Placeholder`): rendered `{{name}}`, substituted at run time only after its value matched
 *   the kind's pattern, which admits no quote, backtick, backslash or whitespace;
 * - a path (`paths`, `connections`): `` `project.dataset.table` `` in backticks, each segment checked against
 *   its identifier rule (bigquery/identifiers.ts), whose characters need no escape inside a quoted identifier
 *   (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#quoted_identifiers);
 * - a column (`columns`, `quotedColumns`, `bareColumns`): `` `name` `` or a bare name after the column-name
 *   rule, or `` `{{name}}` `` for a placeholder of kind columnName;
 * - a column type (`columnType`): one of `bigQueryTypes` (bigquery/column-types.ts), a closed list;
 * - a literal (`stringLit`, `int64Lit`, `float64Lit`, `boolLit`): escaped by bigquery/literals.ts;
 * - a JavaScript UDF body (`jsBody`): `r"""..."""` around source that cannot end the literal;
 * - a raw keyword (`raw`): one of `rawKeywords`, a closed list.
 *
 * A bad identifier's error names the builder and the field it was declared under, e.g.
 * `labelMetricsQuery.evaluations.dataset: "a-b" is not a valid datasetId (...)`.
 */
import {
  checkColumnName,
  connectionSegments,
  pathSegments,
  type ConnectionRef,
  type ModelRef,
  type PathSegment,
  type TableRef,
} from './identifiers';
import { bigQueryTypes, type BigQueryType } from './column-types';
import { boolLiteral, float64Literal, int64Literal, stringLiteral } from './literals';
import { isPlaceholder, placeholder, type Placeholder } from './placeholders';
import { checkParamName, type QueryParameter, type Sql } from './sql';

/** What a hole of the `sql` template accepts. */
export type SqlPiece = SqlFragment | QueryParameter | Placeholder;

// Held by this module only, so no other code can construct a fragment from a string.
const trusted: unique symbol = Symbol('trusted sql text');

/**
 * A piece of SQL: `text`, the query parameters it reads (`@name`) and the `{{name}}` placeholders in it, each
 * listed once in order of first appearance. Immutable; built only by this module's functions.
 */
export class SqlFragment {
  // A private field makes the type nominal: an object literal with the same fields is not a fragment.
  readonly #brand = true;
  readonly text: string;
  readonly params: readonly QueryParameter[];
  readonly placeholders: readonly Placeholder[];

  constructor(
    token: typeof trusted,
    text: string,
    params: readonly QueryParameter[],
    placeholders: readonly Placeholder[],
  ) {
    if (token !== trusted) throw new Error('SqlFragment: build fragments with the sql template');
    this.text = text;
    this.params = params;
    this.placeholders = placeholders;
  }

  /** True for fragments built by this module, also when a caller went around the type checker. */
  static is(value: unknown): value is SqlFragment {
    return typeof value === 'object' && value !== null && #brand in value;
  }
}

/** A path in backticks; `literal` is the same path as a string literal, for recording which model wrote a row. */
export class PathFragment extends SqlFragment {
  readonly literal: SqlFragment;

  constructor(token: typeof trusted, segments: readonly PathSegment[]) {
    const collected = new Collector();
    const text = segments.map((s) => (isPlaceholder(s) ? collected.placeholder(s) : s)).join('.');
    super(token, `\`${text}\``, collected.paramList(), collected.placeholderList());
    // Checked segments and placeholder patterns hold no quote or backslash: the text needs no escaping.
    this.literal = new SqlFragment(token, `'${text}'`, this.params, this.placeholders);
  }
}

/** Parameters and placeholders of one fragment while it is built; a name given twice must mean one thing. */
class Collector {
  private readonly params = new Map<string, QueryParameter>();
  private readonly holders = new Map<string, Placeholder>();

  param(p: QueryParameter): string {
    const known = this.params.get(p.name);
    if (known !== undefined) {
      const [was, now] = [typeName(known), typeName(p)];
      if (was !== now) throw new Error(`query parameter @${p.name} is used as ${was} and as ${now}`);
      if (JSON.stringify(known.parameterValue) !== JSON.stringify(p.parameterValue)) {
        throw new Error(`query parameter @${p.name} is given twice with different values`);
      }
    } else {
      this.params.set(p.name, p);
    }
    return `@${p.name}`;
  }

  placeholder(p: Placeholder): string {
    const known = this.holders.get(p.name);
    if (known !== undefined && JSON.stringify(known.kind) !== JSON.stringify(p.kind)) {
      throw new Error(`placeholder {{${p.name}}} is used with two different kinds`);
    }
    if (known === undefined) this.holders.set(p.name, p);
    return `{{${p.name}}}`;
  }

  fragment(f: SqlFragment): string {
    for (const p of f.params) this.param(p);
    for (const p of f.placeholders) this.placeholder(p);
    return f.text;
  }

  paramList(): QueryParameter[] {
    return [...this.params.values()];
  }

  placeholderList(): Placeholder[] {
    return [...this.holders.values()];
  }
}

function typeName(p: QueryParameter): string {
  const t = p.parameterType;
  return t.type === 'ARRAY' ? `ARRAY<${t.arrayType.type}>` : t.type;
}

function isQueryParameter(value: unknown): value is QueryParameter {
  return (
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    'parameterType' in value &&
    'parameterValue' in value
  );
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === 'object' ? 'an untyped object' : `a ${typeof value}`;
}

/** Renders one hole after checking at run time what the type checker already checked. */
function renderPiece(collected: Collector, piece: unknown, index: number, before: string): string {
  if (SqlFragment.is(piece)) return collected.fragment(piece);
  if (isQueryParameter(piece)) {
    checkParamName(piece.name);
    return collected.param(piece);
  }
  if (isPlaceholder(piece)) {
    // Rebuilt from name and kind, so a hand-made object cannot carry an unchecked name or pattern.
    const checked = placeholder(piece.name, piece.kind);
    if (checked.pattern !== piece.pattern) {
      throw new Error(`sql: placeholder {{${piece.name}}} does not carry its kind's pattern`);
    }
    return collected.placeholder(piece);
  }
  throw new Error(
    `sql: hole ${index + 1} (after ${JSON.stringify(before.slice(-30))}) is ${describeValue(piece)}, not a ` +
      'fragment, query parameter or placeholder',
  );
}

/**
 * The tagged template: `sql\`SELECT x FROM ${path} WHERE run_id = ${runId}\``. Holes take only `SqlPiece`s;
 * parameters and placeholders of nested fragments are merged in order of first appearance, and a name used
 * twice must have the same type and value (parameters) or kind (placeholders), else it throws.
 */
export function sql(strings: TemplateStringsArray, ...pieces: readonly SqlPiece[]): SqlFragment {
  const collected = new Collector();
  let text = '';
  strings.forEach((chunk, i) => {
    text += chunk;
    if (i < pieces.length) text += renderPiece(collected, pieces[i], i, text);
  });
  return new SqlFragment(trusted, text, collected.paramList(), collected.placeholderList());
}

/** The pieces with `separator` between them (`sql\`, \`` for a list); an empty list is an empty fragment. */
export function join(pieces: readonly SqlPiece[], separator: SqlFragment): SqlFragment {
  const collected = new Collector();
  const text = pieces.map((p, i) => renderPiece(collected, p, i, '')).join(collected.fragment(separator));
  return new SqlFragment(trusted, text, collected.paramList(), collected.placeholderList());
}

/**
 * `fragment` with `width` spaces after each of its line breaks, so a nested query lines up under the line
 * that holds it. Safe because no piece's own text holds a line break: literals escape it, and identifier,
 * parameter and placeholder rules admit none.
 */
export function indentLines(fragment: SqlFragment, width: number): SqlFragment {
  const text = fragment.text.split('\n').join(`\n${' '.repeat(width)}`);
  return new SqlFragment(trusted, text, fragment.params, fragment.placeholders);
}

/** The keywords a builder may choose at run time of the TypeScript code; anything else is written in the template. */
export const rawKeywords = ['AND', 'OR', 'ASC', 'DESC', 'TRUE', 'FALSE', 'NULL', 'DEFAULT'] as const;
export type RawKeyword = (typeof rawKeywords)[number];

/** One keyword of `rawKeywords`, as is; anything else throws. */
export function raw(keyword: RawKeyword): SqlFragment {
  if (!(rawKeywords as readonly string[]).includes(keyword)) {
    throw new Error(`raw: ${JSON.stringify(keyword)} is not one of ${rawKeywords.join(', ')}`);
  }
  return new SqlFragment(trusted, keyword, [], []);
}

/** A GoogleSQL string literal, escaped by `stringLiteral` (bigquery/literals.ts); `field` names it in errors. */
export function stringLit(value: string, field: string): SqlFragment {
  return new SqlFragment(trusted, stringLiteral(value, field), [], []);
}

/** `TRUE` or `FALSE`; anything but a boolean throws naming `field`. */
export function boolLit(value: boolean, field: string): SqlFragment {
  return new SqlFragment(trusted, boolLiteral(value, field), [], []);
}

/** An INT64 literal of a safe integer. */
export function int64Lit(value: number, field: string): SqlFragment {
  return new SqlFragment(trusted, int64Literal(value, field), [], []);
}

/** A FLOAT64 literal, always with a decimal point or exponent. */
export function float64Lit(value: number, field: string): SqlFragment {
  return new SqlFragment(trusted, float64Literal(value, field), [], []);
}

/**
 * Table and model paths of one builder, keyed by field: `paths('labelMetricsQuery', { evaluations })`. A bad
 * segment throws naming `builder.field.segment`. Shapes: `TableRef` `{project?, dataset, table}`, `ModelRef`
 * `{project?, dataset, model}`; each segment a name or a placeholder of that identifier kind.
 */
export function paths<K extends string>(
  builder: string,
  refs: Record<K, TableRef | ModelRef>,
): Record<K, PathFragment> {
  return mapFields(refs, (ref, key) => new PathFragment(trusted, pathSegments(ref, `${builder}.${key}`)));
}

/** Connection paths `` `project.location.connection_id` `` of one builder, keyed by field like `paths`. */
export function connections<K extends string>(
  builder: string,
  refs: Record<K, ConnectionRef>,
): Record<K, PathFragment> {
  return mapFields(
    refs,
    (ref, key) => new PathFragment(trusted, connectionSegments(ref, `${builder}.${key}`)),
  );
}

/** A column known now (checked against the column-name rule) or a placeholder of kind columnName. */
export type ColumnName = string | Placeholder;

/** `` `name` ``, or `` `{{name}}` `` for a columnName placeholder (its pattern is the same rule, checked at run time). */
function quotedColumn(name: ColumnName, field: string): SqlFragment {
  if (isPlaceholder(name)) {
    if (name.kind !== 'columnName') {
      throw new Error(`${field}: placeholder {{${name.name}}} is not a columnName`);
    }
    return sql`\`${name}\``;
  }
  return new SqlFragment(trusted, `\`${checkColumnName(name, field)}\``, [], []);
}

/**
 * Column names of one builder in backticks (so reserved words such as `label` need no special case), keyed by
 * field; a name that is not a letter or underscore then letters, digits or underscores throws naming
 * `builder.field`, and so does a placeholder of another kind than columnName.
 */
export function columns<K extends string>(
  builder: string,
  names: Record<K, ColumnName>,
): Record<K, SqlFragment> {
  return mapFields(names, (name, key) => quotedColumn(name, `${builder}.${key}`));
}

/**
 * Column names of one builder written bare, for the pipeline's own column lists: one name (a bad one throws
 * naming `builder.field`), or a list joined by `, ` (`a, b, c`; a bad one names `builder.field[i]`).
 */
export function bareColumns(builder: string, field: string, names: string | readonly string[]): SqlFragment {
  const text = Array.isArray(names)
    ? names.map((n, i) => checkColumnName(n, `${builder}.${field}[${i}]`)).join(', ')
    : checkColumnName(names as string, `${builder}.${field}`);
  return new SqlFragment(trusted, text, [], []);
}

/** Column names of one builder in backticks, one fragment each, like `columns`; a bad one names `builder.field[i]`. */
export function quotedColumns(builder: string, field: string, names: readonly string[]): SqlFragment[] {
  return names.map((n, i) => quotedColumn(n, `${builder}.${field}[${i}]`));
}

/** A column type of `bigQueryTypes` (`STRING`, `INT64`, ...), as is; anything else throws naming `field`. */
export function columnType(type: BigQueryType, field: string): SqlFragment {
  if (!(bigQueryTypes as readonly unknown[]).includes(type)) {
    throw new Error(`${field}: ${JSON.stringify(type)} is not one of ${bigQueryTypes.join(', ')}`);
  }
  return new SqlFragment(trusted, type, [], []);
}

/**
 * A JavaScript UDF body as a raw triple-quoted string, `r"""source"""`
 * (https://cloud.google.com/bigquery/docs/user-defined-functions#javascript-udfs). In a raw string a
 * backslash escapes nothing, three quotes end it and it cannot end with an odd number of backslashes
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#string_and_bytes_literals), so a
 * source holding `"""` or ending with a backslash or a quote (which with the closing three would end the
 * literal one quote early) throws naming `field`. So do `$` (the statement is embedded
 * in a Cloud Workflows program, where `${` starts an expression) and `{{` (placeholder syntax): raw text
 * cannot be escaped, so it is refused.
 */
export function jsBody(source: string, field: string): SqlFragment {
  if (typeof source !== 'string')
    throw new Error(`${field}: expected JavaScript source, got ${typeof source}`);
  const bad = ['"""', '$', '{{'].find((s) => source.includes(s));
  if (bad !== undefined) throw new Error(`${field}: a raw string body cannot hold ${bad}`);
  if (source.endsWith('\\')) throw new Error(`${field}: a raw string body cannot end with a backslash`);
  // Its quote and the three closing ones would end the literal at the first three, one quote early.
  if (source.endsWith('"')) throw new Error(`${field}: a raw string body cannot end with "`);
  return new SqlFragment(trusted, `r"""${source}"""`, [], []);
}

function mapFields<K extends string, V, R>(record: Record<K, V>, f: (value: V, key: K) => R): Record<K, R> {
  const out = {} as Record<K, R>;
  for (const key of Object.keys(record) as K[]) out[key] = f(record[key], key);
  return out;
}

/**
 * The finished statement, in the shape every builder returns. `leading` lists parameters and placeholders to
 * list first, in that order (the order a caller has always received them in); the rest follow in order of
 * first appearance. A leading parameter or placeholder the fragment does not read, or reads with another
 * type, value or kind, throws.
 */
export function toSql(fragment: SqlFragment, leading: readonly (QueryParameter | Placeholder)[] = []): Sql {
  const collected = new Collector();
  for (const p of leading) {
    const read = isPlaceholder(p)
      ? fragment.placeholders.some((q) => q.name === p.name)
      : fragment.params.some((q) => q.name === p.name);
    if (!read) {
      const what = isPlaceholder(p) ? `placeholder {{${p.name}}}` : `parameter @${p.name}`;
      throw new Error(`toSql: leading ${what} is not read by the statement`);
    }
    if (isPlaceholder(p)) collected.placeholder(p);
    else collected.param(p);
  }
  collected.fragment(fragment);
  return { text: fragment.text, params: collected.paramList(), placeholders: collected.placeholderList() };
}
