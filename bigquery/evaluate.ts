import type { ModelRef, TableRef } from './identifiers';
import { enumOption } from './options';
import { settingsFields, type GenerationSettings } from './generate-text';
import type { Sql } from './sql';
import { columns, join, paths, sql, toSql, type SqlFragment } from './sql-template';

export const evaluateTaskTypes = [
  'TEXT_GENERATION',
  'CLASSIFICATION',
  'SUMMARIZATION',
  'QUESTION_ANSWERING',
] as const;
export type EvaluateTaskType = (typeof evaluateTaskTypes)[number];

/** The column names ML.EVALUATE expects: `input_text`/`output_text` for an untuned remote model. */
export const remoteModelEvalColumns = { prompt: 'input_text', label: 'output_text' } as const;
/** A tuned model expects its training PROMPT_COL and label column (defaults `prompt` and `label`). */
export const tunedModelEvalColumns = { prompt: 'prompt', label: 'label' } as const;

export interface EvaluateOptions {
  model: ModelRef;
  taskType: EvaluateTaskType;
  /** Without input, a tuned model reports the metrics computed on its eval split during tuning. */
  input?: {
    table: TableRef;
    promptColumn: string;
    labelColumn: string;
    /** The names the model expects, see remoteModelEvalColumns / tunedModelEvalColumns. */
    modelColumns: { prompt: string; label: string };
  };
  settings?: GenerationSettings;
}

/** `SELECT * FROM ML.EVALUATE(MODEL m[, (SELECT ...)], STRUCT('TASK' AS task_type, ...))`. */
export function evaluate(options: EvaluateOptions): Sql {
  const f = 'evaluate';
  const args: SqlFragment[] = [sql`MODEL ${paths(f, { model: options.model }).model}`];
  const input = options.input;
  if (input !== undefined) {
    const c = columns(`${f}.input`, {
      promptColumn: input.promptColumn,
      'modelColumns.prompt': input.modelColumns.prompt,
      labelColumn: input.labelColumn,
      'modelColumns.label': input.modelColumns.label,
    });
    const table = paths(f, { 'input.table': input.table })['input.table'];
    args.push(
      sql`(SELECT ${c.promptColumn} AS ${c['modelColumns.prompt']}, ${c.labelColumn} AS ${c['modelColumns.label']} FROM ${table})`,
    );
  }
  // Docs disagree on the Gemini defaults (temperature 1.0 vs 0, max_output_tokens 1024 vs 128), so callers
  // should pass them; the ranges are the reference's.
  const task = sql`${enumOption(options.taskType, evaluateTaskTypes, `${f}.taskType`)} AS task_type`;
  const fields = [task, ...settingsFields(f, options.settings ?? {})];
  args.push(sql`STRUCT(${join(fields, sql`, `)})`);
  return toSql(sql`SELECT *\nFROM ML.EVALUATE(\n  ${join(args, sql`,\n  `)}\n)`);
}

/** A page of `jobs.getQueryResults` / `jobs.query` (f/v encoded rows, values as strings). */
export interface QueryResultPage {
  schema: { fields: { name: string }[] };
  rows?: { f: { v: unknown }[] }[];
}

export interface EvaluateMetric {
  /** Set for CLASSIFICATION rows. */
  label: string | null;
  metric: string;
  value: number;
}

/**
 * The metric names this reader writes, and the spellings it accepts: the reference page documents `f1` and
 * `rouge-l_f1`, while live BigQuery (tutorial output, bigframes system tests) returns `f1_score` and
 * `rouge-l_f1_score`. Either is read; the documented name is written.
 */
const metricSpellings: Record<EvaluateTaskType, Record<string, readonly string[]>> = {
  TEXT_GENERATION: {
    bleu4_score: ['bleu4_score'],
    'rouge-l_precision': ['rouge-l_precision'],
    'rouge-l_recall': ['rouge-l_recall'],
    'rouge-l_f1': ['rouge-l_f1', 'rouge-l_f1_score'],
  },
  CLASSIFICATION: { precision: ['precision'], recall: ['recall'], f1: ['f1', 'f1_score'] },
  SUMMARIZATION: {
    'rouge-l_precision': ['rouge-l_precision'],
    'rouge-l_recall': ['rouge-l_recall'],
    'rouge-l_f1': ['rouge-l_f1', 'rouge-l_f1_score'],
  },
  QUESTION_ANSWERING: { exact_match: ['exact_match'] },
};

/**
 * Reads ML.EVALUATE output into (label, metric, value) rows, plus `num_successful_rows` and `num_total_rows`
 * from the `evaluation_status` JSON. No row count is assumed (classification may add rows per label).
 */
export function readEvaluateResult(taskType: EvaluateTaskType, page: QueryResultPage): EvaluateMetric[] {
  const spellings = metricSpellings[taskType];
  if (!spellings) throw new Error(`readEvaluateResult: unknown task type ${JSON.stringify(taskType)}`);
  const names = page.schema.fields.map((field) => field.name);
  const columnOf = (metric: string): number => {
    const index = names.findIndex((n) => spellings[metric].includes(n));
    if (index < 0) {
      throw new Error(
        `readEvaluateResult: ${taskType} result has no ${spellings[metric].join(' or ')} column`,
      );
    }
    return index;
  };
  const columns = Object.keys(spellings).map((metric) => ({ metric, index: columnOf(metric) }));
  const labelIndex = names.indexOf('label');
  const statusIndex = names.indexOf('evaluation_status');
  const out: EvaluateMetric[] = [];
  (page.rows ?? []).forEach((row, r) => {
    const label =
      taskType === 'CLASSIFICATION' && labelIndex >= 0 ? (row.f[labelIndex].v as string | null) : null;
    for (const { metric, index } of columns) {
      const raw = row.f[index].v;
      if (raw === null || raw === undefined) continue;
      const value = Number(raw);
      if (!Number.isFinite(value))
        throw new Error(`readEvaluateResult: row ${r} ${metric} is not a number: ${String(raw)}`);
      out.push({ label, metric, value });
    }
    if (statusIndex >= 0 && typeof row.f[statusIndex].v === 'string') {
      const status = JSON.parse(row.f[statusIndex].v as string) as Record<string, unknown>;
      for (const key of ['num_successful_rows', 'num_total_rows']) {
        if (status[key] !== undefined) out.push({ label, metric: key, value: Number(status[key]) });
      }
    }
  });
  return out;
}
