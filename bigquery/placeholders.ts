import { compileRe2, re2Pattern, re2Test } from '../workflows/re2';
import type { Sql } from './sql';

/**
 * What a run-time value may look like. Every kind has one anchored pattern in the RE2 subset (no lookarounds,
 * no backreferences), so a compiled workflow can check the value with `text.match_regex` before it
 * substitutes it with `text.replace_all`, and TypeScript callers check it with the same source.
 * No pattern admits quotes, backticks, backslashes, braces, `$`, whitespace or control characters, which is
 * what makes textual substitution inside a quoted identifier or string literal safe.
 */
export type PlaceholderKind =
  | 'projectId'
  | 'datasetId'
  | 'tableId'
  | 'modelId'
  | 'connectionId'
  | 'location'
  | 'gcsUri'
  | 'columnName'
  | 'runId'
  | 'positiveInteger'
  | 'maxOutputTokens'
  | 'unitInterval'
  | 'evalFraction'
  | 'positiveDecimal'
  | { enum: readonly string[] };

export interface Placeholder {
  name: string;
  kind: PlaceholderKind;
  /** RE2-compatible, anchored pattern source; the same as `patternFor(kind)`. */
  pattern: string;
}

const gcsPathChar = '[A-Za-z0-9._~=+@,:/-]';
/** 1 to 1024 of `chars`: RE2 rejects a repeat count above 1000, so the bound is written as two repeats. */
const upTo1024 = (chars: string) => `^${chars}{1,1000}${chars}{0,24}$`;

export const placeholderPatterns = {
  // 6-30 chars, lower-case letters, digits and hyphens, optionally scoped to a domain (`example.com:proj`).
  projectId: '^([a-z0-9][a-z0-9.-]{0,61}[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$',
  datasetId: upTo1024('[A-Za-z0-9_]'),
  tableId: upTo1024('[A-Za-z0-9_]'),
  modelId: upTo1024('[A-Za-z0-9_]'),
  connectionId: upTo1024('[A-Za-z0-9_-]'),
  // Multi-regions US and EU (any case) or a region such as us-central1 or europe-west4.
  location: '^([Uu][Ss]|[Ee][Uu]|[a-z]+-[a-z]+[0-9]{1,2})$',
  // A bucket, then an object path with at most one `*` wildcard (LOAD DATA allows one per URI).
  gcsUri: `^gs://[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]/(${gcsPathChar}+(\\*${gcsPathChar}*)?|\\*${gcsPathChar}*)$`,
  // A column name as BigQuery documents it without flexible names: a letter or underscore, then letters,
  // digits and underscores, at most 300 characters (https://cloud.google.com/bigquery/docs/schemas#column_names).
  columnName: '^[A-Za-z_][A-Za-z0-9_]{0,299}$',
  // The pipeline's run ids: a lower-case letter, then lower-case letters, digits and underscores.
  runId: '^[a-z][a-z0-9_]{0,62}$',
  positiveInteger: '^[1-9][0-9]{0,8}$',
  // 1..8192, the documented max_output_tokens range for Gemini.
  maxOutputTokens: '^([1-9][0-9]{0,2}|[1-7][0-9]{3}|80[0-9]{2}|81[0-8][0-9]|819[0-2])$',
  // [0, 1] with up to six decimals (temperature, top_p).
  unitInterval: '^(0(\\.[0-9]{1,6})?|1(\\.0{1,6})?)$',
  // [0, 1] with two decimals, the precision DATA_SPLIT_EVAL_FRACTION is documented with.
  evalFraction: '^(0(\\.[0-9]{1,2})?|1(\\.0{1,2})?)$',
  // > 0 (learning_rate_multiplier).
  positiveDecimal: '^([1-9][0-9]{0,5}(\\.[0-9]{1,6})?|0\\.[0-9]{0,5}[1-9][0-9]{0,5})$',
} as const satisfies Record<Exclude<PlaceholderKind, { enum: readonly string[] }>, string>;

const enumValue = /^[A-Za-z0-9_.-]+$/;
const placeholderName = /^[a-z][a-z0-9_]{0,62}$/;

/** The RE2 pattern of a kind; throws if RE2 would reject it, so a bad pattern fails at compile time. */
export function patternFor(kind: PlaceholderKind): string {
  if (typeof kind === 'string') return re2Pattern(placeholderPatterns[kind]);
  if (kind.enum.length === 0) throw new Error('an enum placeholder needs at least one value');
  for (const v of kind.enum) {
    if (!enumValue.test(v))
      throw new Error(`enum placeholder value ${JSON.stringify(v)} has unsafe characters`);
  }
  return re2Pattern(`^(${kind.enum.map((v) => v.replace(/\./g, '\\.')).join('|')})$`);
}

/** True when `value` matches the kind's pattern under RE2, as the compiled workflow's `text.match_regex`. */
export function placeholderMatches(kind: PlaceholderKind, value: string): boolean {
  return compileRe2(patternFor(kind)).test(value);
}

/** A value known only when the workflow runs; rendered as `{{name}}`. */
export function placeholder(name: string, kind: PlaceholderKind): Placeholder {
  if (!placeholderName.test(name)) {
    throw new Error(`placeholder name ${JSON.stringify(name)} must match ${placeholderName.source}`);
  }
  return { name, kind, pattern: patternFor(kind) };
}

export function isPlaceholder(value: unknown): value is Placeholder {
  return typeof value === 'object' && value !== null && 'pattern' in value && 'kind' in value;
}

/** Describes a kind for error messages. */
export function kindName(kind: PlaceholderKind): string {
  return typeof kind === 'string' ? kind : `one of ${kind.enum.join(', ')}`;
}

/**
 * Substitutes every placeholder of `sql` for TypeScript-side callers. Each value is checked against its
 * placeholder's pattern first; a missing, unknown or invalid value is an error naming the placeholder.
 */
export function bindSql(sql: Sql, values: Record<string, string>): Sql {
  const known = new Set(sql.placeholders.map((p) => p.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) throw new Error(`bindSql: {{${name}}} is not a placeholder of this statement`);
  }
  let text = sql.text;
  for (const p of sql.placeholders) {
    const value = values[p.name];
    if (value === undefined) throw new Error(`bindSql: no value for {{${p.name}}}`);
    if (!re2Test(p.pattern, value)) {
      throw new Error(`bindSql: value for {{${p.name}}} is not a valid ${kindName(p.kind)}`);
    }
    text = text.split(`{{${p.name}}}`).join(value);
  }
  return { text, params: sql.params, placeholders: [] };
}
