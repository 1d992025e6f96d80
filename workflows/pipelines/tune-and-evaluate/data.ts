import {
  assign,
  branch,
  call,
  fn,
  forIn,
  parallel,
  parallelFor,
  raiseStep,
  subworkflow,
  switchStep,
  tpl,
  v,
  when,
  type Step,
} from '../../dsl';
import { ctx } from './context';
import { contextValues } from './placeholders';
import { runStatement } from './bigquery';
import { arg } from './validate';
import { statements } from './statements';
import { dataChecks } from '../../../bigquery';
import { Tag } from '../../facts/error-tags';
import { PipelineTag } from '../error-tags';

/** For each check of the data-checks query: the `checks.*` setting of its severity, its unit and wording. */
const checkTable = Object.fromEntries(
  Object.entries(dataChecks).map(([name, c]) => [name, { setting: c.setting, unit: c.counts, what: c.what }]),
);

/** The checks that judge output_text as a label: skipped for free-text tasks (see dataChecks). */
const labelChecks = Object.entries(dataChecks).flatMap(([name, c]) => ('aboutLabels' in c ? [name] : []));

/**
 * Turns the data-check rows into findings (shaped as the run summary's `dataChecks` entries: check, kind,
 * split, count, unit, severity, message, examples) with a severity from the run's `checks` settings, and
 * raises one DataCheckError listing every failing finding before any model is called. A split with fewer
 * rows than its minimum (an empty file included) always fails. Without `classify` (a free-text task) the
 * label checks are left out.
 */
export const judgeDataChecks = subworkflow(
  'judge_data_checks',
  ['checks', 'rows', 'classify'],
  [
    assign('init_findings', { findings: [], failures: [], table: checkTable }),
    forIn('each_row', { value: 'row', in: v('rows') }, [
      assign('read_row', {
        count: fn('int', v('row').get('violations')),
        check: v('row').get('check_name'),
        split: v('row').get('split'),
      }),
      switchStep('kind', [
        when(v('check').eq('row_count'), {
          steps: [
            assign('minimum', {
              needed: fn(
                'if',
                v('split').eq('train'),
                v('checks').get('minTrainRows'),
                v('checks').get('minEvalRows'),
              ),
            }),
            switchStep('too_few', [
              when(v('count').lt(v('needed')), {
                steps: [
                  assign('row_count_finding', {
                    finding: {
                      check: fn('if', v('split').eq('train'), 'minTrainRows', 'minEvalRows'),
                      kind: 'row_count',
                      split: v('split'),
                      count: v('count'),
                      unit: 'rows',
                      severity: 'fail',
                      message: tpl`${v('split')} has ${fn('string', v('count'))} rows; at least ${fn('string', v('needed'))} are needed`,
                      examples: [],
                    },
                  }),
                ],
              }),
              when(true, { next: 'continue' }),
            ]),
          ],
        }),
        when(v('classify').not().and(v('check').in(labelChecks)), { next: 'continue' }),
        when(true, {
          steps: [
            assign('check_entry', { entry: v('table').at(v('check')) }),
            assign('finding_from_row', {
              finding: {
                check: v('entry').get('setting'),
                kind: v('check'),
                split: v('split'),
                count: v('count'),
                unit: v('entry').get('unit'),
                severity: v('checks').at(v('entry').get('setting')),
                message: tpl`${v('split')}: ${fn('string', v('count'))} ${v('entry').get('what')} (${v('check')})`,
                examples: fn('json.decode', v('row').get('samples')),
              },
            }),
          ],
        }),
      ]),
      assign('keep_finding', { findings: fn('list.concat', v('findings'), v('finding')) }),
      switchStep('is_failure', [
        when(v('finding').get('severity').eq('fail'), {
          steps: [
            assign('keep_failure', {
              failures: fn('list.concat', v('failures'), v('finding').get('message')),
            }),
          ],
        }),
      ]),
    ]),
    switchStep('passed', [when(fn('len', v('failures')).eq(0), { return: v('findings') })]),
    assign('start_message', { message: 'data checks failed:' }),
    forIn('join_failures', { value: 'failure', in: v('failures') }, [
      assign('append_failure', { message: tpl`${v('message')}\n- ${v('failure')}` }),
    ]),
    raiseStep('data_checks_failed', {
      tags: [Tag.ValueError, PipelineTag.DataCheckError],
      message: v('message'),
      findings: v('findings'),
    }),
  ],
);

/**
 * Part of the eval key, so predictions stored under example ids of an older construction (one per input
 * text, see insertPrompts) are never read as this run's: a changed scheme means the eval rows are new.
 */
const exampleIdScheme = 'example-id: input, label, copy';

/**
 * The run's values and one split's tables, as prepare_prompts stores them per split (`with` names the
 * two, so a statement reading another placeholder fails the compile).
 */
const splitValues = contextValues.with({ split_table: '', split_prompts: '' }).storedAt(v('split_values'));

/**
 * Load both splits, check them, fingerprint them, derive the content keys, and materialise the prompts;
 * then drop the loaded examples, which only the steps up to the prompts read. Every staging table also
 * expires on its own (stagingTableHours), so one a failed run leaves goes all the same.
 */
export function dataSteps(): Step[] {
  const prefix = arg('task', 'promptTemplate', 'prefix');
  const suffix = fn('default', arg('task', 'promptTemplate', 'suffix'), '');
  const tuning = v('args').get('model').get('tuning');
  const generation = v('args').get('model').get('generation');
  return [
    parallel('load_data', [
      branch('load_train', runStatement('load_train_data', statements.loadTrain)),
      branch('load_eval', runStatement('load_eval_data', statements.loadEval)),
    ]),
    ...runStatement('check_data', statements.dataChecks, {
      params: { labels: ctx.labels_param },
      rows: 'check_rows',
    }),
    call('judge_data', judgeDataChecks, {
      args: { checks: v('args').get('checks'), rows: v('check_rows'), classify: ctx.classify },
      result: 'findings',
    }),
    ...runStatement('fingerprint_train', statements.trainFingerprint, { rows: 'train_fp_rows' }),
    ...runStatement('fingerprint_eval', statements.evalFingerprint, { rows: 'eval_fp_rows' }),
    assign('fingerprints', {
      train_fingerprint: v('train_fp_rows').at(0).get('fingerprint'),
      eval_fingerprint: v('eval_fp_rows').at(0).get('fingerprint'),
    }),
    ...runStatement('content_keys', statements.contentKeys, {
      params: {
        tuning_key: fn('json.encode_to_string', [
          v('args').get('model').get('baseEndpoint'),
          tuning.get('maxIterations'),
          tuning.get('learningRateMultiplier'),
          tuning.get('dataSplitMethod'),
          fn('default', fn('map.get', tuning, 'dataSplitEvalFraction'), null),
          tuning.get('evaluationTask'),
          prefix,
          suffix,
        ]),
        train_fingerprint: v('train_fingerprint'),
        // Generation settings too: predictions made with other settings are other predictions.
        prompt_key: fn('json.encode_to_string', [
          prefix,
          suffix,
          exampleIdScheme,
          ...['function', 'maxOutputTokens', 'temperature', 'topP'].map((k) => generation.get(k)),
        ]),
        eval_fingerprint: v('eval_fingerprint'),
      },
      rows: 'key_rows',
    }),
    assign('content_addresses', {
      eval_key: v('key_rows').at(0).get('eval_key'),
      tuned_model_id: tpl`tuned_${fn('text.substring', v('key_rows').at(0).get('tuned_key'), 0, 32)}`,
    }),
    // Both splits' prompts by one statement pair, per split; job ids still name the split.
    parallelFor('prepare_prompts', { value: 'split', in: ['train', 'eval'] }, [
      assign('split_tables', {
        split_values: fn('map.merge', ctx.values, {
          split_table: fn('map.get', ctx.values, tpl`${v('split')}_table`),
          split_prompts: fn('map.get', ctx.values, tpl`${v('split')}_prompts`),
        }),
      }),
      ...runStatement('create_prompts', statements.splitPrompts.create, {
        values: splitValues,
        step: tpl`create_${v('split')}_prompts`,
      }),
      ...runStatement('insert_prompts', statements.splitPrompts.insert, {
        values: splitValues,
        params: { prompt_prefix: prefix, prompt_suffix: suffix },
        step: tpl`insert_${v('split')}_prompts`,
      }),
    ]),
    ...runStatement('drop_examples', statements.dropExamples),
  ];
}

export const dataSubworkflows = [judgeDataChecks];
