import { endpointOption, enumOption, enumOrPlaceholderOption, numberOption } from './sql-strings';
import {
  checkColumnName,
  connectionPath,
  quoteColumn,
  quotedPath,
  type ConnectionRef,
  type ModelRef,
  type TableRef,
} from './identifiers';
import { numberRules, type NumberOption } from './options';
import { isPlaceholder, type Placeholder } from './placeholders';
import { SqlParts, type Sql } from './sql';

export type CreateMode = 'CREATE' | 'IF_NOT_EXISTS' | 'OR_REPLACE';

export interface RemoteModelOptions {
  model: ModelRef;
  create: CreateMode;
  /** `DEFAULT` uses the project's default Cloud resource connection. */
  connection: 'DEFAULT' | ConnectionRef;
  /** Model name or full endpoint URL; a placeholder must be an enum whose values all pass the same check. */
  endpoint: string | Placeholder;
}

export const dataSplitMethods = ['AUTO_SPLIT', 'RANDOM', 'CUSTOM', 'SEQ', 'NO_SPLIT'] as const;
export type DataSplitMethod = (typeof dataSplitMethods)[number];

export const tuningEvaluationTasks = [
  'TEXT_GENERATION',
  'CLASSIFICATION',
  'SUMMARIZATION',
  'QUESTION_ANSWERING',
  'UNSPECIFIED',
] as const;
export type TuningEvaluationTask = (typeof tuningEvaluationTasks)[number];

export interface TunedModelOptions extends RemoteModelOptions {
  /** The rows to tune on; the columns are renamed to `promptCol` and the label column in the AS SELECT. */
  training: { table: TableRef; promptColumn: string; labelColumn: string };
  /** PROMPT_COL, default `prompt`. */
  promptCol?: string;
  /** INPUT_LABEL_COLS holds exactly one column, default `label`. */
  labelCol?: string;
  /** Steps; BigQuery converts them to epochs, ceil(max_iterations / rows). */
  maxIterations?: NumberOption;
  learningRateMultiplier?: NumberOption;
  /** A run-time placeholder may choose among the methods that need no split column. */
  dataSplitMethod?: DataSplitMethod | Placeholder;
  /** Only with RANDOM or SEQ. */
  dataSplitEvalFraction?: NumberOption;
  /** Required with CUSTOM (a BOOL column, TRUE or NULL = eval) and SEQ (the sort column), else refused. */
  dataSplitCol?: string;
  evaluationTask?: TuningEvaluationTask | Placeholder;
}

const splitMethodsWithoutColumn = ['AUTO_SPLIT', 'RANDOM', 'NO_SPLIT'] as const;

const createPrefix: Record<CreateMode, string> = {
  CREATE: 'CREATE MODEL',
  IF_NOT_EXISTS: 'CREATE MODEL IF NOT EXISTS',
  OR_REPLACE: 'CREATE OR REPLACE MODEL',
};

function header(parts: SqlParts, o: RemoteModelOptions, field: string): string {
  const prefix = createPrefix[o.create];
  if (!prefix) throw new Error(`${field}.create: expected CREATE, IF_NOT_EXISTS or OR_REPLACE`);
  const model = quotedPath(parts, o.model, `${field}.model`);
  const connection =
    o.connection === 'DEFAULT' ? 'DEFAULT' : connectionPath(parts, o.connection, `${field}.connection`);
  return `${prefix} ${model}\nREMOTE WITH CONNECTION ${connection}`;
}

/** A remote model over a Vertex AI Gemini endpoint, for generation (no AS SELECT, so nothing is tuned). */
export function createRemoteModel(options: RemoteModelOptions): Sql {
  const parts = new SqlParts();
  const head = header(parts, options, 'createRemoteModel');
  const endpoint = endpointOption(parts, options.endpoint, 'generation', 'createRemoteModel.endpoint');
  return parts.finish(`${head}\nOPTIONS (ENDPOINT = ${endpoint})`);
}

/**
 * Supervised tuning: `CREATE MODEL ... REMOTE WITH CONNECTION ... OPTIONS(...) AS SELECT prompt, label FROM t`.
 * The AS SELECT reads a table, not an expression over query parameters, because BigQuery takes no query
 * parameters in CREATE MODEL: prompts are materialised into that table beforehand (see prompts.ts).
 * BigQuery needs at least 10 training rows; that is a property of the data and is checked on the data.
 */
export function createTunedModel(options: TunedModelOptions): Sql {
  const f = 'createTunedModel';
  const parts = new SqlParts();
  const head = header(parts, options, f);
  const promptCol = checkColumnName(options.promptCol ?? 'prompt', `${f}.promptCol`);
  const labelCol = checkColumnName(options.labelCol ?? 'label', `${f}.labelCol`);
  if (promptCol === labelCol) throw new Error(`${f}.labelCol: must differ from promptCol (${promptCol})`);

  const opts = [
    `ENDPOINT = ${endpointOption(parts, options.endpoint, 'tuning', `${f}.endpoint`)}`,
    `PROMPT_COL = '${promptCol}'`,
    `INPUT_LABEL_COLS = ['${labelCol}']`,
  ];
  if (options.maxIterations !== undefined) {
    opts.push(
      `MAX_ITERATIONS = ${numberOption(parts, options.maxIterations, numberRules.maxIterations, `${f}.maxIterations`)}`,
    );
  }
  if (options.learningRateMultiplier !== undefined) {
    const v = numberOption(
      parts,
      options.learningRateMultiplier,
      numberRules.learningRateMultiplier,
      `${f}.learningRateMultiplier`,
    );
    opts.push(`LEARNING_RATE_MULTIPLIER = ${v}`);
  }
  const chosen = options.dataSplitMethod;
  // A placeholder method is settled at run time; the column rules below then treat it as column-free.
  const method = isPlaceholder(chosen) ? undefined : chosen;
  if (isPlaceholder(chosen)) {
    const m = enumOrPlaceholderOption(parts, chosen, splitMethodsWithoutColumn, `${f}.dataSplitMethod`);
    opts.push(`DATA_SPLIT_METHOD = ${m}`);
  } else if (method !== undefined) {
    opts.push(`DATA_SPLIT_METHOD = ${enumOption(method, dataSplitMethods, `${f}.dataSplitMethod`)}`);
  }
  if (options.dataSplitEvalFraction !== undefined) {
    if (method !== 'RANDOM' && method !== 'SEQ') {
      throw new Error(`${f}.dataSplitEvalFraction: only allowed with dataSplitMethod RANDOM or SEQ`);
    }
    const v = numberOption(
      parts,
      options.dataSplitEvalFraction,
      numberRules.dataSplitEvalFraction,
      `${f}.dataSplitEvalFraction`,
    );
    opts.push(`DATA_SPLIT_EVAL_FRACTION = ${v}`);
  }
  const splitCol = options.dataSplitCol;
  if (method === 'CUSTOM' || method === 'SEQ') {
    if (splitCol === undefined) throw new Error(`${f}.dataSplitCol: required with dataSplitMethod ${method}`);
    checkColumnName(splitCol, `${f}.dataSplitCol`);
    if (splitCol === promptCol || splitCol === labelCol) {
      throw new Error(`${f}.dataSplitCol: must differ from the prompt and label columns`);
    }
    opts.push(`DATA_SPLIT_COL = '${splitCol}'`);
  } else if (splitCol !== undefined) {
    throw new Error(`${f}.dataSplitCol: only allowed with dataSplitMethod CUSTOM or SEQ`);
  }
  if (options.evaluationTask !== undefined) {
    opts.push(
      `EVALUATION_TASK = ${enumOrPlaceholderOption(parts, options.evaluationTask, tuningEvaluationTasks, `${f}.evaluationTask`)}`,
    );
  }

  const t = options.training;
  const select = [
    `${quoteColumn(t.promptColumn, `${f}.training.promptColumn`)} AS \`${promptCol}\``,
    `${quoteColumn(t.labelColumn, `${f}.training.labelColumn`)} AS \`${labelCol}\``,
  ];
  // The split column is read by BigQuery from the same SELECT and kept out of the features.
  if (splitCol !== undefined) select.push(`\`${splitCol}\``);
  const from = quotedPath(parts, t.table, `${f}.training.table`);
  return parts.finish(
    `${head}\nOPTIONS (\n  ${opts.join(',\n  ')}\n)\nAS SELECT ${select.join(', ')}\nFROM ${from}`,
  );
}
