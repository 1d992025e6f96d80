import { parse } from 'yaml';
import {
  assign,
  branch,
  builtin,
  call,
  fn,
  forIn,
  parallel,
  raiseStep,
  renderWorkflow,
  returnStep,
  subworkflow,
  switchStep,
  tpl,
  tryStep,
  v,
  when,
  workflow,
} from '../../../workflows/dsl';
import { expectValidWorkflowYaml } from '../../support/workflows-schema';

/** A workflow shaped like the pipelines: subworkflows, connector calls with retries, parallel loads. */
function pipeline() {
  const isTransient = subworkflow(
    'is_transient',
    ['e'],
    [returnStep('decide', fn('default', fn('map.get', v('e'), 'code'), 0).in([429, 500, 503]))],
  );
  const runQuery = subworkflow(
    'run_query',
    ['project', 'sql', { location: 'US' }],
    [
      tryStep(
        'insert_job',
        [
          call('insert', 'googleapis.bigquery.v2.jobs.insert', {
            args: {
              projectId: v('project'),
              body: {
                configuration: { query: { query: v('sql'), useLegacySql: false } },
                jobReference: { location: v('location') },
              },
            },
            connectorParams: {
              timeout: 21600,
              pollingPolicy: { initialDelay: 5, multiplier: 1.5, maxDelay: 60 },
            },
            result: 'job',
          }),
        ],
        {
          retry: {
            predicate: isTransient,
            maxRetries: 3,
            backoff: { initialDelay: 2, maxDelay: 30, multiplier: 2 },
          },
        },
      ),
      returnStep('job_id', v('job').get('jobReference').get('jobId')),
    ],
  );
  const load = (split: string) =>
    branch(`load_${split}`, [
      call(`load_${split}_job`, runQuery, {
        args: {
          project: v('project'),
          sql: tpl`LOAD DATA OVERWRITE ${v('dataset')}.${split} FROM FILES(uris=['${v('args').get(split)}'])`,
        },
        result: `${split}_job`,
      }),
      assign(`record_${split}`, [[v('jobs').get(split), v(`${split}_job`)]]),
    ]);
  return workflow({
    params: ['args'],
    subworkflows: [runQuery, isTransient],
    steps: [
      assign('init', {
        project: fn('sys.get_env', 'GOOGLE_CLOUD_PROJECT_ID'),
        dataset: fn('default', fn('map.get', v('args'), 'dataset'), 'bqtune'),
        jobs: {},
      }),
      switchStep('check_args', [
        when(fn('len', fn('default', v('args').get('labels'), [])).eq(0), { next: 'no_labels' }),
      ]),
      parallel('load_data', [load('train'), load('eval')], {
        shared: ['jobs'],
        exceptionPolicy: 'continueAll',
      }),
      forIn('log_jobs', { value: 'name', in: fn('keys', v('jobs')) }, [
        call('log_job', 'sys.log', {
          args: { text: tpl`${v('name')}: ${v('jobs').at(v('name'))}`, severity: 'INFO' },
        }),
      ]),
      tryStep(
        'notify',
        [call('post', 'http.post', { args: { url: 'https://example.com/hook', body: v('jobs') } })],
        {
          retry: builtin('http.default_retry_non_idempotent'),
          except: {
            as: 'e',
            steps: [call('log_failure', 'sys.log', { args: { json: v('e'), severity: 'WARNING' } })],
          },
        },
      ),
      returnStep('done', v('jobs')),
      raiseStep('no_labels', { code: 400, message: 'args.labels must not be empty' }),
    ],
  });
}

test('a pipeline-shaped workflow renders, validates and reads back', () => {
  const start = process.hrtime.bigint();
  const yaml = renderWorkflow(pipeline());
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  expectValidWorkflowYaml(yaml);
  expect(ms).toBeLessThan(1000);
  const doc = parse(yaml);
  expect(doc.run_query.params).toEqual(['project', 'sql', { location: 'US' }]);
  expect(doc.run_query.steps[0].insert_job.retry.predicate).toBe('${is_transient}');
  expect(doc.main.steps[2].load_data.parallel.branches[0].load_train.steps[0].load_train_job.args.sql).toBe(
    `\${"LOAD DATA OVERWRITE " + dataset + ".train FROM FILES(uris=['" + args.train + "'])"}`,
  );
  expect(doc.main.steps[0].init.assign[0]).toEqual({ project: '${sys.get_env("GOOGLE_CLOUD_PROJECT_ID")}' });
});
