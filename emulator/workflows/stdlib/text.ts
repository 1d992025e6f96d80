import { Tag, wfError } from '../errors';
import type { FnImplementations } from '../functions';
import type { RuntimeValue } from '../values';
import { arg, bytes, optional, str } from './args';
import { Re2SyntaxError, re2MatchAll, re2ReplaceAll, re2Test } from '../../../workflows/re2';

function charset(fnName: string, value: RuntimeValue | undefined): BufferEncoding {
  const name = (optional(value, (x) => str(fnName, 'charset', x)) ?? 'UTF-8').toUpperCase();
  if (name === 'UTF-8' || name === 'UTF8') return 'utf8';
  if (name === 'ISO-8859-1' || name === 'LATIN1') return 'latin1';
  if (name === 'US-ASCII' || name === 'ASCII') return 'ascii';
  throw wfError(Tag.ValueError, `${fnName}: unsupported charset ${name}`);
}

/** Indexes are in characters (code points), as `len()` counts them, not UTF-16 units. */
function codePointIndex(text: string, utf16Index: number): bigint {
  return BigInt([...text.slice(0, utf16Index)].length);
}

/** Runs an RE2 operation; a pattern RE2 rejects is the documented ValueError, naming the function. */
function onRe2<T>(fnName: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof Re2SyntaxError) throw wfError(Tag.ValueError, `${fnName}: ${e.message}`);
    throw e;
  }
}

export const text: FnImplementations = {
  'text.decode': ([d, c]) => Buffer.from(bytes('text.decode', 'data', d)).toString(charset('text.decode', c)),
  'text.encode': ([t, c]) =>
    new Uint8Array(Buffer.from(str('text.encode', 'text', t), charset('text.encode', c))),
  'text.find_all': ([s, sub]) => {
    const source = str('text.find_all', 'source', s);
    const needle = str('text.find_all', 'substr', sub);
    const out: RuntimeValue[] = [];
    if (needle === '') return out;
    for (let i = source.indexOf(needle); i >= 0; i = source.indexOf(needle, i + needle.length)) {
      out.push(codePointIndex(source, i));
    }
    return out;
  },
  'text.find_all_regex': ([s, r]) => {
    const source = str('text.find_all_regex', 'source', s);
    const pattern = str('text.find_all_regex', 'regexp', r);
    return onRe2('text.find_all_regex', () => re2MatchAll(pattern, source)).map(
      (m) =>
        new Map<string, RuntimeValue>([
          ['index', codePointIndex(source, m.index)],
          ['match', m.groups[0] as string],
        ]),
    );
  },
  'text.match_regex': ([s, r]) => {
    const source = str('text.match_regex', 'source', s);
    const pattern = str('text.match_regex', 'regexp', r);
    return onRe2('text.match_regex', () => re2Test(pattern, source));
  },
  'text.replace_all': ([s, sub, rep]) =>
    str('text.replace_all', 'source', s)
      .split(str('text.replace_all', 'substr', sub))
      .join(str('text.replace_all', 'repl', rep)),
  'text.replace_all_regex': ([s, r, rep]) => {
    const source = str('text.replace_all_regex', 'source', s);
    const pattern = str('text.replace_all_regex', 'regexp', r);
    // `repl` is literal text: backreferences such as \1 are not supported and are not filled in.
    // https://cloud.google.com/workflows/docs/reference/stdlib/text/replace_all_regex
    const repl = str('text.replace_all_regex', 'repl', rep);
    return onRe2('text.replace_all_regex', () => re2ReplaceAll(pattern, source, () => repl));
  },
  'text.split': ([s, sep]) => str('text.split', 'source', s).split(str('text.split', 'separator', sep)),
  'text.substring': ([s, a, b]) => {
    const chars = [...str('text.substring', 'source', s)];
    // Positions are integers (reference page); a double is a TypeError rather than silently truncated.
    const clamp = (value: RuntimeValue | undefined, name: string) =>
      Math.min(chars.length, Math.max(0, Number(arg<bigint>('text.substring', name, value, 'integer'))));
    return chars.slice(clamp(a, 'start'), clamp(b, 'end')).join('');
  },
  'text.to_lower': ([s]) => str('text.to_lower', 'source', s).toLowerCase(),
  'text.to_upper': ([s]) => str('text.to_upper', 'source', s).toUpperCase(),
  'text.url_decode': ([s]) => {
    try {
      return decodeURIComponent(str('text.url_decode', 'source', s).replace(/\+/g, ' '));
    } catch {
      throw wfError(Tag.ValueError, 'text.url_decode: malformed percent-encoding');
    }
  },
  'text.url_encode': ([s]) =>
    encodeURIComponent(str('text.url_encode', 'source', s)).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    ),
  'text.url_encode_plus': ([s]) =>
    encodeURIComponent(str('text.url_encode_plus', 'source', s))
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, '+'),
};
