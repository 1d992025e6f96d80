import {
  championQuery,
  championsTable,
  championRunQuery,
  createPendingPromptsTable,
  dropStagingTable,
  driftQuery,
  insertPendingPrompts,
  loadData,
  placeholder,
  predictionsTable,
  registryTable,
  runsTable,
  servedPredictionsTable,
  servedStatusQuery,
  servePredictions,
  servingFunctionDdl,
  sourceKeyCheckQuery,
  type GenerateFunction,
  type ModelRef,
  type Sql,
  type TableRef,
} from '../../../bigquery';

/**
 * Every statement batch-predict runs, compiled once with `{{placeholders}}` for what is known only at run
 * time (checked against their patterns before substitution) and `@parameters` for data.
 */
const p = {
  project: placeholder('project', 'projectId'),
  dataset: placeholder('dataset', 'datasetId'),
  sourceProject: placeholder('source_project', 'projectId'),
  sourceDataset: placeholder('source_dataset', 'datasetId'),
  sourceTable: placeholder('source_table', 'tableId'),
  sourceUri: placeholder('source_uri', 'gcsUri'),
  prompts: placeholder('prompts_table', 'tableId'),
  servingFunction: placeholder('serving_function', 'tableId'),
  championRun: placeholder('champion_run', 'runId'),
  model: placeholder('model', 'modelId'),
  keyColumn: placeholder('key_column', 'columnName'),
  inputColumn: placeholder('input_column', 'columnName'),
  // The endpoint is not sent again: the champion's remote model already names it.
  maxOutputTokens: placeholder('max_output_tokens', 'maxOutputTokens'),
  temperature: placeholder('temperature', 'unitInterval'),
  topP: placeholder('top_p', 'unitInterval'),
};

const table = (t: TableRef['table']): TableRef => ({ project: p.project, dataset: p.dataset, table: t });
const champion: ModelRef = { project: p.project, dataset: p.dataset, model: p.model };
const source: TableRef = { project: p.sourceProject, dataset: p.sourceDataset, table: p.sourceTable };
const served = table(servedPredictionsTable.id);
const prompts = table(p.prompts);

/** Columns of source files: the key and the input, as text (`bqtune predict` writes CSV input this way). */
export const sourceFileColumns = { key: 'id', input: 'input_text' } as const;

const serve = (fn: GenerateFunction, mode: 'all' | 'retryable'): Sql =>
  servePredictions({
    function: fn,
    model: champion,
    prompts,
    served,
    settings: { maxOutputTokens: p.maxOutputTokens, temperature: p.temperature, topP: p.topP },
    mode,
  });

export const statements = {
  champion: championQuery({ champions: table(championsTable.id), registry: table(registryTable.id) }),
  championRun: championRunQuery(table(runsTable.id)),
  loadSource: loadData({
    mode: 'OVERWRITE',
    table: source,
    columns: [
      { name: sourceFileColumns.key, type: 'STRING', mode: 'NULLABLE' },
      { name: sourceFileColumns.input, type: 'STRING', mode: 'NULLABLE' },
    ],
    uris: [p.sourceUri],
    ignoreUnknownValues: true,
  }),
  keyCheck: sourceKeyCheckQuery({ source, keyColumn: p.keyColumn, inputColumn: p.inputColumn }),
  createPrompts: createPendingPromptsTable(prompts),
  insertPrompts: insertPendingPrompts({
    source,
    served,
    prompts,
    keyColumn: p.keyColumn,
    inputColumn: p.inputColumn,
  }),
  serve: {
    ai: { all: serve('AI.GENERATE_TEXT', 'all'), retry: serve('AI.GENERATE_TEXT', 'retryable') },
    ml: { all: serve('ML.GENERATE_TEXT', 'all'), retry: serve('ML.GENERATE_TEXT', 'retryable') },
  },
  servingFunction: servingFunctionDdl({
    name: table(p.servingFunction),
    model: champion,
    runs: table(runsTable.id),
    championRun: p.championRun,
    settings: { maxOutputTokens: p.maxOutputTokens, temperature: p.temperature, topP: p.topP },
  }),
  status: servedStatusQuery({ served, prompts, model: champion }),
  dropSource: dropStagingTable(source),
  dropPrompts: dropStagingTable(prompts),
  drift: driftQuery({ served, predictions: table(predictionsTable.id) }),
};

/** The pattern of every placeholder, by name: the workflow checks each run-time value against it. */
export const placeholderPatternsByName: Record<string, string> = Object.fromEntries(
  Object.values(p).map((x) => [x.name, x.pattern]),
);
