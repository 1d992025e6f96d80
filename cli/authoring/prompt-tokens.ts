import { inputTokenLimit } from '../../bigquery/model-catalog';
import { tokenCounter, type TokenCounter } from '../../bigquery/token-count';
import type { PipelineConfig } from '../../schemas/types.generated';
import type { ExampleFile } from '../local/data-files';

export interface OverLimitRow {
  file: string;
  line: number;
  /** e.g. `~300000 tokens (estimate: 4 characters a token) > limit 262144`. */
  label: string;
  tokens: number;
}

export interface PromptTokenReport {
  model: string;
  /** The limit compared with; undefined when the catalog does not document one for the model. */
  limit?: number;
  /** Where the limit comes from: the model catalog, or `--input-token-limit`. */
  limitSource?: 'catalog' | 'option';
  /** `tokenizer` when every prompt was counted with the model's tokenizer, else `estimate`. */
  method: 'tokenizer' | 'estimate';
  /** The largest prompt's count, as every output shows it (undefined without rows). */
  largest?: string;
  overLimit: OverLimitRow[];
  prompts: number;
}

/**
 * Counts the tokens of every row's prompt (prefix + input_text + suffix, as insertPrompts builds it) as
 * the base endpoint reads it, and compares each with the endpoint's documented input token limit
 * (bigquery/model-catalog.ts) or, when given, `limitOverride` (a budget of the user's own). A row whose
 * prompt is above the limit is listed with its file and line: Vertex AI would refuse that request, so it
 * is a finding, not a silent truncation. Rows without a string input_text are the data checks' business.
 */
export function countPromptTokens(
  config: Pick<PipelineConfig, 'task' | 'model'>,
  files: readonly ExampleFile[],
  limitOverride?: number,
  counter: TokenCounter = tokenCounter,
): PromptTokenReport {
  const model = config.model.baseEndpoint;
  const documented = inputTokenLimit(model);
  const limit = limitOverride ?? documented;
  const { prefix, suffix = '' } = config.task.promptTemplate;
  const report: PromptTokenReport = {
    model,
    ...(limit === undefined
      ? {}
      : { limit, limitSource: limitOverride === undefined ? 'catalog' : 'option' }),
    method: 'tokenizer',
    overLimit: [],
    prompts: 0,
  };
  let largest = -1;
  for (const file of files) {
    for (const row of file.lines) {
      if (typeof row.input !== 'string') continue;
      const prompt = prefix + row.input + suffix;
      report.prompts++;
      if (limit === undefined) {
        const count = counter.count(prompt, model);
        if (count.method === 'estimate') report.method = 'estimate';
        if (count.tokens > largest) [largest, report.largest] = [count.tokens, count.label];
        continue;
      }
      const fit = counter.fitsInputLimit(prompt, model, limit);
      if (fit.count.method === 'estimate') report.method = 'estimate';
      if (fit.count.tokens > largest) [largest, report.largest] = [fit.count.tokens, fit.count.label];
      if (!fit.fits) {
        report.overLimit.push({
          file: file.file,
          line: row.line,
          label: fit.label,
          tokens: fit.count.tokens,
        });
      }
    }
  }
  return report;
}

/** One over-limit row, as `check` and `run` print it: `FILE:LINE: prompt is ~N tokens ... of MODEL`. */
export function overLimitMessage(row: OverLimitRow, report: PromptTokenReport): string {
  const option = report.limitSource === 'option' ? ' (--input-token-limit)' : '';
  return `${row.file}:${row.line}: prompt is ${row.label} of ${report.model}${option}`;
}
