/** A value as a reference page prints it: numbers compare as numbers (so `2.0` is `2`), arrays by element. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [field: string]: JsonValue };

/**
 * One example from a BigQuery function reference page: the query (the page's own, or the page's table row
 * written as `SELECT <expression> AS x`) and what the page shows: the first column of each result row, or
 * `'error'` where the page says the call fails.
 */
export interface Example {
  /** Reference page under https://cloud.google.com/bigquery/docs/reference/standard-sql/. */
  page: string;
  sql: string;
  /** The single row's first column, or `'error'`. */
  expected?: JsonValue | 'error';
  /** The first column of each row, for an example with several rows. */
  rows?: JsonValue[];
  /** The query has no ORDER BY, so BigQuery's row order is unspecified: rows compare as a multiset. */
  unordered?: boolean;
  /**
   * An array aggregated without ORDER BY over rows whose order is unspecified (a UNION ALL): its elements
   * compare as a multiset (aggregate-function-calls: without ORDER BY the element order is not defined).
   */
  unorderedArrays?: boolean;
}

export type Outcome =
  { kind: 'exact' } | { kind: 'refused'; message: string } | { kind: 'wrong'; detail: string };

function same(actual: unknown, expected: JsonValue): boolean {
  if (expected === null) return actual === null;
  if (typeof expected === 'number') {
    if (actual === null || actual === undefined || typeof actual === 'object') return false;
    const n = Number(actual);
    return Number.isNaN(expected) ? Number.isNaN(n) : n === expected;
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => same(actual[i], e))
    );
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    const keys = Object.keys(expected);
    return keys.length === Object.keys(a).length && keys.every((k) => same(a[k], expected[k]));
  }
  return actual === expected;
}

/** A REST schema field and `v` value, decoded as the page prints it (BYTES stay base64, as the pages show). */
interface RestField {
  type: string;
  mode: string;
  fields?: RestField[];
}

export function decode(v: unknown, field: RestField, item = false): unknown {
  if (v === null || v === undefined) return null;
  if (field.mode === 'REPEATED' && !item) return (v as { v: unknown }[]).map((e) => decode(e.v, field, true));
  if (field.type === 'RECORD') {
    const cells = (v as { f: { v: unknown }[] }).f;
    return Object.fromEntries(
      (field.fields ?? []).map((sub, i) => [(sub as { name?: string }).name, decode(cells[i].v, sub)]),
    );
  }
  if (field.type === 'BOOLEAN') return v === 'true';
  return v;
}

/** Runs an example through the jobs.query connector and says whether the answer is the page's, a refusal, or different. */
export async function outcome(
  query: (sql: string) => Promise<{ schema?: { fields: RestField[] }; rows?: { f: { v: unknown }[] }[] }>,
  example: Example,
): Promise<Outcome> {
  let rows: Record<string, unknown>[];
  try {
    const result = await query(example.sql);
    const field = result.schema!.fields[0];
    rows = (result.rows ?? []).map((row) => ({ x: decode(row.f[0].v, field) }));
  } catch (error) {
    const body = (error as { value?: { body?: { error?: { message?: string } } } }).value?.body;
    const message = body?.error?.message ?? (error instanceof Error ? error.message : String(error));
    if (/not supported by the local emulator/.test(message)) return { kind: 'refused', message };
    if (example.expected === 'error') return { kind: 'exact' };
    return { kind: 'wrong', detail: `failed: ${message}` };
  }
  if (example.expected === 'error')
    return { kind: 'wrong', detail: `answered ${JSON.stringify(rows)} where the page says error` };
  const sortArray = (v: unknown): unknown =>
    Array.isArray(v) ? [...v].sort((x, y) => String(x).localeCompare(String(y))) : v;
  const first = rows
    .map((row) => Object.values(row)[0])
    .map((v) => (example.unorderedArrays ? sortArray(v) : v));
  const expected = (example.rows ?? [example.expected as JsonValue]).map((v) =>
    example.unorderedArrays ? (sortArray(v) as JsonValue) : v,
  );
  const key = (v: unknown): string => JSON.stringify(v);
  const actual = example.unordered ? [...first].sort((x, y) => key(x).localeCompare(key(y))) : first;
  const wanted = example.unordered ? [...expected].sort((x, y) => key(x).localeCompare(key(y))) : expected;
  const ok = actual.length === wanted.length && wanted.every((e, i) => same(actual[i], e));
  return ok ? { kind: 'exact' } : { kind: 'wrong', detail: `answered ${JSON.stringify(first)}` };
}
