import { words } from '../model/features';
import { normalizeLabel } from '../../bigquery/normalize';

/**
 * ML.EVALUATE's metrics, computed the textbook way: ROUGE-L from the longest common subsequence of word
 * tokens, BLEU-4 per row with add-one smoothing of the 2- to 4-gram precisions, averaged over rows, and
 * per-label precision/recall/F1 with labels compared after the pipeline's label normalisation.
 */
export interface EvalPair {
  expected: string;
  generated: string;
}

function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}

const mean = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;

export function rougeL(pairs: EvalPair[]): { precision: number; recall: number; f1: number } {
  const scores = pairs.map(({ expected, generated }) => {
    const ref = words(expected);
    const hyp = words(generated);
    const common = lcs(ref, hyp);
    const precision = hyp.length === 0 ? 0 : common / hyp.length;
    const recall = ref.length === 0 ? 0 : common / ref.length;
    return {
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    };
  });
  return {
    precision: mean(scores.map((s) => s.precision)),
    recall: mean(scores.map((s) => s.recall)),
    f1: mean(scores.map((s) => s.f1)),
  };
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function bleu4(pairs: EvalPair[]): number {
  return mean(
    pairs.map(({ expected, generated }) => {
      const ref = words(expected);
      const hyp = words(generated);
      if (hyp.length === 0) return 0;
      let logSum = 0;
      for (let n = 1; n <= 4; n++) {
        const hypCounts = ngrams(hyp, n);
        const refCounts = ngrams(ref, n);
        let matched = 0;
        let total = 0;
        for (const [gram, count] of hypCounts) {
          matched += Math.min(count, refCounts.get(gram) ?? 0);
          total += count;
        }
        const smoothing = n === 1 ? 0 : 1;
        if (matched + smoothing === 0) return 0;
        logSum += Math.log((matched + smoothing) / (total + smoothing));
      }
      const brevity = hyp.length >= ref.length ? 1 : Math.exp(1 - ref.length / hyp.length);
      return brevity * Math.exp(logSum / 4);
    }),
  );
}

export function exactMatch(pairs: EvalPair[]): number {
  return mean(
    pairs.map(({ expected, generated }) => (normalizeLabel(expected) === normalizeLabel(generated) ? 1 : 0)),
  );
}

export interface LabelMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
}

/** One row per expected label, in label order. */
export function classification(pairs: EvalPair[]): LabelMetrics[] {
  const labels = new Map<string, string>();
  for (const { expected } of pairs)
    if (!labels.has(normalizeLabel(expected))) labels.set(normalizeLabel(expected), expected);
  return [...labels.entries()]
    .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([key, label]) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const { expected, generated } of pairs) {
        const isExpected = normalizeLabel(expected) === key;
        const isPredicted = normalizeLabel(generated) === key;
        if (isExpected && isPredicted) tp++;
        else if (isPredicted) fp++;
        else if (isExpected) fn++;
      }
      const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
      const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
      return {
        label,
        precision,
        recall,
        f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
      };
    });
}
