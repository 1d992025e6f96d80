import type { ConnectionRef, ModelRef, TableRef } from './identifiers';
import {
  endpointOption,
  enumOption,
  enumOrPlaceholderOption,
  numberOption,
  numberRules,
  type NumberOption,
} from './options';
import { isPlaceholder, type Placeholder } from './placeholders';
import type { Sql } from './sql';
import {
  columns,
  connections,
  join,
  paths,
  raw,
  sql,
  stringLit,
  toSql,
  type SqlFragment,
} from './sql-template';

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

const createPrefix: Record<CreateMode, SqlFragment> = {
  CREATE: sql`CREATE MODEL`,
  IF_NOT_EXISTS: sql`CREATE MODEL IF NOT EXISTS`,
  OR_REPLACE: sql`CREATE OR REPLACE MODEL`,
};

function header(o: RemoteModelOptions, builder: string): SqlFragment {
  const prefix = createPrefix[o.create];
  if (!prefix) throw new Error(`${builder}.create: expected CREATE, IF_NOT_EXISTS or OR_REPLACE`);
  const model = paths(builder, { model: o.model }).model;
  const connection =
    o.connection === 'DEFAULT'
      ? raw('DEFAULT')
      : connections(builder, { connection: o.connection }).connection;
  return sql`${prefix} ${model}\nREMOTE WITH CONNECTION ${connection}`;
}

/** A remote model over a Vertex AI Gemini endpoint, for generation (no AS SELECT, so nothing is tuned). */
export function createRemoteModel(options: RemoteModelOptions): Sql {
  const f = 'createRemoteModel';
  const head = header(options, f);
  const endpoint = endpointOption(options.endpoint, 'generation', `${f}.endpoint`);
  return toSql(sql`${head}\nOPTIONS (ENDPOINT = ${endpoint})`);
}

/**
 * Supervised tuning: `CREATE MODEL ... REMOTE WITH CONNECTION ... OPTIONS(...) AS SELECT prompt, label FROM t`.
 * The AS SELECT reads a table, not an expression over query parameters, because BigQuery takes no query
 * parameters in CREATE MODEL: prompts are materialised into that table beforehand (see prompts.ts).
 * BigQuery needs at least 10 training rows; that is a property of the data and is checked on the data.
 */
export function createTunedModel(options: TunedModelOptions): Sql {
  const f = 'createTunedModel';
  const head = header(options, f);
  const promptCol = options.promptCol ?? 'prompt';
  const labelCol = options.labelCol ?? 'label';
  const own = columns(f, { promptCol, labelCol });
  if (promptCol === labelCol) throw new Error(`${f}.labelCol: must differ from promptCol (${promptCol})`);

  const opts = [
    sql`ENDPOINT = ${endpointOption(options.endpoint, 'tuning', `${f}.endpoint`)}`,
    sql`PROMPT_COL = ${stringLit(promptCol, `${f}.promptCol`)}`,
    sql`INPUT_LABEL_COLS = [${stringLit(labelCol, `${f}.labelCol`)}]`,
  ];
  if (options.maxIterations !== undefined) {
    const v = numberOption(options.maxIterations, numberRules.maxIterations, `${f}.maxIterations`);
    opts.push(sql`MAX_ITERATIONS = ${v}`);
  }
  if (options.learningRateMultiplier !== undefined) {
    const v = numberOption(
      options.learningRateMultiplier,
      numberRules.learningRateMultiplier,
      `${f}.learningRateMultiplier`,
    );
    opts.push(sql`LEARNING_RATE_MULTIPLIER = ${v}`);
  }
  const chosen = options.dataSplitMethod;
  // A placeholder method is settled at run time; the column rules below then treat it as column-free.
  const method = isPlaceholder(chosen) ? undefined : chosen;
  if (isPlaceholder(chosen)) {
    const m = enumOrPlaceholderOption(chosen, splitMethodsWithoutColumn, `${f}.dataSplitMethod`);
    opts.push(sql`DATA_SPLIT_METHOD = ${m}`);
  } else if (method !== undefined) {
    opts.push(sql`DATA_SPLIT_METHOD = ${enumOption(method, dataSplitMethods, `${f}.dataSplitMethod`)}`);
  }
  if (options.dataSplitEvalFraction !== undefined) {
    if (method !== 'RANDOM' && method !== 'SEQ') {
      throw new Error(`${f}.dataSplitEvalFraction: only allowed with dataSplitMethod RANDOM or SEQ`);
    }
    const v = numberOption(
      options.dataSplitEvalFraction,
      numberRules.dataSplitEvalFraction,
      `${f}.dataSplitEvalFraction`,
    );
    opts.push(sql`DATA_SPLIT_EVAL_FRACTION = ${v}`);
  }
  const splitCol = options.dataSplitCol;
  let split: SqlFragment | undefined;
  if (method === 'CUSTOM' || method === 'SEQ') {
    if (splitCol === undefined) throw new Error(`${f}.dataSplitCol: required with dataSplitMethod ${method}`);
    split = columns(f, { dataSplitCol: splitCol }).dataSplitCol;
    if (splitCol === promptCol || splitCol === labelCol) {
      throw new Error(`${f}.dataSplitCol: must differ from the prompt and label columns`);
    }
    opts.push(sql`DATA_SPLIT_COL = ${stringLit(splitCol, `${f}.dataSplitCol`)}`);
  } else if (splitCol !== undefined) {
    throw new Error(`${f}.dataSplitCol: only allowed with dataSplitMethod CUSTOM or SEQ`);
  }
  if (options.evaluationTask !== undefined) {
    const task = enumOrPlaceholderOption(
      options.evaluationTask,
      tuningEvaluationTasks,
      `${f}.evaluationTask`,
    );
    opts.push(sql`EVALUATION_TASK = ${task}`);
  }

  const t = options.training;
  const read = columns(`${f}.training`, { promptColumn: t.promptColumn, labelColumn: t.labelColumn });
  const select = [sql`${read.promptColumn} AS ${own.promptCol}`, sql`${read.labelColumn} AS ${own.labelCol}`];
  // The split column is read by BigQuery from the same SELECT and kept out of the features.
  if (split !== undefined) select.push(split);
  const from = paths(f, { 'training.table': t.table })['training.table'];
  return toSql(
    sql`${head}\nOPTIONS (\n  ${join(opts, sql`,\n  `)}\n)\nAS SELECT ${join(select, sql`, `)}\nFROM ${from}`,
  );
}
