/**
 * GoogleSQL literals. Strings are written single-quoted and pure ASCII: quotes and backslashes are
 * backslash-escaped, and everything outside printable ASCII (control characters, NUL, non-ASCII, including
 * bidirectional overrides and zero-width characters) becomes a `\uhhhh` / `\Uhhhhhhhh` escape, so what a
 * reviewer sees in the SQL is exactly what BigQuery reads. `$` is escaped too: the SQL is embedded in a
 * Cloud Workflows program, where `${` would start an expression; and so is `{`, since a `{{name}}` in the
 * text is a placeholder that binding replaces, also inside a literal.
 */
export function stringLiteral(value: string, field: string): string {
  if (typeof value !== 'string') throw new Error(`${field}: expected a string, got ${typeof value}`);
  let out = "'";
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (code >= 0xd800 && code <= 0xdfff) {
      throw new Error(`${field}: contains an unpaired UTF-16 surrogate, which is not valid text`);
    }
    if (ch === "'" || ch === '\\') out += `\\${ch}`;
    else if (ch === '$') out += '\\u0024';
    else if (ch === '{') out += '\\u007b';
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return out + "'";
}

export function int64Literal(value: number, field: string): string {
  if (!Number.isSafeInteger(value)) throw new Error(`${field}: ${value} is not an integer`);
  return String(value);
}

/** A FLOAT64 literal: always with a decimal point or exponent, so BigQuery never reads it as INT64. */
export function float64Literal(value: number, field: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${field}: ${value} is not a finite number`);
  }
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export function boolLiteral(value: boolean, field: string): string {
  if (typeof value !== 'boolean') throw new Error(`${field}: expected true or false`);
  return value ? 'TRUE' : 'FALSE';
}

export function stringArrayLiteral(values: readonly string[], field: string): string {
  if (!Array.isArray(values)) throw new Error(`${field}: expected a list of strings`);
  return `[${values.map((v, i) => stringLiteral(v, `${field}[${i}]`)).join(', ')}]`;
}
