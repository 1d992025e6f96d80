import fs from 'node:fs';
import path from 'node:path';
import { apiError } from '../../../cli/deployment/api-errors';
import { describeError, describeResult, progressLine } from '../../../cli/deployment/execution-display';
import { executionView, executionsClient } from '../../../cli/deployment/executions';
import { buildRunArguments } from '../../../cli/deployment/run-arguments';
import { parseStackOutputs, stackOutputs } from '../../../cli/deployment/stack-outputs';
import { localTarget, resolveTarget } from '../../../cli/deployment/target';
import { exampleVariant, tempDir } from '../local/fixtures';

const stack = {
  project: 'my-project',
  location: 'US',
  region: 'europe-west4',
  workflowName: 'bqtune-dev-pipeline',
  dataset: 'bqtune_dev',
  connection: 'my-project.US.bqtune_dev_vertex',
  bucket: 'my-project-bqtune-dev-data',
  somethingElse: 42,
};

test('stack outputs: known names are read, bad JSON and non-string outputs are named', () => {
  expect(parseStackOutputs(JSON.stringify(stack), 'stack dev')).toEqual({
    project: 'my-project',
    location: 'US',
    region: 'europe-west4',
    workflowName: 'bqtune-dev-pipeline',
    dataset: 'bqtune_dev',
    connection: 'my-project.US.bqtune_dev_vertex',
    bucket: 'my-project-bqtune-dev-data',
  });
  expect(() => parseStackOutputs('Current stack is dev', 'stack dev')).toThrow(
    'stack dev is not JSON (expected the output of `pulumi stack output --json`)',
  );
  expect(() => parseStackOutputs('[]', 'outputs.json')).toThrow('outputs.json must be a JSON object');
  expect(() => parseStackOutputs('{"project": 7}', 'outputs.json')).toThrow(
    'outputs.json: output project must be a string',
  );
  expect(() => stackOutputs({ outputs: '/nonexistent/outputs.json' })).toThrow(
    '--outputs: file not found: /nonexistent/outputs.json',
  );
  expect(() => stackOutputs({ outputs: 'a.json', stack: 'dev' })).toThrow('either --stack or --outputs');
});

test('the target comes from flags over stack outputs; the local endpoint has defaults; gaps are named', () => {
  const outputs = parseStackOutputs(JSON.stringify(stack), 'stack dev');
  expect(resolveTarget({ dataset: 'other' }, outputs)).toEqual({
    project: 'my-project',
    region: 'europe-west4',
    workflow: 'bqtune-dev-pipeline',
    location: 'US',
    dataset: 'other',
    connection: 'my-project.US.bqtune_dev_vertex',
  });
  expect(resolveTarget({}, {}, localTarget)).toEqual(localTarget);
  expect(() => resolveTarget({ project: 'p-project' }, { region: 'us-central1' })).toThrow(
    'missing --workflow (stack output workflowName), --location (stack output location), ' +
      '--dataset (stack output dataset), --connection (stack output connection)',
  );
});

test('run arguments: the config with the target and gs:// data, validated; local files only for the emulator', () => {
  const config = exampleVariant(tempDir('trigger-args'));
  const target = resolveTarget({}, parseStackOutputs(JSON.stringify(stack), 'stack dev'));
  const args = buildRunArguments({
    configFile: config,
    target,
    runId: 'run_gcp',
    train: 'gs://my-bucket/train.jsonl',
    eval: 'gs://my-bucket/eval.jsonl',
  });
  expect(args).toMatchObject({
    runId: 'run_gcp',
    project: 'my-project',
    location: 'US',
    dataset: 'bqtune_dev',
    connection: 'my-project.US.bqtune_dev_vertex',
    data: { train: 'gs://my-bucket/train.jsonl', eval: 'gs://my-bucket/eval.jsonl' },
    name: 'medical-specialty',
  });
  expect(args).not.toHaveProperty('$schema');

  expect(() => buildRunArguments({ configFile: config, target, runId: 'run_gcp' })).toThrow(
    /^data\.train: .*train\.jsonl is a local file; upload it to Cloud Storage and pass --train gs:\/\/BUCKET\/OBJECT$/,
  );

  const gcs = tempDir('trigger-gcs');
  expect(() => buildRunArguments({ configFile: config, target, runId: 'Bad Id', localGcsDir: gcs })).toThrow(
    /runId must be a run id/,
  );
  expect(fs.readdirSync(gcs)).toEqual([]);
  const local = buildRunArguments({
    configFile: config,
    target: localTarget,
    runId: 'run_local',
    localGcsDir: gcs,
  });
  expect(local.data).toEqual({
    train: 'gs://bqtune-local-data/run_local/train.jsonl',
    eval: 'gs://bqtune-local-data/run_local/eval.jsonl',
  });
  expect(fs.readFileSync(path.join(gcs, 'bqtune-local-data', 'run_local', 'eval.jsonl'), 'utf8')).toBe(
    fs.readFileSync(path.join(path.dirname(config), 'data', 'eval.jsonl'), 'utf8'),
  );
});

test('an endpoint must be an http(s) URL on a loopback name: the token goes nowhere else', () => {
  const token = 'a'.repeat(64);
  expect(() => executionsClient({ endpoint: '127.0.0.1:8787', token })).toThrow(
    '--endpoint: "127.0.0.1:8787" is not a URL',
  );
  expect(() => executionsClient({ endpoint: 'ftp://127.0.0.1:8787', token })).toThrow(
    'must be an http:// or https:// URL',
  );
  expect(() => executionsClient({ endpoint: 'http://example.com:8787', token })).toThrow(
    '--endpoint: example.com is not a loopback address',
  );
  expect(() => executionsClient({ endpoint: 'http://10.0.0.1:8787', token })).toThrow(/not a loopback/);
  for (const endpoint of ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787'])
    expect(() => executionsClient({ endpoint, token }).close()).not.toThrow();
});

test('API and network errors become one line', () => {
  const refused = Object.assign(new Error('request to http://127.0.0.1:9/v1/... failed'), {
    code: 'ECONNREFUSED',
  });
  expect(apiError(refused, 'http://127.0.0.1:9').message).toBe(
    'cannot reach http://127.0.0.1:9: ECONNREFUSED',
  );
  const rest = new Error('{"error":{"code":404,"message":"workflow nope not found","status":"NOT_FOUND"}}');
  expect(apiError(rest, 'x').message).toBe('NOT_FOUND: workflow nope not found');
  const grpc = Object.assign(new Error('7 PERMISSION_DENIED: denied\n  more'), {
    details: 'Permission denied on workflow',
  });
  expect(apiError(grpc, 'x').message).toBe('Permission denied on workflow');
});

test('progress shows the state, the elapsed time and the current step', () => {
  const view = executionView({
    name: 'projects/p/locations/l/workflows/w/executions/e',
    state: 'ACTIVE',
    status: {
      currentSteps: [
        { routine: 'main', step: 'run' },
        { routine: 'main', step: 'tuned_eval' },
        { routine: 'evaluate_model', step: 'write_metrics' },
        { routine: 'run_query', step: 'insert_job' },
      ],
    },
  });
  const since = new Date('2026-11-25T07:00:00Z');
  expect(progressLine(view, since, new Date('2026-11-25T07:01:05Z'))).toBe(
    'active 1m05s · run › tuned_eval › run_query.insert_job',
  );
  expect(executionView({ state: 2 }).state).toBe('SUCCEEDED');
});

test('results and errors are described readably', () => {
  const result = describeResult(
    JSON.stringify({
      runId: 'run_1',
      status: 'rejected',
      baseline: { model: 'b', metrics: { macro_f1: 0.5 } },
      tuned: { model: 't', metrics: { macro_f1: 0.51 } },
      gate: { passed: false, metric: 'macro_f1', reasons: ['tuned macro_f1 0.510 does not beat baseline'] },
      deployed: false,
      champion: { before: null, after: null },
    }),
  );
  expect(result).toContain('run run_1: rejected');
  expect(result).toContain('macro_f1: baseline 0.500, tuned 0.510');
  expect(result).toContain('  - tuned macro_f1 0.510 does not beat baseline');
  expect(result).toContain('deployed: nothing; the champion is still none');
  expect(describeResult('{"other":1}')).toBe('{\n  "other": 1\n}');

  const error = describeError({
    payload: JSON.stringify({
      message: 'data checks failed',
      tags: ['DataCheckError'],
      findings: [{ message: '3 eval inputs also appear in train' }],
    }),
  });
  expect(error).toBe('data checks failed [DataCheckError]\n  - 3 eval inputs also appear in train');
});

describe('outputs of a Pulumi stack', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  /** A stand-in `pulumi` first on PATH: records its arguments, prints outputs or fails like pulumi does. */
  function fakePulumi(script: string): string {
    const dir = tempDir('fake-pulumi');
    fs.writeFileSync(path.join(dir, 'pulumi'), `#!/bin/sh\necho "$@" > "${dir}/args"\n${script}\n`, {
      mode: 0o755,
    });
    process.env.PATH = `${dir}${path.delimiter}${savedPath}`;
    return dir;
  }

  test('are read with `pulumi stack output --json --stack NAME`', () => {
    const dir = fakePulumi(`echo '${JSON.stringify(stack)}'`);
    expect(stackOutputs({ stack: 'dev' })).toMatchObject({ project: 'my-project', region: 'europe-west4' });
    expect(fs.readFileSync(path.join(dir, 'args'), 'utf8')).toBe('stack output --json --stack dev\n');
  });

  test('a failing pulumi is one line naming the stack', () => {
    fakePulumi(`echo "error: no stack named 'nope' found" >&2\necho "more detail" >&2\nexit 255`);
    expect(() => stackOutputs({ stack: 'nope' })).toThrow(
      /^pulumi stack output --stack nope failed: error: no stack named 'nope' found$/,
    );
  });

  test('without the pulumi CLI, the message says what to pass instead', () => {
    process.env.PATH = tempDir('empty-path');
    expect(() => stackOutputs({ stack: 'dev' })).toThrow(
      'the pulumi CLI is not installed; pass --outputs FILE (saved from `pulumi stack output --json`) or the flags',
    );
  });
});
