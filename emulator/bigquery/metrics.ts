/**
 * ML.EVALUATE's metrics. BLEU-4 and ROUGE-L are the pipeline's own per-row scores: the JavaScript of
 * bigquery/text-metrics.ts, evaluated once here, so ML.EVALUATE and the generation-metrics statement's
 * temporary UDF agree by construction; each metric is the mean of its per-row score. Exact match and the
 * per-label precision/recall/F1 compare labels after the pipeline's label normalisation.
 */
import * as vm from 'node:vm';
import { normalizeLabel } from '../../bigquery/normalize';
import { generationMetricScores, type GenerationMetric } from '../../bigquery/generation-metrics';
import { textMetricsLibrary, type TextScores } from '../../bigquery/text-metrics';

/** One evaluated row: the label column's expected text and the model's generated text. */
export interface EvalPair {
  expected: string;
  generated: string;
}

const scores = vm.runInNewContext(`(function () {${textMetricsLibrary}\nreturn scores;\n})()`, {}) as (
  reference: string,
  candidate: string,
) => TextScores;

const mean = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;

/** Every free-text metric under its ML.EVALUATE name (generation-metrics.ts): the mean of its per-row score. */
export function generationMetricValues(pairs: EvalPair[]): Record<GenerationMetric, number> {
  const rows = pairs.map((p) => ({
    ...scores(p.expected, p.generated),
    exact_match: normalizeLabel(p.expected) === normalizeLabel(p.generated) ? 1 : 0,
  }));
  const names = Object.keys(generationMetricScores) as GenerationMetric[];
  return Object.fromEntries(
    names.map((m) => [m, mean(rows.map((r) => r[generationMetricScores[m].score]))]),
  ) as Record<GenerationMetric, number>;
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
  // Shown labels are distinct (each is the first spelling of its own normalised label): no ties to order.
  return [...labels.entries()]
    .sort((a, b) => (a[1] < b[1] ? -1 : 1))
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
      // Every listed label is some row's expected label, so tp + fn >= 1.
      const recall = tp / (tp + fn);
      return {
        label,
        precision,
        recall,
        f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
      };
    });
}
