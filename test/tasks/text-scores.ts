import { latestPredictionRows } from '../cli/local/fixtures';

/**
 * The text metrics recomputed for end-to-end tests from the raw predictions, written here from their
 * definitions and not from the pipeline's JavaScript:
 * - words: NFKC, lower case, maximal runs of letters, marks and digits;
 * - ROUGE-L: longest common subsequence of the words (a full dynamic-programming table), P = LCS / output
 *   words, R = LCS / reference words, F1 their harmonic mean, 0 when either side has no words;
 * - BLEU-4: clipped n-gram precisions for n = 1..4, the 2- to 4-gram ones smoothed by adding one to both
 *   counts (NLTK's method2), geometric mean, times the brevity penalty exp(1 - r/c) when c <= r; 0 when no
 *   word matches;
 * - exact match: the whole texts equal after lower case, whitespace squashed and no spaces around / and -.
 * A failed row scores 0 on every metric and counts.
 */

const words = (text: string | null): string[] =>
  text === null
    ? []
    : (text
        .normalize('NFKC')
        .toLowerCase()
        .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);

function lcs(a: string[], b: string[]): number {
  const t: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      t[i][j] = a[i - 1] === b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
    }
  }
  return t[a.length][b.length];
}

export function rougeL(reference: string, output: string | null) {
  const ref = words(reference);
  const out = words(output);
  if (ref.length === 0 || out.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const common = lcs(ref, out);
  const precision = common / out.length;
  const recall = common / ref.length;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function bleu4(reference: string, output: string | null): number {
  const ref = words(reference);
  const out = words(output);
  if (out.length === 0) return 0;
  const logs: number[] = [];
  for (let n = 1; n <= 4; n++) {
    const refCounts = ngramCounts(ref, n);
    let matched = 0;
    let total = 0;
    for (const [gram, count] of ngramCounts(out, n)) {
      matched += Math.min(count, refCounts.get(gram) ?? 0);
      total += count;
    }
    if (n === 1) {
      if (matched === 0) return 0;
      logs.push(Math.log(matched / total));
    } else {
      logs.push(Math.log((matched + 1) / (Math.max(total, 1) + 1)));
    }
  }
  const brevity = out.length > ref.length ? 1 : Math.exp(1 - ref.length / out.length);
  return brevity * Math.exp(logs.reduce((a, b) => a + b, 0) / 4);
}

const squash = (s: string) =>
  s
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .join(' ')
    .replace(/ ?([/-]) ?/g, '$1');

export const exactMatch = (reference: string, output: string | null): number =>
  output !== null && squash(output) === squash(reference) ? 1 : 0;

export interface PredictionRow {
  exampleId: string;
  reference: string;
  /** The generated text, or null when the row failed after every retry. */
  output: string | null;
}

/** The latest attempt per eval row of one model in one run, from the predictions table. */
export async function latestPredictions(
  stateDir: string,
  runId: string,
  model: string,
): Promise<PredictionRow[]> {
  const latest = await latestPredictionRows(stateDir, runId, model);
  return latest.map((r) => ({
    exampleId: String(r.example_id),
    reference: String(r.label),
    output: r.status === '' ? String(r.generated_text ?? '') : null,
  }));
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Every text metric of one model, as means over its rows, plus the rows' success share. */
export function textMetrics(rows: PredictionRow[]): Record<string, number> {
  const rouge = rows.map((r) => rougeL(r.reference, r.output));
  return {
    bleu4_score: mean(rows.map((r) => bleu4(r.reference, r.output))),
    'rouge-l_precision': mean(rouge.map((s) => s.precision)),
    'rouge-l_recall': mean(rouge.map((s) => s.recall)),
    'rouge-l_f1': mean(rouge.map((s) => s.f1)),
    exact_match: mean(rows.map((r) => exactMatch(r.reference, r.output))),
    success_share: mean(rows.map((r) => (r.output === null ? 0 : 1))),
    num_rows: rows.length,
    num_successful_rows: rows.filter((r) => r.output !== null).length,
  };
}
