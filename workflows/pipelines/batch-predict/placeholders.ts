import { tpl, v } from '../../dsl';
import { declarePlaceholders } from '../placeholders';
import { statementRunner } from '../tune-and-evaluate/bigquery';

/**
 * Every `{{placeholder}}` of batch-predict's statements, once: its kind (the pattern its value must match)
 * and, for the three known when the run starts, the expression the context step (context.ts) stores in
 * `ctx.values` (reading its variables `project`, `dataset` and `run_id`). The others are added to
 * `ctx.values` as the run learns them (index.ts): the champion's model, run and generation settings once it
 * is resolved, the source's table and columns once the source is known.
 * Declaration order is the order of `ctx.patterns` and `ctx.values` in the compiled workflow.
 */
export const placeholders = declarePlaceholders({
  project: { kind: 'projectId', context: v('project') },
  dataset: { kind: 'datasetId', context: v('dataset') },
  source_project: { kind: 'projectId' },
  source_dataset: { kind: 'datasetId' },
  source_table: { kind: 'tableId' },
  source_uri: { kind: 'gcsUri' },
  prompts_table: { kind: 'tableId', context: tpl`predict_prompts_${v('run_id')}` },
  serving_function: { kind: 'tableId' },
  champion_run: { kind: 'runId' },
  model: { kind: 'modelId' },
  key_column: { kind: 'columnName' },
  input_column: { kind: 'columnName' },
  // The endpoint is not sent again: the champion's remote model already names it.
  max_output_tokens: { kind: 'maxOutputTokens' },
  temperature: { kind: 'unitInterval' },
  top_p: { kind: 'unitInterval' },
});

/** The values known when the run starts, as every statement reads them from the context (`ctx.values`). */
export const contextValues = placeholders.values(v('ctx').get('values'));

/** batch-predict's runStatement: statements read the values known at the start unless given later ones. */
export const runStatement = statementRunner(contextValues);
