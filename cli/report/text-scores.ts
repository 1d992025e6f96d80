import vm from 'node:vm';
import { textMetricsLibrary, type TextScores } from '../../bigquery/text-metrics';
import { generationMetricScores, type GenerationMetric } from '../../bigquery/generation-metrics';
import { normalizeLabel } from '../../bigquery/normalize';

type Scorer = (reference: string, candidate: string | null) => TextScores;
let scorer: Scorer | undefined;

/**
 * One row's score on a free-text metric, by the same JavaScript the metrics statement runs as its UDF
 * (bigquery/text-metrics.ts), evaluated in a context of its own: BLEU-4 and ROUGE-L of `candidate` against
 * `reference`; exact match compares the normalised texts, as generationMetrics compares the stored
 * predicted_label with the normalised label. A failed row (`candidate` null) scores 0. Values in [0, 1].
 */
export function rowScore(metric: GenerationMetric, reference: string, candidate: string | null): number {
  const field = generationMetricScores[metric].score;
  if (field === 'exact_match') {
    return candidate !== null && normalizeLabel(candidate) === normalizeLabel(reference) ? 1 : 0;
  }
  scorer ??= vm.runInNewContext(`${textMetricsLibrary}\nscores`) as Scorer;
  return scorer(reference, candidate)[field];
}
