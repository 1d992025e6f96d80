import * as vm from 'node:vm';
import { textMetricsLibrary, textScoreFields, textScoresBody, type TextScores } from '../../bigquery';

/**
 * The text metrics' JavaScript, evaluated in a fresh `vm` context as BigQuery evaluates a UDF body (no
 * imports, no Node globals), against published reference values and hand-computed cases.
 */
const lib = vm.runInNewContext(
  `(function () {${textMetricsLibrary}\nreturn { tokens, bleu4, lcs, scores };\n})()`,
) as {
  tokens: (text: string | null) => string[];
  bleu4: (reference: string[], candidate: string[]) => number;
  lcs: (a: string[], b: string[]) => number;
  scores: (reference: string | null, candidate: string | null) => TextScores;
};
const udf = vm.runInNewContext(`(function (reference, candidate) {${textScoresBody}})`) as (
  reference: string | null,
  candidate: string | null,
) => TextScores;

const zero: TextScores = { bleu4: 0, rouge_l_precision: 0, rouge_l_recall: 0, rouge_l_f1: 0 };
/** Plain copies (values from another realm do not compare equal to this realm's objects). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('published reference values', () => {
  // rouge-score's README example (https://pypi.org/project/rouge-score/), scorer.score(target, prediction);
  // rouge-score 0.1.2 prints rougeL Score(precision=0.625, recall=0.5555555555555556, fmeasure=0.5882352941176471).
  test('ROUGE-L of the rouge-score README example', () => {
    const s = udf('The quick brown fox jumps over the lazy dog', 'The quick brown dog jumps on the log.');
    expect(s.rouge_l_precision).toBe(0.625);
    expect(s.rouge_l_recall).toBeCloseTo(0.5555555555555556, 15);
    expect(s.rouge_l_f1).toBeCloseTo(0.5882352941176471, 15);
  });

  // NLTK's SmoothingFunction docstring (https://www.nltk.org/api/nltk.translate.bleu_score.html):
  // sentence_bleu([reference1], hypothesis1, smoothing_function=chencherry.method2) prints 0.4452...
  // NLTK compares tokens as given (case-sensitive), so the token arrays go straight to bleu4.
  test("sentence BLEU-4 with add-one smoothing equals NLTK's method2 on its docstring example", () => {
    const hypothesis1 =
      'It is a guide to action which ensures that the military always obeys the commands of the party';
    const reference1 =
      'It is a guide to action that ensures that the military will forever heed Party commands';
    const score = lib.bleu4(reference1.split(' '), hypothesis1.split(' '));
    expect(score).toBeGreaterThanOrEqual(0.4452);
    expect(score).toBeLessThan(0.4453);
  });

  // NLTK's brevity_penalty docstring: references of 28 tokens, a hypothesis of 12 gives 0.2635971381157267;
  // 13 against 12 gives 0.9200... With every n-gram matching, BLEU is the brevity penalty alone.
  test("the brevity penalty equals NLTK's docstring values", () => {
    const a = (n: number) => Array.from({ length: n }, () => 'a');
    expect(lib.bleu4(a(28), a(12))).toBeCloseTo(0.2635971381157267, 15);
    const shorter = lib.bleu4(a(13), a(12));
    expect(shorter).toBeGreaterThanOrEqual(0.92);
    expect(shorter).toBeLessThan(0.9201);
  });
});

describe('hand-computed cases', () => {
  test('BLEU-4 of the README pair: clipped precisions 6/8, (2+1)/(7+1), (1+1)/(6+1), (0+1)/(5+1), BP exp(1 - 9/8)', () => {
    const s = udf('The quick brown fox jumps over the lazy dog', 'The quick brown dog jumps on the log.');
    expect(s.bleu4).toBeCloseTo(Math.exp(1 - 9 / 8) * ((6 / 8) * (3 / 8) * (2 / 7) * (1 / 6)) ** 0.25, 15);
  });

  test("counts are clipped by the reference (NLTK's 'the the the ...' example, one reference)", () => {
    // p1 = 2/7 (the reference has "the" twice), p2..p4 = (0+1)/(6+1), (0+1)/(5+1), (0+1)/(4+1); 7 > 6 tokens: BP 1.
    const s = udf('the cat is on the mat', 'the the the the the the the');
    expect(s.bleu4).toBeCloseTo(((2 / 7) * (1 / 7) * (1 / 6) * (1 / 5)) ** 0.25, 15);
    // LCS "the ... the" = 2: P 2/7, R 2/6.
    expect(s.rouge_l_precision).toBeCloseTo(2 / 7, 15);
    expect(s.rouge_l_recall).toBeCloseTo(2 / 6, 15);
  });

  test('a candidate shorter than 4 tokens: missing higher orders count 0/1, smoothed to 1/2', () => {
    // Two tokens, both right: p1 = 1, p2 = (1+1)/(1+1), p3 = p4 = (0+1)/(1+1): BLEU = (1/4)^(1/4) = sqrt(1/2).
    const s = udf('hello world', 'Hello, world!');
    expect(s.bleu4).toBeCloseTo(Math.SQRT1_2, 15);
    expect([s.rouge_l_precision, s.rouge_l_recall, s.rouge_l_f1]).toEqual([1, 1, 1]);
    // One token: (1 · 1/2 · 1/2 · 1/2)^(1/4).
    expect(udf('Paris', ' PARIS ').bleu4).toBeCloseTo((1 / 8) ** 0.25, 15);
  });

  test('an empty or NULL text on either side scores 0 everywhere, as rouge-score and NLTK score it', () => {
    for (const [reference, candidate] of [
      ['', 'some words'],
      ['some words', ''],
      ['', ''],
      [null, 'some words'],
      ['some words', null],
      [null, null],
      ['some words', '!!! ... ---'],
    ] as const)
      expect(plain(udf(reference, candidate))).toEqual(zero);
  });

  test('no word in common: BLEU 0 (no unigram match) and ROUGE-L 0', () => {
    expect(plain(udf('alpha beta gamma delta', 'one two three four'))).toEqual(zero);
  });

  test('tokens: NFKC, lower-cased, runs of letters, marks and digits; everything else separates', () => {
    expect(lib.tokens('Ｃａｆｅ\u0301  DÉJÀ–vu, naïve')).toEqual(['café', 'déjà', 'vu', 'naïve']);
    expect(lib.tokens('COVID-19 in 2020: ok?')).toEqual(['covid', '19', 'in', '2020', 'ok']);
    // Devanagari vowel signs are combining marks: the words stay whole.
    expect(lib.tokens('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
    // A script written without spaces is one token per run.
    expect(lib.tokens('東京は晴れ')).toEqual(['東京は晴れ']);
    expect(lib.tokens(null)).toEqual([]);
    // The same words in composed and decomposed form, any case, score as identical.
    expect(udf('Café crème brûlée', 'CAFE\u0301 CRE\u0300ME BRU\u0302LE\u0301E').rouge_l_f1).toBe(1);
  });

  test('the LCS of the textbook example is 4, either way round', () => {
    const [a, b] = ['ABCBDAB'.split(''), 'BDCABA'.split('')];
    expect(lib.lcs(a, b)).toBe(4);
    expect(lib.lcs(b, a)).toBe(4);
  });

  test('long texts: 4,000 distinct tokens against their reverse and against every other one', () => {
    const words = Array.from({ length: 4000 }, (_, i) => `w${i}`);
    const text = words.join(' ');
    // Distinct tokens reversed share one token in order.
    const reversed = udf(text, [...words].reverse().join(' '));
    expect(reversed.rouge_l_precision).toBeCloseTo(1 / 4000, 15);
    expect(reversed.rouge_l_recall).toBeCloseTo(1 / 4000, 15);
    // Every other token: all 2,000 candidate tokens in order: P 1, R 1/2, F1 2/3.
    const half = udf(text, words.filter((_, i) => i % 2 === 0).join(' '));
    expect([half.rouge_l_precision, half.rouge_l_recall]).toEqual([1, 0.5]);
    expect(half.rouge_l_f1).toBeCloseTo(2 / 3, 15);
  });

  test('the UDF returns exactly the STRUCT fields it declares', () => {
    expect(Object.keys(udf('a', 'a'))).toEqual([...textScoreFields]);
  });

  test('the body can sit in a raw triple-quoted string inside a workflow: no """, no $ and no {{', () => {
    expect(textScoresBody).not.toContain('"""');
    expect(textScoresBody).not.toContain('$');
    expect(textScoresBody).not.toContain('{{');
  });
});
