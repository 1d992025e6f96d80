import { ProjectApis } from '../../infra/apis';
import { BaselineModel } from '../../infra/baseline-model';
import { DataBucket } from '../../infra/data-bucket';
import { PipelineDataset } from '../../infra/pipeline-dataset';
import { PipelineTriggers } from '../../infra/triggers';
import { PipelineWorkflow } from '../../infra/pipeline-workflow';
import { VertexConnection } from '../../infra/vertex-connection';
import { pipelineTables } from '../../bigquery/tables';
import {
  connectionServiceAccount,
  runUnderMocks,
  types,
  type ProgramRun,
  type RegisteredResource,
} from './harness';

/*
 * Each component alone, built from its own narrow args (no stack settings), under Pulumi's mocks. The
 * expected values are written out by hand; the stack tests and snapshots cover the components together.
 */

let run: ProgramRun;
const labels = { app: 'bqtune', environment: 'test' };
const schedule = {
  cron: '0 3 * * 1',
  timeZone: 'Europe/Zurich',
  data: { train: 'train.jsonl', eval: 'eval.jsonl' },
  runArguments: { runId: 'scheduled' },
};
const eventTrigger = {
  prefix: 'uploads/',
  auditLogs: 'enable-for-storage' as const,
  data: { train: 'uploads/train.jsonl', eval: 'uploads/eval.jsonl' },
  runArguments: { runId: 'evented' },
};

beforeAll(async () => {
  run = await runUnderMocks('unit', {}, () => {
    new ProjectApis('t-apis', {
      project: 'proj-one',
      apis: [
        { service: 'bigquery.googleapis.com', page: '' },
        { service: 'workflows.googleapis.com', page: '' },
      ],
    });
    const kept = new DataBucket('t-kept', {
      project: 'proj-one',
      bucketName: 'existing-bucket',
      create: false,
      location: 'EU',
      protectData: true,
      labels,
    });
    new DataBucket('t-made', {
      project: 'proj-one',
      bucketName: 'new-bucket',
      create: true,
      location: 'EU',
      protectData: false,
      labels,
    });
    new PipelineDataset('t-dataset', {
      project: 'proj-one',
      datasetId: 'ds',
      location: 'EU',
      protectData: true,
      retentionDays: 7,
      labels,
    });
    const vertex = new VertexConnection('t-vertex', {
      project: 'proj-one',
      location: 'EU',
      connectionId: 'c_vertex',
      bucketName: 'bkt',
    });
    const baseline = new BaselineModel('t-baseline', {
      project: 'proj-one',
      location: 'EU',
      datasetId: 'ds',
      connectionId: 'c_vertex',
      baseEndpoint: 'gemini-2.5-flash',
      namePrefix: 't',
      labels,
    });
    const pipeline = new PipelineWorkflow('t-pipeline', {
      project: 'proj-one',
      region: 'europe-west1',
      location: 'EU',
      namePrefix: 't',
      source: 'main:\n  steps: []\n',
      datasetId: 'ds',
      connectionId: 'c_vertex',
      connectionQualifiedId: 'proj-one.EU.c_vertex',
      bucketName: 'bkt',
      callLogLevel: 'LOG_ERRORS_ONLY',
      executionHistoryLevel: 'EXECUTION_HISTORY_BASIC',
      deletionProtection: true,
      labels,
    });
    new PipelineTriggers('t-scheduled', {
      project: 'proj-one',
      region: 'europe-west1',
      namePrefix: 't',
      labels,
      schedule,
      workflowResourceName: 'projects/proj-one/locations/europe-west1/workflows/t-tune-and-evaluate',
      bucketName: 'bkt',
    });
    new PipelineTriggers('t-evented', {
      project: 'proj-one',
      region: 'europe-west1',
      namePrefix: 'u',
      labels,
      eventTrigger,
      workflowResourceName: 'projects/proj-one/locations/europe-west1/workflows/u-tune-and-evaluate',
      bucketName: 'bkt',
    });
    return {
      keptBucket: kept.name,
      qualifiedId: vertex.qualifiedId,
      connectionAccount: vertex.serviceAccountEmail,
      modelPath: baseline.modelPath,
      resourceName: pipeline.resourceName,
    };
  });
});

/** The resources a component registered, by its type and name; `named`: the one resource (not a component) of a name. */
const childrenOf = (component: string, name: string): RegisteredResource[] =>
  run.resources.filter((r) => r.urn.includes(`bqtune:infra:${component}$`) && r.name.startsWith(name));
const named = (name: string): RegisteredResource => {
  const found = run.resources.filter((r) => r.name === name && !r.type.startsWith('bqtune:'));
  if (found.length !== 1) throw new Error(`expected one resource named ${name}, found ${found.length}`);
  return found[0];
};

test('ProjectApis enables exactly the APIs it is given, and never disables them on destroy', () => {
  expect(childrenOf('ProjectApis', 't-apis').map((r) => [r.name, r.inputs])).toEqual([
    ['t-apis-bigquery', { project: 'proj-one', service: 'bigquery.googleapis.com', disableOnDestroy: false }],
    [
      't-apis-workflows',
      { project: 'proj-one', service: 'workflows.googleapis.com', disableOnDestroy: false },
    ],
  ]);
});

test('DataBucket refers to an existing bucket without creating one, or creates a private one', () => {
  expect(childrenOf('DataBucket', 't-kept')).toEqual([]);
  expect(run.outputs.keptBucket).toBe('existing-bucket');
  expect(named('t-made').inputs).toEqual({
    project: 'proj-one',
    name: 'new-bucket',
    location: 'EU',
    uniformBucketLevelAccess: true,
    publicAccessPrevention: 'enforced',
    forceDestroy: true,
    deletionPolicy: 'DELETE',
    labels,
  });
});

test('PipelineDataset: a protected dataset, every pipeline table, partitions kept 7 days, and the view after the tables', () => {
  const children = childrenOf('PipelineDataset', 't-dataset');
  const dataset = children.find((r) => r.type === types.dataset);
  expect(dataset?.inputs).toMatchObject({
    project: 'proj-one',
    datasetId: 'ds',
    location: 'EU',
    deleteContentsOnDestroy: false,
    deletionPolicy: 'PREVENT',
    labels,
  });
  const tables = children.filter((r) => r.type === types.table);
  expect(tables.map((t) => t.inputs.tableId).sort()).toEqual(
    [...pipelineTables.map((t) => t.id), 'current_champions'].sort(),
  );
  for (const table of tables) {
    expect(table.inputs).toMatchObject({
      project: 'proj-one',
      deletionProtection: true,
      deletionPolicy: 'PREVENT',
    });
    if (table.inputs.timePartitioning) expect(table.inputs.timePartitioning.expirationMs).toBe(604_800_000);
  }
  expect(tables.filter((t) => t.inputs.timePartitioning).length).toBe(
    pipelineTables.filter((t) => t.partitionBy !== undefined).length,
  );
  const view = tables.find((t) => t.inputs.tableId === 'current_champions');
  expect(view?.inputs.view.query).toContain('`proj-one.ds.');
  for (const table of tables.filter((t) => t !== view)) expect(view?.dependencies).toContain(table.urn);
});

test("VertexConnection grants its service account the role table's roles: Vertex AI on the project, objects on the bucket", () => {
  const member = `serviceAccount:${connectionServiceAccount}`;
  expect(named('t-vertex').inputs).toMatchObject({
    project: 'proj-one',
    location: 'EU',
    connectionId: 'c_vertex',
  });
  expect(
    childrenOf('VertexConnection', 't-vertex-')
      .map((r) => [r.name, r.inputs])
      .sort(),
  ).toEqual([
    [
      't-vertex-aiplatform.serviceAgent',
      { project: 'proj-one', role: 'roles/aiplatform.serviceAgent', member },
    ],
    ['t-vertex-aiplatform.user', { project: 'proj-one', role: 'roles/aiplatform.user', member }],
    ['t-vertex-bucket-storage.objectUser', { bucket: 'bkt', role: 'roles/storage.objectUser', member }],
  ]);
  expect(run.outputs.qualifiedId).toBe('proj-one.EU.c_vertex');
  expect(run.outputs.connectionAccount).toBe(connectionServiceAccount);
});

test('BaselineModel runs one CREATE MODEL IF NOT EXISTS job named after the prefix and the statement', () => {
  const job = named('t-baseline');
  expect(job.inputs.jobId).toMatch(/^t_baseline_[0-9a-f]+$/);
  expect(job.inputs).toMatchObject({ project: 'proj-one', location: 'EU', labels });
  expect(job.inputs.query.query).toBe(
    [
      'CREATE MODEL IF NOT EXISTS `proj-one.ds.base_gemini_2_5_flash`',
      'REMOTE WITH CONNECTION `proj-one.EU.c_vertex`',
      "OPTIONS (ENDPOINT = 'gemini-2.5-flash')",
    ].join('\n'),
  );
  expect(run.outputs.modelPath).toBe('proj-one.ds.base_gemini_2_5_flash');
});

test('PipelineWorkflow: its own service account, its grants by scope, and a workflow that waits for them', () => {
  const member = 'serviceAccount:t-pipeline@proj-one.iam.gserviceaccount.com';
  expect(
    childrenOf('PipelineWorkflow', 't-pipeline').find((r) => r.type === types.account)?.inputs,
  ).toMatchObject({
    project: 'proj-one',
    accountId: 't-pipeline',
  });
  const grants = childrenOf('PipelineWorkflow', 't-pipeline-');
  expect(grants.map((g) => [g.name, g.inputs.role, g.inputs.member === member]).sort()).toEqual([
    ['t-pipeline-bigquery.jobUser', 'roles/bigquery.jobUser', true],
    ['t-pipeline-bucket-storage.legacyBucketReader', 'roles/storage.legacyBucketReader', true],
    ['t-pipeline-bucket-storage.objectViewer', 'roles/storage.objectViewer', true],
    ['t-pipeline-connection-bigquery.connectionAdmin', 'roles/bigquery.connectionAdmin', true],
    ['t-pipeline-dataset-bigquery.dataEditor', 'roles/bigquery.dataEditor', true],
    ['t-pipeline-logging.logWriter', 'roles/logging.logWriter', true],
  ]);
  const workflow = childrenOf('PipelineWorkflow', 't-pipeline').find((r) => r.type === types.workflow);
  expect(workflow?.inputs).toMatchObject({
    project: 'proj-one',
    region: 'europe-west1',
    name: 't-tune-and-evaluate',
    serviceAccount: 't-pipeline@proj-one.iam.gserviceaccount.com',
    sourceContents: 'main:\n  steps: []\n',
    deletionProtection: true,
    userEnvVars: {
      BQTUNE_PROJECT: 'proj-one',
      BQTUNE_LOCATION: 'EU',
      BQTUNE_DATASET: 'ds',
      BQTUNE_CONNECTION: 'proj-one.EU.c_vertex',
      BQTUNE_BUCKET: 'bkt',
    },
  });
  expect(workflow?.inputs.userEnvVars.BQTUNE_RUN_ARGUMENTS).toBeUndefined();
  for (const grant of grants) expect(workflow?.dependencies).toContain(grant.urn);
  expect(run.outputs.resourceName).toBe(
    'projects/proj-one/locations/europe-west1/workflows/t-tune-and-evaluate',
  );
});

test('PipelineTriggers with a schedule: an invoker that may only invoke, and a job posting the run arguments', () => {
  const scheduled = childrenOf('PipelineTriggers', 't-scheduled');
  expect(scheduled.map((r) => r.type).sort()).toEqual(
    [types.scheduler, types.projectIam, types.account].sort(),
  );
  expect(named('t-scheduled-invoker').inputs).toMatchObject({ accountId: 't-invoker' });
  expect(named('t-scheduled-invoker-workflows.invoker').inputs).toEqual({
    project: 'proj-one',
    role: 'roles/workflows.invoker',
    member: 'serviceAccount:t-invoker@proj-one.iam.gserviceaccount.com',
  });
  const job = named('t-scheduled-schedule').inputs;
  expect(job).toMatchObject({
    name: 't-tune-and-evaluate',
    region: 'europe-west1',
    schedule: '0 3 * * 1',
    timeZone: 'Europe/Zurich',
  });
  expect(job.httpTarget.uri).toBe(
    'https://workflowexecutions.googleapis.com/v1/projects/proj-one/locations/europe-west1/workflows/t-tune-and-evaluate/executions',
  );
  expect(JSON.parse(Buffer.from(job.httpTarget.body, 'base64').toString())).toEqual({
    argument: '{"runId":"scheduled"}',
  });
});

test('PipelineTriggers with an upload trigger: event receiver too, the audit log it needs, and uploads under the prefix only', () => {
  const evented = childrenOf('PipelineTriggers', 't-evented');
  expect(evented.map((r) => r.name).sort()).toEqual([
    't-evented-invoker',
    't-evented-invoker-eventarc.eventReceiver',
    't-evented-invoker-workflows.invoker',
    't-evented-storage-data-write',
    't-evented-upload',
  ]);
  const trigger = named('t-evented-upload');
  expect(trigger.inputs).toMatchObject({
    name: 'u-training-upload',
    location: 'global',
    destination: { workflow: 'projects/proj-one/locations/europe-west1/workflows/u-tune-and-evaluate' },
    serviceAccount: 'u-invoker@proj-one.iam.gserviceaccount.com',
    labels,
  });
  expect(trigger.inputs.matchingCriterias).toContainEqual({
    attribute: 'resourceName',
    operator: 'match-path-pattern',
    value: '/projects/_/buckets/bkt/objects/uploads/**',
  });
  expect(named('t-evented-storage-data-write').inputs).toEqual({
    project: 'proj-one',
    service: 'storage.googleapis.com',
    auditLogConfigs: [{ logType: 'DATA_WRITE' }],
  });
  for (const before of ['t-evented-invoker-eventarc.eventReceiver', 't-evented-storage-data-write']) {
    expect(trigger.dependencies).toContain(named(before).urn);
  }
});
