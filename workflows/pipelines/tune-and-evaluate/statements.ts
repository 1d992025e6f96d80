import {
  classificationMetrics,
  createPromptsTable,
  createRemoteModel,
  createTunedModel,
  dataChecksQuery,
  dropStagingTable,
  evaluationsTable,
  exampleColumns,
  fingerprintQuery,
  generationMetrics,
  championQuery,
  championRunQuery,
  contentKeysQuery,
  generatePredictions,
  insertPrompts,
  labelRegressionsQuery,
  loadData,
  overallMetricsQuery,
  predictionStatusQuery,
  predictionsTable,
  changeChampionScript,
  championChangeQuery,
  championsTable,
  recordRunStatement,
  registryTable,
  runsTable,
  servingFunctionDdl,
  stagingTableHours,
  type GenerateFunction,
} from '../../../bigquery';
import { statement, type NamedPlaceholder } from '../placeholders';
import { placeholders } from './placeholders';

/**
 * Every statement the pipeline runs, compiled once with `{{placeholders}}` for what is only known at run
 * time (validated then, before substitution) and `@parameters` for data. The values given to builders for
 * parameters are never used: the workflow supplies them by name (see bigquery.ts). Each statement's type
 * names its placeholders (see ../placeholders.ts), so running it without a value for one fails `tsc`.
 */
const { p } = placeholders;

/** A placeholder of this pipeline, its name kept in the type (so the statements built from it know it). */
type P<N extends keyof typeof p = keyof typeof p> = NamedPlaceholder<N>;

const table = <T extends P | string>(t: T) => ({ project: p.project, dataset: p.dataset, table: t });
const model = <M extends P>(m: M) => ({ project: p.project, dataset: p.dataset, model: m });
const connection = { project: p.conn_project, location: p.conn_location, connectionId: p.conn_id };

const predictions = table(predictionsTable.id);
const evaluations = table(evaluationsTable.id);
const registry = table(registryTable.id);
const championTables = { champions: table(championsTable.id), registry };
const runs = table(runsTable.id);
const settings = { maxOutputTokens: p.max_output_tokens, temperature: p.temperature, topP: p.top_p };

const load = <T extends P<'train_table' | 'eval_table'>, U extends P<'train_uri' | 'eval_uri'>>(
  t: T,
  uri: U,
) =>
  statement(loadData, {
    mode: 'OVERWRITE',
    table: table(t),
    columns: exampleColumns,
    uris: [uri],
    ignoreUnknownValues: true,
    expirationHours: stagingTableHours,
  });

const prompts = <S extends P<'split_table'>, T extends P<'split_prompts'>>(source: S, target: T) => ({
  create: statement(createPromptsTable, table(target), { expirationHours: stagingTableHours }),
  insert: statement(insertPrompts, {
    source: table(source),
    target: table(target),
    promptPrefix: '',
    promptSuffix: '',
  }),
});

const generate = (fn: GenerateFunction, mode: 'all' | 'retryable') =>
  statement(generatePredictions, {
    function: fn,
    model: model(p.model),
    prompts: table(p.eval_prompts),
    predictions,
    settings,
    runId: '',
    evalFingerprint: '',
    mode,
  });

const tuning = {
  model: model(p.tuned_model),
  create: 'IF_NOT_EXISTS',
  connection,
  endpoint: p.tuning_endpoint,
  training: { table: table(p.train_prompts), promptColumn: 'prompt', labelColumn: 'label' },
  maxIterations: p.max_iterations,
  learningRateMultiplier: p.learning_rate_multiplier,
} as const;

export const statements = {
  loadTrain: load(p.train_table, p.train_uri),
  loadEval: load(p.eval_table, p.eval_uri),
  dataChecks: statement(dataChecksQuery, {
    train: table(p.train_table),
    eval: table(p.eval_table),
    labels: [],
  }),
  trainFingerprint: statement(fingerprintQuery, table(p.train_table), ['input_text', 'output_text']),
  evalFingerprint: statement(fingerprintQuery, table(p.eval_table), ['input_text', 'output_text']),
  contentKeys: statement(contentKeysQuery),
  // One statement pair for both splits: prepare_prompts runs it per split with that split's tables.
  splitPrompts: prompts(p.split_table, p.split_prompts),
  // Once the prompts exist nothing reads the loaded examples again.
  dropExamples: statement(dropStagingTable, table(p.train_table), table(p.eval_table)),
  baseModel: statement(createRemoteModel, {
    model: model(p.base_model),
    create: 'IF_NOT_EXISTS',
    connection,
    endpoint: p.generation_endpoint,
  }),
  tuneNoSplit: statement(createTunedModel, {
    ...tuning,
    dataSplitMethod: p.data_split_method,
    evaluationTask: p.evaluation_task,
  }),
  tuneRandomSplit: statement(createTunedModel, {
    ...tuning,
    dataSplitMethod: 'RANDOM',
    dataSplitEvalFraction: p.data_split_eval_fraction,
    evaluationTask: p.evaluation_task,
  }),
  generate: {
    ai: { all: generate('AI.GENERATE_TEXT', 'all'), retry: generate('AI.GENERATE_TEXT', 'retryable') },
    ml: { all: generate('ML.GENERATE_TEXT', 'all'), retry: generate('ML.GENERATE_TEXT', 'retryable') },
  },
  predictionStatus: statement(predictionStatusQuery, predictions, table(p.eval_prompts), model(p.model)),
  writeMetrics: {
    classification: statement(classificationMetrics, {
      predictions,
      evaluations,
      model: model(p.model),
      role: p.role,
      runId: '',
      evalFingerprint: '',
      labels: [],
    }),
    // One statement for the three free-text tasks: the task type is a placeholder.
    generation: statement(generationMetrics, {
      predictions,
      evaluations,
      model: model(p.model),
      role: p.role,
      taskType: p.task_type,
      runId: '',
      evalFingerprint: '',
    }),
  },
  readMetrics: statement(overallMetricsQuery, {
    evaluations,
    model: model(p.model),
    role: p.role,
    runId: '',
  }),
  labelRegressions: statement(labelRegressionsQuery, evaluations),
  champion: statement(championQuery, championTables),
  // The run that promoted a model: its settings are the ones its table function serves with.
  championRun: statement(championRunQuery, runs),
  changeChampion: statement(changeChampionScript, championTables),
  championChange: statement(championChangeQuery, registry),
  recordRun: statement(recordRunStatement, runs),
  // The stable name, switched to the tuned model once its promotion committed (see deploy.ts).
  servingFunction: statement(servingFunctionDdl, {
    name: table(p.serving_function),
    model: model(p.model),
    runs,
    championRun: p.champion_run,
    settings,
    champions: championTables,
  }),
};
