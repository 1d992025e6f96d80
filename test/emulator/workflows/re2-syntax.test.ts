import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  WorkflowValidationError,
  call,
  fn,
  renderWorkflow,
  returnStep,
  v,
  validateWorkflow,
  workflow,
} from '../../../workflows/dsl';
import { bqtuneBin } from '../../support/bin';
import { re2SyntaxRows } from '../../support/re2-syntax';

/**
 * RE2's documented syntax table drives both the interpreter (compiled YAML run by `bqtune workflow run`) and
 * the DSL's compile-time check. Every construct the table supports must work and find what the table says
 * it means; every construct it marks NOT SUPPORTED must be a ValueError locally and a violation at compile
 * time. Expected matches are written from the table's descriptions, not from running the engine.
 */

type Found = [index: number, match: string][];

/** Source text and every match `text.find_all_regex` must return, per supported pattern. */
const EXAMPLES: Record<string, [string, Found]> = {
  '.': ['\nx', [[1, 'x']]], // s is false by default: `.` skips the newline
  '[abc]': ['zb', [[1, 'b']]],
  '[^abc]': ['abd', [[2, 'd']]],
  '\\d': ['a7', [[1, '7']]],
  '\\D': ['7a', [[1, 'a']]],
  '[[:alpha:]]': ['1a', [[1, 'a']]],
  '[[:^alpha:]]': ['a1', [[1, '1']]],
  '\\pN': ['a5', [[1, '5']]],
  '\\p{Greek}': ['aλ', [[1, 'λ']]],
  '\\PN': ['5a', [[1, 'a']]],
  '\\P{Greek}': ['λa', [[1, 'a']]],
  ab: ['aab', [[1, 'ab']]],
  'a|b': [
    'ba',
    [
      [0, 'b'],
      [1, 'a'],
    ],
  ],
  'a*': ['aaaa', [[0, 'aaaa']]],
  'a+': ['baa', [[1, 'aa']]],
  'a?': [
    'aa',
    [
      [0, 'a'],
      [1, 'a'],
    ],
  ],
  'a{2,3}': [
    'aaaaa',
    [
      [0, 'aaa'],
      [3, 'aa'],
    ],
  ],
  'a{2,}': ['aaaa', [[0, 'aaaa']]],
  'a{2}': [
    'aaaaa',
    [
      [0, 'aa'],
      [2, 'aa'],
    ],
  ],
  'a*?': [
    'a',
    [
      [0, ''],
      [1, ''],
    ],
  ],
  'a+?': [
    'aa',
    [
      [0, 'a'],
      [1, 'a'],
    ],
  ],
  'a??': [
    'a',
    [
      [0, ''],
      [1, ''],
    ],
  ],
  'a{2,3}?': [
    'aaaa',
    [
      [0, 'aa'],
      [2, 'aa'],
    ],
  ],
  'a{2,}?': [
    'aaaa',
    [
      [0, 'aa'],
      [2, 'aa'],
    ],
  ],
  'a{2}?': ['aaa', [[0, 'aa']]],
  '(a)': ['ba', [[1, 'a']]],
  '(?P<n>a)': ['ba', [[1, 'a']]],
  '(?:a)': ['ba', [[1, 'a']]],
  '(?i)': [
    'x',
    [
      [0, ''],
      [1, ''],
    ],
  ],
  '(?i:a)': ['bA', [[1, 'A']]],
  '(?m)': ['', [[0, '']]],
  '(?s)': ['', [[0, '']]],
  '(?U)': ['', [[0, '']]],
  '^': ['a\nb', [[0, '']]],
  $: ['a\nb', [[3, '']]],
  '\\A': ['ab', [[0, '']]],
  '\\b': [
    'ab cd',
    [
      [0, ''],
      [2, ''],
      [3, ''],
      [5, ''],
    ],
  ],
  '\\B': [
    'abc',
    [
      [1, ''],
      [2, ''],
    ],
  ],
  '\\z': ['ab', [[2, '']]],
  '\\a': ['x\x07', [[1, '\x07']]],
  '\\f': ['x\f', [[1, '\f']]],
  '\\t': ['x\t', [[1, '\t']]],
  '\\n': ['x\n', [[1, '\n']]],
  '\\r': ['x\r', [[1, '\r']]],
  '\\v': ['x\v', [[1, '\v']]],
  '\\*': ['a*', [[1, '*']]],
  '\\123': ['xS', [[1, 'S']]], // octal 123 is "S"
  '\\x7F': ['x\x7f', [[1, '\x7f']]],
  '\\x{10FFFF}': ['x\u{10FFFF}', [[1, '\u{10FFFF}']]],
  '\\Q...\\E': ['a...b', [[1, '...']]],
  '[a]': ['ba', [[1, 'a']]],
  '[A-Z]': ['aB', [[1, 'B']]],
  '[\\d]': ['a1', [[1, '1']]],
  '[\\pL]': ['1a', [[1, 'a']]],
  '[\\p{Greek}]': ['aλ', [[1, 'λ']]],
  '[^\\d]': ['1a', [[1, 'a']]],
  '[\\D]': ['1a', [[1, 'a']]],
  '[^\\D]': ['a1', [[1, '1']]],
  '[^[:alpha:]]': ['a1', [[1, '1']]],
  '[^\\p{Greek}]': ['λa', [[1, 'a']]],
  '\\s': ['a\t', [[1, '\t']]],
  '\\S': [' a', [[1, 'a']]],
  '\\w': ['-a', [[1, 'a']]],
  '\\W': ['a-', [[1, '-']]],
  '[[:alnum:]]': ['-a', [[1, 'a']]],
  '[[:ascii:]]': ['éa', [[1, 'a']]],
  '[[:blank:]]': ['a\t', [[1, '\t']]],
  '[[:cntrl:]]': ['a\x01', [[1, '\x01']]],
  '[[:digit:]]': ['a1', [[1, '1']]],
  '[[:graph:]]': [' !', [[1, '!']]],
  '[[:lower:]]': ['Aa', [[1, 'a']]],
  '[[:print:]]': ['\x01 ', [[1, ' ']]],
  '[[:punct:]]': ['a!', [[1, '!']]],
  '[[:space:]]': ['a\v', [[1, '\v']]],
  '[[:upper:]]': ['aA', [[1, 'A']]],
  '[[:word:]]': ['-_', [[1, '_']]],
  '[[:xdigit:]]': ['gF', [[1, 'F']]],
  // Unicode class names: a sample of general categories and scripts (the others must compile).
  '\\p{Lu}': ['aA', [[1, 'A']]],
  '\\p{Ll}': ['Aa', [[1, 'a']]],
  '\\p{Nd}': ['a٣', [[1, '٣']]],
  '\\p{Sc}': ['a€', [[1, '€']]],
  '\\p{Zs}': ['a\u00a0', [[1, '\u00a0']]],
  '\\p{Han}': ['a中', [[1, '中']]],
  '\\p{Cyrillic}': ['aж', [[1, 'ж']]],
  '\\p{Arabic}': ['aع', [[1, 'ع']]],
  '\\p{Hiragana}': ['aあ', [[1, 'あ']]],
  '\\p{Latin}': ['λa', [[1, 'a']]],
};

/** RE2 behaviour the table states in words: match preference, flags, empty matches, indexes in characters. */
const SEMANTICS: [pattern: string, source: string, found: Found][] = [
  ['a|ab', 'ab', [[0, 'a']]], // leftmost-first: the first alternative wins, not the longest
  [
    '(?U)a+',
    'aaa',
    [
      [0, 'a'],
      [1, 'a'],
      [2, 'a'],
    ],
  ],
  ['(?U)a+?', 'aaa', [[0, 'aaa']]], // ungreedy swaps x+ and x+?
  [
    'a(?i)b',
    'aB ab AB',
    [
      [0, 'aB'],
      [3, 'ab'],
    ],
  ], // flags in the middle apply from there on
  ['(?i)a(?-i)b', 'AB Ab', [[3, 'Ab']]],
  ['(?:(?i)a)b', 'AB Ab', [[3, 'Ab']]], // flags end with their group
  [
    'a*',
    'baaa',
    [
      [0, ''],
      [1, 'aaa'],
    ],
  ], // no empty match right after a match
  [
    '',
    'ab',
    [
      [0, ''],
      [1, ''],
      [2, ''],
    ],
  ],
  ['\\p{Greek}', '😀λ', [[1, 'λ']]], // index in characters, not UTF-16 units
  ['.', '😀', [[0, '😀']]],
  ['(?m)^b$', 'a\nb\nc', [[2, 'b']]],
  ['a$', 'a\n', []], // `$` is end of text (like \z), not before a final newline
];

/** RE2 accepts `\C` (one byte); the emulator rejects it, the stricter side (see emulator/README.md). */
const REJECTED_LOCALLY = new Set(['\\C']);

const rows = re2SyntaxRows();
const isUnicodeName = (section: string) => section.startsWith('Unicode character class names');

interface Outcome {
  all?: { index: number; match: string }[];
  match?: boolean;
  replaced?: string;
  all_error?: string[];
  match_error?: string[];
  replaced_error?: string[];
}

const attempt = (name: string, key: string, expression: string) => ({
  [name]: {
    try: { steps: [{ [`${name}_value`]: { assign: [{ [`r.${key}`]: `\${${expression}}` }] } }] },
    except: { as: 'e', steps: [{ [`${name}_error`]: { assign: [{ [`r.${key}_error`]: '${e.tags}' }] } }] },
  },
});

/** Each case through find_all_regex, match_regex and replace_all_regex, errors caught per function. */
const PROBE = {
  main: {
    params: ['args'],
    steps: [
      { init: { assign: [{ out: [] }] } },
      {
        each: {
          for: {
            value: 'c',
            in: '${args.cases}',
            steps: [
              { start: { assign: [{ r: {} }] } },
              attempt('find', 'all', 'text.find_all_regex(c.source, c.pattern)'),
              attempt('test', 'match', 'text.match_regex(c.source, c.pattern)'),
              attempt('replace', 'replaced', 'text.replace_all_regex(c.source, c.pattern, "#")'),
              { keep: { assign: [{ out: '${list.concat(out, r)}' }] } },
            ],
          },
        },
      },
      { done: { return: '${out}' } },
    ],
  },
};

function runProbe(cases: { pattern: string; source: string }[]): Outcome[] {
  if (!fs.existsSync(bqtuneBin)) throw new Error(`${bqtuneBin} is missing: build first (npm test does)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 're2-'));
  try {
    const file = path.join(dir, 'probe.yaml');
    fs.writeFileSync(file, JSON.stringify(PROBE));
    const data = path.join(dir, 'data.json');
    fs.writeFileSync(data, JSON.stringify({ cases }));
    const res = spawnSync(
      process.execPath,
      [bqtuneBin, 'workflow', 'run', file, '--data', fs.readFileSync(data, 'utf8')],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (res.status !== 0) throw new Error(`workflow run exited ${res.status}: ${res.stderr}`);
    return JSON.parse(res.stdout) as Outcome[];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const found = (o: Outcome): Found | undefined => o.all?.map((m) => [m.index, m.match]);

describe('RE2 syntax table, run as YAML by `bqtune workflow run`', () => {
  const tableCases = rows.map((r) => ({ pattern: r.pattern, source: EXAMPLES[r.pattern]?.[0] ?? 'ab' }));
  const semanticCases = SEMANTICS.map(([pattern, source]) => ({ pattern, source }));
  let outcomes: Outcome[];
  beforeAll(() => {
    outcomes = runProbe([...tableCases, ...semanticCases]);
  });

  test('the table has both kinds of rows and every supported construct has an example', () => {
    expect(rows.filter((r) => r.supported).length).toBeGreaterThan(150);
    expect(rows.filter((r) => !r.supported).length).toBeGreaterThan(50);
    const missing = rows.filter(
      (r) =>
        r.supported && !isUnicodeName(r.section) && !REJECTED_LOCALLY.has(r.pattern) && !EXAMPLES[r.pattern],
    );
    expect(missing.map((r) => r.construct)).toEqual([]);
  });

  test('each supported construct works and finds what the table says', () => {
    const wrong = rows.flatMap((r, i) => {
      const o = outcomes[i];
      if (!r.supported || REJECTED_LOCALLY.has(r.pattern)) return [];
      const ok = o.all !== undefined && o.match === o.all.length > 0 && typeof o.replaced === 'string';
      const example = EXAMPLES[r.pattern];
      if (ok && (!example || JSON.stringify(found(o)) === JSON.stringify(example[1]))) return [];
      return [{ construct: r.construct, pattern: r.pattern, outcome: o, expected: example?.[1] }];
    });
    expect(wrong).toEqual([]);
  });

  test('each NOT SUPPORTED construct (lookarounds, backreferences, possessive, ...) is a ValueError', () => {
    const everyFunction = {
      all_error: ['ValueError'],
      match_error: ['ValueError'],
      replaced_error: ['ValueError'],
    };
    const wrong = rows.flatMap((r, i) =>
      !r.supported || REJECTED_LOCALLY.has(r.pattern)
        ? JSON.stringify(outcomes[i]) === JSON.stringify(everyFunction)
          ? []
          : [{ construct: r.construct, pattern: r.pattern, outcome: outcomes[i] }]
        : [],
    );
    expect(wrong).toEqual([]);
    const patterns = rows.filter((r) => !r.supported).map((r) => r.pattern);
    expect(patterns).toEqual(
      expect.arrayContaining(['(?=a)', '(?!a)', '(?<=a)', '(?<!a)', '\\1', 'a++', '(?<n>a)']),
    );
  });

  test('match semantics: leftmost-first, (?U), flags mid-pattern, empty matches, character indexes', () => {
    const got = SEMANTICS.map(([pattern], i) => [pattern, found(outcomes[tableCases.length + i])]);
    expect(got).toEqual(SEMANTICS.map(([pattern, , f]) => [pattern, f]));
  });
});

describe('RE2 syntax table at compile time, through the DSL', () => {
  const inExpression = (pattern: string) =>
    validateWorkflow(
      workflow({ params: ['s'], steps: [returnStep('check', fn('text.match_regex', v('s'), pattern))] }),
    );

  test('a supported construct compiles; a NOT SUPPORTED one is a violation naming step and function', () => {
    const wrong = rows.flatMap((r) => {
      const violations = inExpression(r.pattern);
      const rejected = !r.supported || REJECTED_LOCALLY.has(r.pattern);
      const ok = rejected
        ? violations.length === 1 &&
          violations[0].path === 'main > check' &&
          violations[0].message.startsWith('text.match_regex: invalid RE2 regular expression')
        : violations.length === 0;
      return ok ? [] : [{ construct: r.construct, pattern: r.pattern, violations }];
    });
    expect(wrong).toEqual([]);
  });

  test('patterns are checked in call steps, nested calls and all three functions; variables are not literals', () => {
    const wf = workflow({
      params: ['s'],
      steps: [
        call('find', 'text.find_all_regex', { args: { source: v('s'), regexp: 'a(?=b)' }, result: 'x' }),
        call('replace', 'text.replace_all_regex', { args: { source: v('s'), regexp: '(a)\\1', repl: '' } }),
        returnStep(
          'nested',
          fn('if', fn('text.match_regex', v('s'), 'a++'), [fn('text.match_regex', v('s'), v('s'))], 1),
        ),
      ],
    });
    expect(validateWorkflow(wf).map((x) => [x.path, x.message.split(':')[0]])).toEqual([
      ['main > find', 'text.find_all_regex'],
      ['main > replace', 'text.replace_all_regex'],
      ['main > nested', 'text.match_regex'],
    ]);
    expect(() => renderWorkflow(wf)).toThrow(WorkflowValidationError);
    expect(() =>
      renderWorkflow(
        workflow({ params: ['s'], steps: [returnStep('ok', fn('text.match_regex', v('s'), 'a(?i)b'))] }),
      ),
    ).not.toThrow();
  });
});
