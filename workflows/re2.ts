/**
 * RE2, the regular-expression engine behind Cloud Workflows' `text.find_all_regex`, `text.match_regex` and
 * `text.replace_all_regex` (https://cloud.google.com/workflows/docs/reference/stdlib/text), run through
 * `re2js`, a JavaScript port of Google's RE2/J. The interpreter, the DSL's compile-time pattern check and the
 * TypeScript-side checks of placeholder values all go through this module, so a pattern means the same
 * thing in each of them. Syntax: https://github.com/google/re2/wiki/Syntax.
 *
 * Where the engine and the syntax page disagree, the stricter side wins:
 * - `(?<name>re)` is listed as NOT SUPPORTED by the syntax page; re2js accepts it, so it is rejected here.
 * - `\p{Cn}` and `\p{LC}` are listed as NOT SUPPORTED; re2js accepts them, so they are rejected here.
 * - `\C` (one byte, even in UTF-8 mode) is listed as supported; re2js rejects it, and a byte-sized match
 *   has no meaning on Workflows' Unicode strings, so it stays rejected.
 */
import type { RE2JS } from 're2js';
import type * as Re2js from 're2js';

/** re2js is loaded on the first pattern: most workflows (and every `bqtune` start-up) use none. */
let engine: typeof Re2js | undefined;
function re2js(): typeof Re2js {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= require('re2js') as typeof Re2js;
  return engine;
}

/** A pattern RE2 does not accept; `reason` is RE2's own description (e.g. `invalid escape sequence: \1`). */
export class Re2SyntaxError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`invalid RE2 regular expression ${JSON.stringify(pattern)}: ${reason}`);
    this.name = 'Re2SyntaxError';
  }
}

/** One match: `index`/`end` are UTF-16 offsets into the searched string; `groups[0]` is the whole match. */
export interface Re2Match {
  readonly index: number;
  readonly end: number;
  /** Capturing groups in order, `null` for a group that did not take part in the match. */
  readonly groups: readonly (string | null)[];
}

/** `\p{Cn}`, `\P{LC}`, ... written with an unescaped backslash. */
const UNSUPPORTED_CLASS = /(?<!\\)(?:\\\\)*\\[pP]\{\^?(Cn|LC)\}/;

const cache = new Map<string, RE2JS>();
/** Compiled patterns kept; a workflow uses a handful, so this only bounds pathological inputs. */
const CACHE_LIMIT = 512;

/**
 * Compiles an RE2 pattern (UTF-8 mode, no flags beyond those written in the pattern, leftmost-first).
 * Throws Re2SyntaxError for anything RE2 rejects (lookarounds, backreferences, possessive repetition, ...).
 */
export function compileRe2(pattern: string): RE2JS {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let re: RE2JS;
  try {
    re = re2js().RE2JS.compile(pattern);
  } catch (e) {
    if (e instanceof re2js().RE2JSException) {
      throw new Re2SyntaxError(pattern, e.message.replace(/^error parsing regexp: /, ''));
    }
    throw e;
  }
  for (const name of Object.keys(re.namedGroups())) {
    if (!pattern.includes(`(?P<${name}>`)) {
      throw new Re2SyntaxError(
        pattern,
        `named group (?<${name}>...) is not RE2 syntax; write (?P<${name}>...)`,
      );
    }
  }
  const unsupported = UNSUPPORTED_CLASS.exec(pattern);
  if (unsupported) {
    throw new Re2SyntaxError(
      pattern,
      `invalid character class range: \\p{${unsupported[1]}} is not supported`,
    );
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, re);
  return re;
}

/** The RE2 syntax error of a pattern, or undefined when RE2 accepts it. */
export function re2SyntaxError(pattern: string): Re2SyntaxError | undefined {
  try {
    compileRe2(pattern);
    return undefined;
  } catch (e) {
    if (e instanceof Re2SyntaxError) return e;
    throw e;
  }
}

/** True when the pattern matches somewhere in `text` (unanchored, as RE2::PartialMatch). */
export function re2Test(pattern: string, text: string): boolean {
  return compileRe2(pattern).test(text);
}

/**
 * Every non-overlapping match, left to right, as RE2's global iteration finds them: after an empty match
 * the search moves on by one character (a whole code point), and an empty match right where the previous
 * match ended is skipped (RE2::GlobalReplace, Go's FindAll).
 */
export function re2MatchAll(pattern: string, text: string): Re2Match[] {
  const re = compileRe2(pattern);
  const m = re.matcher(text);
  const out: Re2Match[] = [];
  let pos = 0;
  let lastEnd = -1;
  while (pos <= text.length && m.find(pos)) {
    const start = m.start();
    const end = m.end();
    if (start === end && start === lastEnd) {
      pos = nextCodePoint(text, start);
      continue;
    }
    const groups: (string | null)[] = [];
    for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g));
    out.push({ index: start, end, groups });
    lastEnd = end;
    pos = start === end ? nextCodePoint(text, end) : end;
  }
  return out;
}

/** `text` with every match (as re2MatchAll finds them) replaced by what `replace` returns for it. */
export function re2ReplaceAll(pattern: string, text: string, replace: (m: Re2Match) => string): string {
  let out = '';
  let from = 0;
  for (const m of re2MatchAll(pattern, text)) {
    out += text.slice(from, m.index) + replace(m);
    from = m.end;
  }
  return out + text.slice(from);
}

function nextCodePoint(text: string, i: number): number {
  if (i >= text.length) return i + 1;
  return i + ((text.codePointAt(i) as number) > 0xffff ? 2 : 1);
}

/**
 * The Workflows functions whose argument at this position (0-based, the same in expressions and as a named
 * argument of a `call` step) is an RE2 pattern.
 */
export const RE2_PATTERN_ARGUMENT: Readonly<Record<string, number>> = {
  'text.find_all_regex': 1,
  'text.match_regex': 1,
  'text.replace_all_regex': 1,
};

/**
 * The pattern itself, after checking that RE2 accepts it; throws Re2SyntaxError otherwise. For patterns a
 * workflow carries in variables, which the compile-time check of literal arguments cannot see.
 */
export function re2Pattern(pattern: string): string {
  compileRe2(pattern);
  return pattern;
}
