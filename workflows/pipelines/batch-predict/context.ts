import {
  assign,
  call,
  fn,
  forIn,
  raiseStep,
  subworkflow,
  switchStep,
  tpl,
  v,
  when,
  type Expr,
  type Step,
} from '../../dsl';
import { placeholderPatterns } from '../../../bigquery';
import { re2Pattern } from '../../re2';
import { contextFields } from '../context-fields';
import type { sharedContext } from '../tune-and-evaluate/context';
import { identityFields, runIdentityArguments } from '../tune-and-evaluate/context';
import { placeholders } from './placeholders';
import { Tag } from '../../facts/error-tags';

const env = (name: string, fallback: Expr | string | null = null) =>
  fallback === null ? fn('sys.get_env', name) : fn('sys.get_env', name, fallback);
const arg = (...path: string[]): Expr => fn('map.get', v('args'), path);

const unanchored = (pattern: string) => pattern.slice(1, -1);

/** Run-id and serving-name patterns: the same as tune-and-evaluate's, so both pipelines share one runs table. */
const patterns = {
  runId: re2Pattern('^[a-z][a-z0-9_]{0,62}$'),
  servingName: re2Pattern('^[A-Za-z][A-Za-z0-9_]{0,63}$'),
  // project.dataset.table, each part as BigQuery allows it.
  tablePath: re2Pattern(
    `^${unanchored(placeholderPatterns.projectId)}\\.${unanchored(placeholderPatterns.datasetId)}\\.${unanchored(placeholderPatterns.tableId)}$`,
  ),
};

const matches = (value: Expr, pattern: string): Expr =>
  fn('get_type', value)
    .eq('string')
    .and(fn('text.match_regex', fn('default', value, ''), pattern));

/** Every rule a batch-predict argument must meet, each with the message a user sees when it does not. */
function rules(): { ok: Expr; message: string }[] {
  const uri = arg('source', 'uri');
  const table = arg('source', 'table');
  return [
    {
      ok: matches(v('run_id'), patterns.runId),
      message: 'runId must be a lower-case letter, then up to 62 of a-z, 0-9, _',
    },
    {
      ok: matches(v('project'), placeholderPatterns.projectId),
      message: 'project must be a Google Cloud project id',
    },
    {
      ok: matches(v('location'), placeholderPatterns.location),
      message: 'location must be US, EU or a region such as us-central1',
    },
    {
      ok: matches(v('dataset'), placeholderPatterns.datasetId),
      message: 'dataset must be a BigQuery dataset id',
    },
    {
      ok: matches(arg('servingName'), patterns.servingName),
      message: 'servingName must be a letter, then up to 63 of A-Z, a-z, 0-9, _',
    },
    {
      ok: uri
        .eq(null)
        .and(table.eq(null))
        .not()
        .and(uri.ne(null).and(table.ne(null)).not()),
      message:
        'source must give exactly one of uri (gs:// JSONL with id and input_text) and table (project.dataset.table)',
    },
    {
      ok: uri.eq(null).or(matches(uri, placeholderPatterns.gcsUri)),
      message: 'source.uri must be a gs://bucket/path URI',
    },
    {
      ok: table.eq(null).or(matches(table, patterns.tablePath)),
      message: 'source.table must be project.dataset.table',
    },
    {
      ok: arg('keyColumn')
        .eq(null)
        .or(matches(arg('keyColumn'), placeholderPatterns.columnName)),
      message: 'keyColumn must be a BigQuery column name',
    },
    {
      ok: arg('inputColumn')
        .eq(null)
        .or(matches(arg('inputColumn'), placeholderPatterns.columnName)),
      message: 'inputColumn must be a BigQuery column name',
    },
    {
      ok: arg('drift', 'warnPsi')
        .eq(null)
        .or(
          fn('get_type', arg('drift', 'warnPsi'))
            .in(['integer', 'double'])
            .and(fn('double', fn('default', arg('drift', 'warnPsi'), 0)).gt(0))
            .and(fn('double', fn('default', arg('drift', 'warnPsi'), 0)).le(10)),
        ),
      message: 'drift.warnPsi must be a number above 0 and at most 10',
    },
    {
      ok: arg('retries', 'maxPasses')
        .eq(null)
        .or(
          fn('get_type', arg('retries', 'maxPasses'))
            .eq('integer')
            .and(fn('int', fn('default', arg('retries', 'maxPasses'), 0)).ge(1))
            .and(fn('int', fn('default', arg('retries', 'maxPasses'), 0)).le(10)),
        ),
      message: 'retries.maxPasses must be a whole number from 1 to 10',
    },
    {
      ok: arg('drift', 'minRows')
        .eq(null)
        .or(
          fn('get_type', arg('drift', 'minRows'))
            .eq('integer')
            .and(fn('int', fn('default', arg('drift', 'minRows'), 0)).ge(1)),
        ),
      message: 'drift.minRows must be a whole number >= 1',
    },
  ];
}

/** Checks every argument before anything costs money and raises one ValueError listing all problems. */
const validateArguments = subworkflow(
  'validate_predict_arguments',
  ['args', 'run_id', 'project', 'location', 'dataset'],
  [
    assign('evaluate_rules', { rules: rules().map((r) => ({ ok: r.ok, message: r.message })), problems: [] }),
    forIn('collect', { value: 'rule', in: v('rules') }, [
      switchStep('failed', [
        when(v('rule').get('ok').eq(true).not(), {
          steps: [
            assign('add_problem', { problems: fn('list.concat', v('problems'), v('rule').get('message')) }),
          ],
        }),
      ]),
    ]),
    switchStep('any_problems', [when(fn('len', v('problems')).eq(0), { return: true })]),
    assign('start_message', { message: 'invalid batch-predict arguments:' }),
    forIn('join_problems', { value: 'problem', in: v('problems') }, [
      assign('append_problem', { message: tpl`${v('message')}\n- ${v('problem')}` }),
    ]),
    raiseStep('invalid_arguments', {
      tags: [Tag.ValueError],
      message: v('message'),
      problems: v('problems'),
    }),
  ],
);

export const contextSubworkflows = [validateArguments];

/** batch-predict's context map (`ctx`), built by the last of `contextSteps` from the variables before it. */
const contextMap = {
  ...identityFields('batch-predict'),
  serving_name: v('args').get('servingName'),
  max_passes: fn('default', arg('retries', 'maxPasses'), 3),
  warn_psi: fn('double', fn('default', arg('drift', 'warnPsi'), 0.2)),
  drift_min_rows: fn('default', arg('drift', 'minRows'), 100),
  // The pattern of every placeholder and the values known now, both declared in placeholders.ts.
  patterns: placeholders.patterns,
  values: placeholders.contextValues,
} satisfies Record<keyof typeof sharedContext, unknown> & Record<string, unknown>;

/**
 * The fields index.ts merges into `ctx` as the run learns them (only the keys matter here): the champion's
 * generate function, once it is resolved, and whether drift is measured by label, once its task is known.
 */
const laterFields = { generate: 'ai or ml', by_label: 'a boolean' };

/** batch-predict's context fields by name, those of the context step and those merged in later. */
export const ctx = contextFields({ ...contextMap, ...laterFields });

/**
 * Reads the run's identity from its arguments, falling back to the environment the deployment sets
 * (BQTUNE_*), validates, and builds the context every statement reads.
 */
export function contextSteps(): Step[] {
  return [
    switchStep('arguments_given', [
      when(fn('get_type', v('args')).ne('map'), {
        steps: [
          assign('deployed_arguments', { args: fn('json.decode', env('BQTUNE_PREDICT_ARGUMENTS', '{}')) }),
        ],
      }),
    ]),
    assign('read_arguments', runIdentityArguments('predict')),
    call('validate_arguments', validateArguments, {
      args: {
        args: v('args'),
        run_id: v('run_id'),
        project: v('project'),
        location: v('location'),
        dataset: v('dataset'),
      },
    }),
    assign('context', { ctx: contextMap }),
  ];
}
