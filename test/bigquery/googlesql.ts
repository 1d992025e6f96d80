/**
 * A small GoogleSQL tokenizer and string-literal decoder for tests: enough to show that rendered values
 * never change a statement's token structure.
 */
export type TokenKind = string;

const punctuation = '(),.;=<>*+-/[]|:!%&^~?{}';

export function tokenKinds(sql: string): TokenKind[] {
  const kinds: TokenKind[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`tokenizer: ${why} at ${i}: ${JSON.stringify(sql.slice(i, i + 20))}`);
  };
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i++;
    } else if (sql.startsWith('--', i) || c === '#') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
      kinds.push('comment');
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) fail('unterminated comment');
      i = end + 2;
      kinds.push('comment');
    } else if (c === "'" || c === '"') {
      i++;
      while (i < sql.length && sql[i] !== c) {
        if (sql[i] === '\n') fail('newline in string');
        i += sql[i] === '\\' ? 2 : 1;
      }
      if (i >= sql.length) fail('unterminated string');
      i++;
      kinds.push('string');
    } else if (c === '`') {
      const end = sql.indexOf('`', i + 1);
      if (end < 0) fail('unterminated quoted identifier');
      i = end + 1;
      kinds.push('quoted_identifier');
    } else if (c === '@') {
      const m = /^@[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i));
      if (!m) fail('bad parameter');
      i += m![0].length;
      kinds.push('parameter');
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?/.exec(sql.slice(i))!;
      i += m[0].length;
      kinds.push('number');
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i))!;
      i += m[0].length;
      kinds.push(`word:${m[0].toUpperCase()}`);
    } else if (punctuation.includes(c)) {
      i++;
      kinds.push(`punct:${c}`);
    } else {
      fail('unexpected character');
    }
  }
  return kinds;
}

/** Decodes a single-quoted GoogleSQL string literal with the escapes stringLiteral emits. */
export function decodeStringLiteral(literal: string): string {
  if (!literal.startsWith("'") || !literal.endsWith("'")) throw new Error(`not a literal: ${literal}`);
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "'") throw new Error('unescaped quote');
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === 'u') {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (e === 'U') {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 9), 16));
      i += 8;
    } else if (e === "'" || e === '\\' || e === '"' || e === '`') {
      out += e;
    } else {
      throw new Error(`unexpected escape \\${e}`);
    }
  }
  return out;
}
