import {
  generationModels,
  generationTaskTypes,
  modelRoles,
  tunableBaseModels,
  tuningEvaluationTasks,
} from '../../../bigquery';
import { fn, tpl, v } from '../../dsl';
import { declarePlaceholders, float64Text } from '../placeholders';

const args = v('args');
const tuning = v('tuning');
const generation = v('generation');

/**
 * Every `{{placeholder}}` of tune-and-evaluate's statements, once: its kind (the pattern its value must
 * match) and, where the whole run shares one value, the expression the context step (context.ts) stores in
 * `ctx.values`. Those expressions read that step's variables: `args` (the run arguments), `run_id`,
 * `project`, `dataset`, `conn` (the connection id split on `.`), `tuning` and `generation` (the model's
 * settings) and `base_model_id`. The others are given where their statement runs: `tuned_model` (tune.ts),
 * `split_table` and `split_prompts` (data.ts), `model` and `role` (evaluate.ts, deploy.ts), `serving_function` and `champion_run` (deploy.ts).
 * Declaration order is the order of `ctx.patterns` and `ctx.values` in the compiled workflow.
 */
export const placeholders = declarePlaceholders({
  project: { kind: 'projectId', context: v('project') },
  dataset: { kind: 'datasetId', context: v('dataset') },
  conn_project: { kind: 'projectId', context: v('conn').at(0) },
  conn_location: { kind: 'location', context: v('conn').at(1) },
  conn_id: { kind: 'connectionId', context: v('conn').at(2) },
  train_uri: { kind: 'gcsUri', context: args.get('data').get('train') },
  eval_uri: { kind: 'gcsUri', context: args.get('data').get('eval') },
  train_table: { kind: 'tableId', context: tpl`train_${v('run_id')}` },
  eval_table: { kind: 'tableId', context: tpl`eval_${v('run_id')}` },
  train_prompts: { kind: 'tableId', context: tpl`train_prompts_${v('run_id')}` },
  eval_prompts: { kind: 'tableId', context: tpl`eval_prompts_${v('run_id')}` },
  // One split's loaded examples and prompts (train_* or eval_* above), where prepare_prompts runs per split.
  split_table: { kind: 'tableId' },
  split_prompts: { kind: 'tableId' },
  base_model: { kind: 'modelId', context: v('base_model_id') },
  tuned_model: { kind: 'modelId' },
  model: { kind: 'modelId' },
  generation_endpoint: { kind: { enum: generationModels }, context: args.get('model').get('baseEndpoint') },
  tuning_endpoint: { kind: { enum: tunableBaseModels }, context: args.get('model').get('baseEndpoint') },
  max_iterations: { kind: 'positiveInteger', context: fn('string', tuning.get('maxIterations')) },
  learning_rate_multiplier: {
    kind: 'positiveDecimal',
    context: float64Text(tuning.get('learningRateMultiplier')),
  },
  // RANDOM has its own statement (tuneRandomSplit), which names the method itself.
  data_split_method: {
    kind: { enum: ['AUTO_SPLIT', 'NO_SPLIT'] },
    context: fn('if', tuning.get('dataSplitMethod').eq('RANDOM'), 'NO_SPLIT', tuning.get('dataSplitMethod')),
  },
  data_split_eval_fraction: {
    kind: 'evalFraction',
    context: float64Text(fn('default', fn('map.get', tuning, 'dataSplitEvalFraction'), 0.2)),
  },
  evaluation_task: { kind: { enum: tuningEvaluationTasks }, context: tuning.get('evaluationTask') },
  role: { kind: { enum: modelRoles } },
  // ML.EVALUATE's name of the task type, for the text metrics (unused by classification).
  task_type: {
    kind: { enum: generationTaskTypes },
    context: fn('text.to_upper', args.get('task').get('type')),
  },
  max_output_tokens: { kind: 'maxOutputTokens', context: fn('string', generation.get('maxOutputTokens')) },
  temperature: { kind: 'unitInterval', context: float64Text(generation.get('temperature')) },
  top_p: { kind: 'unitInterval', context: float64Text(generation.get('topP')) },
  serving_function: { kind: 'tableId' },
  champion_run: { kind: 'runId' },
});

/** The run-wide placeholder values, as every statement reads them from the context (`ctx.values`). */
export const contextValues = placeholders.values(v('ctx').get('values'));
