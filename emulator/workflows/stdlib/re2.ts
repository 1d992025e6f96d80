import { wfError } from '../errors';

const POSIX_CLASSES: Record<string, string> = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: '0-9A-Fa-f',
};

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/**
 * Google's regular expressions are RE2. This rewrites the RE2 forms JavaScript spells differently:
 * leading flag groups `(?i)` / `(?s)` / `(?m)`, `(?P<name>`, `\A` and `\z`, `\Q...\E`, POSIX classes
 * such as `[[:alpha:]]` and one-letter `\pL`. RE2 features with no JavaScript equivalent (flags in the
 * middle of a pattern, ungreedy mode) are a ValueError naming the pattern rather than a silent mismatch.
 */
export function re2(fnName: string, pattern: string, global = false): RegExp {
  let flags = 'u';
  let src = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1]) {
      if (f === 'U')
        throw wfError('ValueError', `${fnName}: ungreedy mode (?U) is not supported locally: ${pattern}`);
      if (!flags.includes(f)) flags += f;
    }
    src = src.slice(lead[0].length);
  }
  if (/\(\?[imsU-]+[):]/.test(src)) {
    throw wfError(
      'ValueError',
      `${fnName}: flags inside a pattern are only supported at its start: ${pattern}`,
    );
  }
  src = src
    .replace(/\\Q([\s\S]*?)(\\E|$)/g, (_m, text: string) => escapeLiteral(text))
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$(?![\\s\\S])')
    .replace(/\[:(\^?)([a-z]+):\]/g, (m, neg: string, name: string) => {
      const cls = POSIX_CLASSES[name];
      if (!cls) return m;
      return neg ? `^${cls}` : cls;
    })
    .replace(/\\([pP])([A-Z])/g, '\\$1{$2}');
  try {
    return new RegExp(src, global ? `${flags}g` : flags);
  } catch (e) {
    throw wfError('ValueError', `${fnName}: invalid regular expression: ${(e as Error).message}`);
  }
}
