import {
  championQuery,
  championsTable,
  championRunQuery,
  createPendingPromptsTable,
  dropStagingTable,
  driftQuery,
  insertPendingPrompts,
  loadData,
  predictionsTable,
  registryTable,
  runsTable,
  servedPredictionsTable,
  servedStatusQuery,
  servePredictions,
  servingFunctionDdl,
  sourceKeyCheckQuery,
  type GenerateFunction,
} from '../../../bigquery';
import { statement, type NamedPlaceholder } from '../placeholders';
import { placeholders } from './placeholders';

/**
 * Every statement batch-predict runs, compiled once with `{{placeholders}}` for what is known only at run
 * time (checked against their patterns before substitution) and `@parameters` for data. Each statement's
 * type names its placeholders (see ../placeholders.ts).
 */
const { p } = placeholders;

const table = <T extends NamedPlaceholder<keyof typeof p> | string>(t: T) => ({
  project: p.project,
  dataset: p.dataset,
  table: t,
});
const champion = { project: p.project, dataset: p.dataset, model: p.model };
const source = { project: p.source_project, dataset: p.source_dataset, table: p.source_table };
const served = table(servedPredictionsTable.id);
const prompts = table(p.prompts_table);
const settings = { maxOutputTokens: p.max_output_tokens, temperature: p.temperature, topP: p.top_p };

/** Columns of source files: the key and the input, as text (`bqtune predict` writes CSV input this way). */
export const sourceFileColumns = { key: 'id', input: 'input_text' } as const;

const serve = (fn: GenerateFunction, mode: 'all' | 'retryable') =>
  statement(servePredictions, { function: fn, model: champion, prompts, served, settings, mode });

const championTables = { champions: table(championsTable.id), registry: table(registryTable.id) };

export const statements = {
  champion: statement(championQuery, championTables),
  championRun: statement(championRunQuery, table(runsTable.id)),
  loadSource: statement(loadData, {
    mode: 'OVERWRITE',
    table: source,
    columns: [
      { name: sourceFileColumns.key, type: 'STRING', mode: 'NULLABLE' },
      { name: sourceFileColumns.input, type: 'STRING', mode: 'NULLABLE' },
    ],
    uris: [p.source_uri],
    ignoreUnknownValues: true,
  }),
  keyCheck: statement(sourceKeyCheckQuery, { source, keyColumn: p.key_column, inputColumn: p.input_column }),
  createPrompts: statement(createPendingPromptsTable, prompts),
  insertPrompts: statement(insertPendingPrompts, {
    source,
    served,
    prompts,
    keyColumn: p.key_column,
    inputColumn: p.input_column,
  }),
  serve: {
    ai: { all: serve('AI.GENERATE_TEXT', 'all'), retry: serve('AI.GENERATE_TEXT', 'retryable') },
    ml: { all: serve('ML.GENERATE_TEXT', 'all'), retry: serve('ML.GENERATE_TEXT', 'retryable') },
  },
  servingFunction: statement(servingFunctionDdl, {
    name: table(p.serving_function),
    model: champion,
    runs: table(runsTable.id),
    championRun: p.champion_run,
    settings,
    champions: championTables,
  }),
  status: statement(servedStatusQuery, { served, prompts, model: champion }),
  dropSource: statement(dropStagingTable, source),
  dropPrompts: statement(dropStagingTable, prompts),
  drift: statement(driftQuery, { served, predictions: table(predictionsTable.id) }),
};
