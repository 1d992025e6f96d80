import {
  classificationMetrics,
  createPromptsTable,
  createRemoteModel,
  createTunedModel,
  dataChecksQuery,
  evaluationsTable,
  exampleColumns,
  fingerprintQuery,
  generationMetrics,
  generationTaskTypes,
  championQuery,
  championRunQuery,
  contentKeysQuery,
  generatePredictions,
  generationModels,
  insertPrompts,
  labelRegressionsQuery,
  loadData,
  modelRoles,
  overallMetricsQuery,
  placeholder,
  predictionStatusQuery,
  predictionsTable,
  changeChampionScript,
  championChangeQuery,
  championsTable,
  recordRunStatement,
  registryTable,
  runsTable,
  servingFunctionDdl,
  tunableBaseModels,
  tuningEvaluationTasks,
  type GenerateFunction,
  type ModelRef,
  type Sql,
  type TableRef,
} from '../../../bigquery';

/**
 * Every statement the pipeline runs, compiled once with `{{placeholders}}` for what is only known at run
 * time (validated then, before substitution) and `@parameters` for data. The values given to builders for
 * parameters are never used: the workflow supplies them by name (see bigquery.ts).
 */
const p = {
  project: placeholder('project', 'projectId'),
  dataset: placeholder('dataset', 'datasetId'),
  connProject: placeholder('conn_project', 'projectId'),
  connLocation: placeholder('conn_location', 'location'),
  connId: placeholder('conn_id', 'connectionId'),
  trainUri: placeholder('train_uri', 'gcsUri'),
  evalUri: placeholder('eval_uri', 'gcsUri'),
  trainTable: placeholder('train_table', 'tableId'),
  evalTable: placeholder('eval_table', 'tableId'),
  trainPrompts: placeholder('train_prompts', 'tableId'),
  evalPrompts: placeholder('eval_prompts', 'tableId'),
  baseModel: placeholder('base_model', 'modelId'),
  tunedModel: placeholder('tuned_model', 'modelId'),
  model: placeholder('model', 'modelId'),
  generationEndpoint: placeholder('generation_endpoint', { enum: generationModels }),
  tuningEndpoint: placeholder('tuning_endpoint', { enum: tunableBaseModels }),
  maxIterations: placeholder('max_iterations', 'positiveInteger'),
  learningRate: placeholder('learning_rate_multiplier', 'positiveDecimal'),
  splitMethod: placeholder('data_split_method', { enum: ['AUTO_SPLIT', 'NO_SPLIT'] }),
  evalFraction: placeholder('data_split_eval_fraction', 'evalFraction'),
  evaluationTask: placeholder('evaluation_task', { enum: tuningEvaluationTasks }),
  role: placeholder('role', { enum: modelRoles }),
  taskType: placeholder('task_type', { enum: generationTaskTypes }),
  maxOutputTokens: placeholder('max_output_tokens', 'maxOutputTokens'),
  temperature: placeholder('temperature', 'unitInterval'),
  topP: placeholder('top_p', 'unitInterval'),
  servingFunction: placeholder('serving_function', 'tableId'),
  championRun: placeholder('champion_run', 'runId'),
};

const table = (t: TableRef['table']): TableRef => ({ project: p.project, dataset: p.dataset, table: t });
const model = (m: ModelRef['model']): ModelRef => ({ project: p.project, dataset: p.dataset, model: m });
const connection = { project: p.connProject, location: p.connLocation, connectionId: p.connId };

const predictions = table(predictionsTable.id);
const evaluations = table(evaluationsTable.id);
const registry = table(registryTable.id);
const championTables = { champions: table(championsTable.id), registry };
const runs = table(runsTable.id);

const load = (t: typeof p.trainTable, uri: typeof p.trainUri): Sql =>
  loadData({
    mode: 'OVERWRITE',
    table: table(t),
    columns: exampleColumns,
    uris: [uri],
    ignoreUnknownValues: true,
  });

const prompts = (source: typeof p.trainTable, target: typeof p.trainPrompts) => ({
  create: createPromptsTable(table(target)),
  insert: insertPrompts({ source: table(source), target: table(target), promptPrefix: '', promptSuffix: '' }),
});

const generate = (fn: GenerateFunction, mode: 'all' | 'retryable'): Sql =>
  generatePredictions({
    function: fn,
    model: model(p.model),
    prompts: table(p.evalPrompts),
    predictions,
    settings: { maxOutputTokens: p.maxOutputTokens, temperature: p.temperature, topP: p.topP },
    runId: '',
    evalFingerprint: '',
    mode,
  });

const tuned = (split: 'RANDOM' | typeof p.splitMethod): Sql =>
  createTunedModel({
    model: model(p.tunedModel),
    create: 'IF_NOT_EXISTS',
    connection,
    endpoint: p.tuningEndpoint,
    training: { table: table(p.trainPrompts), promptColumn: 'prompt', labelColumn: 'label' },
    maxIterations: p.maxIterations,
    learningRateMultiplier: p.learningRate,
    dataSplitMethod: split,
    ...(split === 'RANDOM' ? { dataSplitEvalFraction: p.evalFraction } : {}),
    evaluationTask: p.evaluationTask,
  });

export const statements = {
  loadTrain: load(p.trainTable, p.trainUri),
  loadEval: load(p.evalTable, p.evalUri),
  dataChecks: dataChecksQuery({ train: table(p.trainTable), eval: table(p.evalTable), labels: [] }),
  trainFingerprint: fingerprintQuery(table(p.trainTable), ['input_text', 'output_text']),
  evalFingerprint: fingerprintQuery(table(p.evalTable), ['input_text', 'output_text']),
  contentKeys: contentKeysQuery(),
  trainPrompts: prompts(p.trainTable, p.trainPrompts),
  evalPrompts: prompts(p.evalTable, p.evalPrompts),
  baseModel: createRemoteModel({
    model: model(p.baseModel),
    create: 'IF_NOT_EXISTS',
    connection,
    endpoint: p.generationEndpoint,
  }),
  tuneNoSplit: tuned(p.splitMethod),
  tuneRandomSplit: tuned('RANDOM'),
  generate: {
    ai: { all: generate('AI.GENERATE_TEXT', 'all'), retry: generate('AI.GENERATE_TEXT', 'retryable') },
    ml: { all: generate('ML.GENERATE_TEXT', 'all'), retry: generate('ML.GENERATE_TEXT', 'retryable') },
  },
  predictionStatus: predictionStatusQuery(predictions, table(p.evalPrompts), model(p.model)),
  writeMetrics: {
    classification: classificationMetrics({
      predictions,
      evaluations,
      model: model(p.model),
      role: p.role,
      runId: '',
      evalFingerprint: '',
      labels: [],
    }),
    // One statement for the three free-text tasks: the task type is a placeholder.
    generation: generationMetrics({
      predictions,
      evaluations,
      model: model(p.model),
      role: p.role,
      taskType: p.taskType,
      runId: '',
      evalFingerprint: '',
    }),
  },
  readMetrics: overallMetricsQuery({ evaluations, model: model(p.model), role: p.role, runId: '' }),
  labelRegressions: labelRegressionsQuery(evaluations),
  champion: championQuery(championTables),
  // The run that promoted a model: its settings are the ones its table function serves with.
  championRun: championRunQuery(table(runsTable.id)),
  changeChampion: changeChampionScript(championTables),
  championChange: championChangeQuery(registry),
  recordRun: recordRunStatement(runs),
  // The stable name, switched to the tuned model once its promotion committed (see deploy.ts).
  servingFunction: servingFunctionDdl({
    name: table(p.servingFunction),
    model: model(p.model),
    runs,
    championRun: p.championRun,
    settings: { maxOutputTokens: p.maxOutputTokens, temperature: p.temperature, topP: p.topP },
  }),
};

/** The pattern of every placeholder, by name: the workflow checks each run-time value against it. */
export const placeholderPatternsByName: Record<string, string> = Object.fromEntries(
  Object.values(p).map((x) => [x.name, x.pattern]),
);
