/**
 * BigQuery ML remote models: parsed from `CREATE MODEL ... REMOTE WITH CONNECTION`, kept as JSON files under
 * the run directory (so a later process finds a tuned model and skips tuning), served by the local model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LocalModel, tuneOffThread, type ModelState, type TrainingReport } from '../model';
import { fingerprint64 } from './farmhash';
import { parseEndpoint } from '../../bigquery/endpoints';
import { BigQueryError, invalidQuery, notFound } from './errors';
import type { Cursor, OptionValue } from './cursor';
import type { FaultInjector } from './faults';
import type { Token } from './tokenizer';
import type { DatasetRef, Warehouse } from './warehouse';

/** `project.dataset.model`, as the REST ModelReference names a model. */
export interface ModelRef extends DatasetRef {
  modelId: string;
}

export interface ConnectionRef {
  projectId: string;
  location: string;
  connectionId: string;
}

export interface TrainingRun {
  report: TrainingReport;
  trainRows: number;
  /** Rows the data split held out; ML.EVALUATE(MODEL m) without input data evaluates on them. */
  evalRows: { prompt: string; label: string }[];
  startTime: number;
  durationMs: number;
}

export interface ModelRecord {
  ref: ModelRef;
  endpoint: string;
  connection: ConnectionRef;
  creationTime: number;
  options: Record<string, OptionValue>;
  promptCol: string;
  labelCol: string;
  evaluationTask: string;
  training?: TrainingRun;
  state: ModelState;
}

/** `project:dataset.model`, as BigQuery names a model in its messages. */
export const displayModel = (ref: ModelRef): string => `${ref.projectId}:${ref.datasetId}.${ref.modelId}`;

const modelKey = (ref: ModelRef): string => `${ref.projectId}.${ref.datasetId}.${ref.modelId}`;

/**
 * A connection named `PROJECT_ID.LOCATION.CONNECTION_ID` (the location lower-cased, as BigQuery matches it).
 * @throws Error naming the text when it does not have three non-empty parts.
 */
export function parseConnection(text: string): ConnectionRef {
  const parts = text.split('.');
  if (parts.length !== 3 || parts.some((p) => p.length === 0)) {
    throw new Error(`connection ${JSON.stringify(text)}: expected PROJECT_ID.LOCATION.CONNECTION_ID`);
  }
  return { projectId: parts[0], location: parts[1].toLowerCase(), connectionId: parts[2] };
}

/** `projects/P/locations/L/connections/C`, the connection's resource name in a Model's `remoteModelInfo`. */
export const connectionName = (connection: ConnectionRef): string =>
  `projects/${connection.projectId}/locations/${connection.location}/connections/${connection.connectionId}`;

/**
 * The remote models of one emulator, each kept as `<dir>/<project>.<dataset>.<model>.json` (written
 * atomically) and loaded again by the next emulator opened on the same folder.
 */
export class ModelCatalog {
  private readonly models = new Map<string, { record: ModelRecord; model: LocalModel }>();

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const record = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as ModelRecord;
      this.models.set(modelKey(record.ref), { record, model: LocalModel.fromState(record.state) });
    }
  }

  /** The model and its record; undefined when there is none. */
  get(ref: ModelRef): { record: ModelRecord; model: LocalModel } | undefined {
    return this.models.get(modelKey(ref));
  }

  /**
   * The model and its record.
   * @throws BigQueryError `notFound` when there is none.
   */
  require(ref: ModelRef): { record: ModelRecord; model: LocalModel } {
    const entry = this.get(ref);
    if (!entry) throw notFound(`Not found: Model ${displayModel(ref)}`);
    return entry;
  }

  /** Adds or replaces a model, in memory and on disk. */
  put(record: ModelRecord, model: LocalModel): void {
    this.models.set(modelKey(record.ref), { record, model });
    const file = path.join(this.dir, `${modelKey(record.ref)}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(record));
    fs.renameSync(`${file}.tmp`, file);
  }

  /** Removes a model; false when there was none. */
  delete(ref: ModelRef): boolean {
    const existed = this.models.delete(modelKey(ref));
    fs.rmSync(path.join(this.dir, `${modelKey(ref)}.json`), { force: true });
    return existed;
  }
}

export interface CreateModelStatement {
  ref: ModelRef;
  orReplace: boolean;
  ifNotExists: boolean;
  connection: ConnectionRef;
  options: Map<string, OptionValue>;
  query?: Token[];
}

/**
 * Parses the rest of a remote-model statement, after `CREATE [OR REPLACE] MODEL`.
 * @throws BigQueryError `invalidQuery` for a syntax error; Error for a connection path that is not
 *   `PROJECT_ID.LOCATION.CONNECTION_ID`.
 */
export function parseCreateModel(
  cursor: Cursor,
  orReplace: boolean,
  warehouse: Warehouse,
): CreateModelStatement {
  const ifNotExists = cursor.acceptWord('IF');
  if (ifNotExists) {
    cursor.expectWord('NOT');
    cursor.expectWord('EXISTS');
  }
  if (orReplace && ifNotExists)
    throw invalidQuery('CREATE OR REPLACE MODEL and IF NOT EXISTS cannot be combined');
  const { parts, at } = cursor.path('a model name');
  const table = warehouse.tableRef(parts, at);
  const ref = { projectId: table.projectId, datasetId: table.datasetId, modelId: table.tableId };
  cursor.expectWord('REMOTE');
  cursor.expectWord('WITH');
  cursor.expectWord('CONNECTION');
  if (cursor.acceptWord('DEFAULT')) {
    throw invalidQuery(
      'REMOTE WITH CONNECTION DEFAULT is not emulated: name the connection as `PROJECT_ID.LOCATION.CONNECTION_ID`',
    );
  }
  const connectionPath = cursor.path('a connection name');
  if (connectionPath.parts.length !== 3) {
    throw invalidQuery(
      `Connection name ${connectionPath.parts.join('.')} must be PROJECT_ID.LOCATION.CONNECTION_ID`,
    );
  }
  const connection = parseConnection(connectionPath.parts.join('.'));
  if (!cursor.acceptWord('OPTIONS'))
    throw invalidQuery('CREATE MODEL ... REMOTE needs OPTIONS(ENDPOINT = ...)');
  const options = cursor.options();
  let query: Token[] | undefined;
  if (cursor.acceptWord('AS')) query = cursor.rest();
  if (!cursor.atEnd()) throw invalidQuery(`Syntax error: Unexpected ${cursor.describe()}`);
  return { ref, orReplace, ifNotExists, connection, options, query };
}

const tuningOnly = [
  'max_iterations',
  'learning_rate_multiplier',
  'data_split_method',
  'data_split_eval_fraction',
  'data_split_col',
  'evaluation_task',
  'prompt_col',
  'input_label_cols',
];
const known = new Set(['endpoint', ...tuningOnly]);

function stringOption(options: Map<string, OptionValue>, name: string, fallback: string): string {
  const value = options.get(name);
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw invalidQuery(`Option ${name.toUpperCase()} must be a STRING`);
  return value;
}

function numberOption(
  options: Map<string, OptionValue>,
  name: string,
  fallback: number,
  check: (n: number) => boolean,
  rule: string,
): number {
  const value = options.get(name);
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !check(value)) throw invalidQuery(`Option ${name.toUpperCase()} ${rule}`);
  return value;
}

export interface TrainingRow {
  prompt: string;
  label: string;
  split?: unknown;
}

/**
 * DATA_SPLIT_METHOD as documented for tuning; RANDOM uses a stable hash where BigQuery uses FARM_FINGERPRINT.
 * @throws BigQueryError `invalidQuery` for a method other than AUTO_SPLIT, RANDOM, CUSTOM, SEQ, NO_SPLIT.
 */
export function splitRows(
  rows: TrainingRow[],
  options: Map<string, OptionValue>,
): { train: TrainingRow[]; evaluation: TrainingRow[] } {
  const method = stringOption(options, 'data_split_method', 'AUTO_SPLIT').toUpperCase();
  const fraction = numberOption(
    options,
    'data_split_eval_fraction',
    0.2,
    (n) => n >= 0 && n <= 1,
    'must be in [0, 1]',
  );
  switch (method) {
    case 'NO_SPLIT':
      return { train: rows, evaluation: [] };
    case 'AUTO_SPLIT': {
      if (rows.length < 500) return { train: rows, evaluation: [] };
      const evalCount = rows.length <= 50000 ? Math.round(rows.length * 0.2) : 10000;
      return splitByHash(rows, evalCount / rows.length);
    }
    case 'RANDOM':
      return splitByHash(rows, fraction);
    case 'CUSTOM':
      return {
        train: rows.filter((r) => r.split === false),
        evaluation: rows.filter((r) => r.split !== false),
      };
    case 'SEQ': {
      const sorted = [...rows].sort((a, b) =>
        String(a.split) < String(b.split) ? -1 : String(a.split) > String(b.split) ? 1 : 0,
      );
      const cut = Math.round(sorted.length * (1 - fraction));
      return { train: sorted.slice(0, cut), evaluation: sorted.slice(cut) };
    }
    default:
      throw invalidQuery(
        `Invalid DATA_SPLIT_METHOD ${method}: expected AUTO_SPLIT, RANDOM, CUSTOM, SEQ or NO_SPLIT`,
      );
  }
}

function splitByHash(
  rows: TrainingRow[],
  fraction: number,
): { train: TrainingRow[]; evaluation: TrainingRow[] } {
  const train: TrainingRow[] = [];
  const evaluation: TrainingRow[] = [];
  // FARM_FINGERPRINT of the row, read as an unsigned fraction of 2^64: a deterministic split, as BigQuery's
  // RANDOM split is for unchanged data (bigqueryml-syntax-create#data_split_method).
  for (const row of rows) {
    const hash = fingerprint64(Buffer.from(`${row.prompt}\u0000${row.label}`, 'utf8'));
    (Number(hash >> 11n) / 2 ** 53 < fraction ? evaluation : train).push(row);
  }
  return { train, evaluation };
}

export interface CreateModelOutcome {
  ddlOperationPerformed: 'CREATE' | 'REPLACE' | 'SKIP';
  training?: TrainingRun;
}

export interface CreateModelEnv {
  requireDataset(ref: DatasetRef): Promise<void>;
  catalog: ModelCatalog;
  connections: ConnectionRef[];
  faults: FaultInjector;
  /** Runs the AS SELECT and returns its rows as objects. */
  select(tokens: Token[]): Promise<Record<string, unknown>[]>;
  /** Models elapsed time (virtual in the Workflows emulator). */
  sleep(seconds: number): Promise<void>;
  now(): number;
}

/** Virtual duration of a tuning job: a fixed start-up plus a little per training step. */
export const tuningSeconds = (steps: number): number => 300 + steps;

/**
 * Runs a parsed `CREATE [OR REPLACE] MODEL [IF NOT EXISTS] ... REMOTE WITH CONNECTION ... OPTIONS(...)
 * [AS SELECT ...]`: a remote model over the endpoint, tuned on the AS SELECT rows (prompt, label and an
 * optional split column) when there are any; tuning takes `tuningSeconds` of the environment's clock.
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-create-remote-model-tuned
 * @returns `SKIP` for IF NOT EXISTS on an existing model, else `CREATE` or `REPLACE` with the training run.
 * @throws BigQueryError `duplicate` for an existing model without OR REPLACE / IF NOT EXISTS, `notFound` for
 *   an unknown dataset or connection, `invalidQuery` for unknown or out-of-range options, a missing column
 *   or too few training rows, and the injected `accessDenied` / tuning faults.
 */
export async function createModel(
  statement: CreateModelStatement,
  env: CreateModelEnv,
): Promise<CreateModelOutcome> {
  const { ref, options } = statement;
  await env.requireDataset(ref);
  const existing = env.catalog.get(ref);
  if (existing && statement.ifNotExists) return { ddlOperationPerformed: 'SKIP' };
  if (existing && !statement.orReplace)
    throw new BigQueryError('duplicate', `Already Exists: Model ${displayModel(ref)}`);
  const endpoint = checkRemoteModel(statement, env);
  const promptCol = stringOption(options, 'prompt_col', 'prompt');
  const labelCols = options.get('input_label_cols') ?? ['label'];
  if (!Array.isArray(labelCols) || labelCols.length !== 1 || typeof labelCols[0] !== 'string') {
    throw invalidQuery('Option INPUT_LABEL_COLS must be an array with one column name');
  }
  const labelCol = labelCols[0];
  const record: ModelRecord = {
    ref,
    endpoint,
    connection: statement.connection,
    creationTime: Math.round(env.now() * 1000),
    options: Object.fromEntries(options),
    promptCol,
    labelCol,
    evaluationTask: stringOption(options, 'evaluation_task', 'UNSPECIFIED').toUpperCase(),
    state: {},
  };
  let model = LocalModel.base();
  if (statement.query) {
    const tuned = await tune(statement.query, options, record, env);
    model = tuned.model;
    record.state = model.toState();
    record.training = tuned.training;
  }
  env.catalog.put(record, model);
  return { ddlOperationPerformed: existing ? 'REPLACE' : 'CREATE', training: record.training };
}

/**
 * What a remote model needs before anything runs: known options (tuning-only ones only with AS SELECT), a
 * connection that exists, an ENDPOINT fit for generation or, with AS SELECT, for tuning, and the
 * connection's access to it (the injected IAM-propagation fault).
 * @returns the endpoint.
 */
function checkRemoteModel(statement: CreateModelStatement, env: CreateModelEnv): string {
  const { options } = statement;
  for (const key of options.keys())
    if (!known.has(key)) throw invalidQuery(`Unknown option ${key.toUpperCase()} for a remote model`);
  if (!statement.query) {
    const misplaced = tuningOnly.find((key) => options.has(key));
    if (misplaced)
      throw invalidQuery(
        `Option ${misplaced.toUpperCase()} is only allowed with AS SELECT (a tuning statement)`,
      );
  }
  const conn = statement.connection;
  if (
    !env.connections.some(
      (c) =>
        c.projectId === conn.projectId &&
        c.location === conn.location &&
        c.connectionId === conn.connectionId,
    )
  ) {
    throw notFound(`Not found: Connection ${conn.projectId}.${conn.location}.${conn.connectionId}`);
  }
  const endpoint = stringOption(options, 'endpoint', '');
  if (!endpoint) throw invalidQuery('Option ENDPOINT is required for a remote model');
  try {
    parseEndpoint(endpoint, statement.query ? 'tuning' : 'generation', 'ENDPOINT');
  } catch (error) {
    throw invalidQuery(error instanceof Error ? error.message : String(error));
  }
  const iam = env.faults.iamFailure(connectionName(conn), endpoint);
  if (iam) throw iam;
  return endpoint;
}

/**
 * Tunes the local model on the AS SELECT rows: reads them (prompt and label columns as the record names
 * them, STRING and non-NULL), splits them by DATA_SPLIT_METHOD, and runs MAX_ITERATIONS steps at the
 * LEARNING_RATE_MULTIPLIER; the tuning job takes `tuningSeconds` of the environment's clock.
 */
async function tune(
  query: Token[],
  options: Map<string, OptionValue>,
  record: Pick<ModelRecord, 'promptCol' | 'labelCol'>,
  env: CreateModelEnv,
): Promise<{ model: LocalModel; training: TrainingRun }> {
  const { promptCol, labelCol } = record;
  const rows = await env.select(query);
  const splitCol = options.get('data_split_col');
  const columns = new Set(Object.keys(rows[0] ?? {}).map((c) => c.toLowerCase()));
  for (const col of [promptCol, labelCol]) {
    if (rows.length > 0 && !columns.has(col.toLowerCase()))
      throw invalidQuery(`The training query has no column ${col}`);
  }
  const pick = (row: Record<string, unknown>, col: string): unknown =>
    row[Object.keys(row).find((k) => k.toLowerCase() === col.toLowerCase()) ?? col];
  const trainingRows = rows.map((row, i): TrainingRow => {
    const prompt = pick(row, promptCol);
    const label = pick(row, labelCol);
    if (typeof prompt !== 'string' || typeof label !== 'string') {
      throw invalidQuery(
        `Training row ${i + 1}: ${promptCol} and ${labelCol} must be non-NULL STRING values`,
      );
    }
    return { prompt, label, split: typeof splitCol === 'string' ? pick(row, splitCol) : undefined };
  });
  const { train, evaluation } = splitRows(trainingRows, options);
  if (train.length < 10)
    throw invalidQuery(`Tuning needs at least 10 training rows after the data split; got ${train.length}`);
  const maxIterations = numberOption(
    options,
    'max_iterations',
    300,
    (n) => Number.isInteger(n) && n >= 1,
    'must be an integer ≥ 1',
  );
  const learningRateMultiplier = numberOption(
    options,
    'learning_rate_multiplier',
    1,
    (n) => n > 0,
    'must be > 0',
  );
  const startTime = env.now();
  const tuned = await tuneOffThread(train, { maxIterations, learningRateMultiplier });
  await env.sleep(tuningSeconds(tuned.report.steps));
  const failure = env.faults.tuningFailure();
  if (failure) throw failure;
  return {
    model: tuned.model,
    training: {
      report: tuned.report,
      trainRows: train.length,
      evalRows: evaluation.map(({ prompt, label }) => ({ prompt, label })),
      startTime: Math.round(startTime * 1000),
      durationMs: Math.round((env.now() - startTime) * 1000),
    },
  };
}
