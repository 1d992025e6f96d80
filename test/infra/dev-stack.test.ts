import { currentChampionsSql, jobIdFor } from '../../infra/sql';
import { policies } from '../../policy/policies';
import { compiledWorkflowSource } from '../../workflows/compiled';
import { pipelineTables } from '../../bigquery/tables';
import { baseModelId } from '../../bigquery/endpoints';
import { defaultBaseEndpoint } from '../../bigquery/model-catalog';
import { applicableWhen, roleTable } from '../../infra/role-table';
import {
  connectionServiceAccount,
  grantsByMember,
  only,
  ofType,
  runProgram,
  stackConfig,
  types,
  workflowOf,
  type ProgramRun,
} from './harness';
import { resourceArgs, violations } from '../policy/fabricate';

let run: ProgramRun;

/** A project of the user's own: the example stack file names none. */
const project = 'fresh-project-4821';

beforeAll(async () => {
  run = await runProgram('dev', { ...stackConfig('dev'), 'gcp:project': project });
});

const pipelineMember = `serviceAccount:bqtune-dev-pipeline@${project}.iam.gserviceaccount.com`;
const invokerMember = `serviceAccount:bqtune-dev-invoker@${project}.iam.gserviceaccount.com`;
const predictMember = `serviceAccount:bqtune-dev-predict@${project}.iam.gserviceaccount.com`;
const bucket = `${project}-bqtune-dev-data`;

test('enables the tuning, IAM, Workflows and audit-log Eventarc APIs, but not Cloud Scheduler', () => {
  expect(
    ofType(run, types.service)
      .map((s) => s.inputs.service)
      .sort(),
  ).toEqual([
    'aiplatform.googleapis.com',
    'bigquery.googleapis.com',
    'bigqueryconnection.googleapis.com',
    'compute.googleapis.com',
    'eventarc.googleapis.com',
    'eventarcpublishing.googleapis.com',
    'iam.googleapis.com',
    'logging.googleapis.com',
    'workflowexecutions.googleapis.com',
    'workflows.googleapis.com',
  ]);
  expect(ofType(run, types.service).every((s) => s.inputs.project === project)).toBe(true);
  expect(ofType(run, types.service).every((s) => s.inputs.disableOnDestroy === false)).toBe(true);
});

test('the dataset and its tables are disposable', () => {
  const dataset = only(run, types.dataset);
  expect(dataset.inputs).toMatchObject({
    datasetId: 'bqtune_dev',
    location: 'US',
    deleteContentsOnDestroy: true,
    deletionPolicy: 'DELETE',
    labels: { app: 'bqtune', environment: 'dev', team: 'ml-platform' },
  });
  const tables = ofType(run, types.table);
  expect(tables.map((t) => t.inputs.tableId).sort()).toEqual(
    [...pipelineTables.map((t) => t.id), 'current_champions'].sort(),
  );
  for (const table of tables) expect(table.inputs.deletionProtection).toBe(false);
});

test('partitioned tables expire their partitions after the configured retention', () => {
  const predictions = ofType(run, types.table).find((t) => t.inputs.tableId === 'predictions');
  expect(predictions?.inputs.timePartitioning).toEqual({
    type: 'DAY',
    field: 'created_at',
    expirationMs: 30 * 24 * 60 * 60 * 1000,
  });
});

test('a created bucket has uniform access, no public access and can be destroyed', () => {
  expect(only(run, types.bucket).inputs).toMatchObject({
    name: bucket,
    location: 'US',
    uniformBucketLevelAccess: true,
    publicAccessPrevention: 'enforced',
    forceDestroy: true,
  });
});

test('the workflow may be deleted in dev and logs every call', () => {
  expect(workflowOf(run, 'tune-and-evaluate').inputs).toMatchObject({
    deletionProtection: false,
    callLogLevel: 'LOG_ALL_CALLS',
    executionHistoryLevel: 'EXECUTION_HISTORY_DETAILED',
    region: 'us-central1',
  });
});

test('the workflow source is the committed compiled YAML, byte for byte', () => {
  expect(workflowOf(run, 'tune-and-evaluate').inputs.sourceContents).toBe(
    compiledWorkflowSource('tune-and-evaluate'),
  );
});

test('the Eventarc trigger fires on uploads under the training prefix only', () => {
  const trigger = only(run, types.eventarc);
  expect(trigger.inputs.matchingCriterias).toEqual(
    expect.arrayContaining([
      { attribute: 'type', value: 'google.cloud.audit.log.v1.written' },
      { attribute: 'methodName', value: 'storage.objects.create' },
      {
        attribute: 'resourceName',
        operator: 'match-path-pattern',
        value: `/projects/_/buckets/${bucket}/objects/training/**`,
      },
    ]),
  );
  expect(trigger.inputs.destination).toEqual({
    workflow: `projects/${project}/locations/us-central1/workflows/bqtune-dev-tune-and-evaluate`,
  });
  expect(trigger.inputs.serviceAccount).toBe(`bqtune-dev-invoker@${project}.iam.gserviceaccount.com`);
  expect(only(run, types.auditConfig).inputs).toMatchObject({
    service: 'storage.googleapis.com',
    auditLogConfigs: [{ logType: 'DATA_WRITE' }],
  });
  expect(ofType(run, types.scheduler)).toHaveLength(0);
});

test('the invoker may start executions and receive events, nothing more', () => {
  expect(grantsByMember(run).get(invokerMember)).toEqual([
    `project:${project} roles/eventarc.eventReceiver`,
    `project:${project} roles/workflows.invoker`,
  ]);
});

test('the pipeline and connection service accounts hold exactly their roles', () => {
  const grants = grantsByMember(run);
  expect(grants.get(pipelineMember)).toEqual(
    [
      `bucket:${bucket} roles/storage.legacyBucketReader`,
      `bucket:${bucket} roles/storage.objectViewer`,
      'connection:bqtune_dev_vertex roles/bigquery.connectionAdmin',
      'dataset:bqtune_dev roles/bigquery.dataEditor',
      `project:${project} roles/bigquery.jobUser`,
      `project:${project} roles/logging.logWriter`,
    ].sort(),
  );
  expect(grants.get(`serviceAccount:${connectionServiceAccount}`)).toEqual([
    `bucket:${bucket} roles/storage.objectUser`,
    `project:${project} roles/aiplatform.serviceAgent`,
    `project:${project} roles/aiplatform.user`,
  ]);
  expect([...grants.keys()].sort()).toEqual(
    [pipelineMember, invokerMember, predictMember, `serviceAccount:${connectionServiceAccount}`].sort(),
  );
});

test('stack outputs name what a run needs', () => {
  expect(run.outputs).toEqual({
    project,
    location: 'US',
    region: 'us-central1',
    workflowName: 'bqtune-dev-tune-and-evaluate',
    workflowServiceAccount: `bqtune-dev-pipeline@${project}.iam.gserviceaccount.com`,
    predictWorkflowName: 'bqtune-dev-batch-predict',
    predictServiceAccount: `bqtune-dev-predict@${project}.iam.gserviceaccount.com`,
    dataset: 'bqtune_dev',
    baselineModel: `${project}.bqtune_dev.${baseModelId(defaultBaseEndpoint)}`,
    connection: `${project}.US.bqtune_dev_vertex`,
    connectionServiceAccount,
    bucket,
  });
});

test('the connection is a CLOUD_RESOURCE connection in the dataset location', () => {
  expect(only(run, types.connection).inputs).toMatchObject({
    connectionId: 'bqtune_dev_vertex',
    location: 'US',
    cloudResource: {},
  });
});

test('the baseline model is created by a DDL job whose id follows the statement', () => {
  const job = only(run, types.job);
  const statement = [
    `CREATE MODEL IF NOT EXISTS \`${project}.bqtune_dev.${baseModelId(defaultBaseEndpoint)}\``,
    `REMOTE WITH CONNECTION \`${project}.US.bqtune_dev_vertex\``,
    `OPTIONS (ENDPOINT = '${defaultBaseEndpoint}')`,
  ].join('\n');
  expect(job.inputs.query).toMatchObject({
    query: statement,
    useLegacySql: false,
    createDisposition: '',
    writeDisposition: '',
  });
  expect(job.inputs.jobId).toBe(jobIdFor('bqtune-dev_baseline', statement));
  expect(job.inputs.location).toBe('US');
});

test('the workflow runs as its own service account and knows its environment', () => {
  expect(workflowOf(run, 'tune-and-evaluate').inputs).toMatchObject({
    name: 'bqtune-dev-tune-and-evaluate',
    serviceAccount: `bqtune-dev-pipeline@${project}.iam.gserviceaccount.com`,
    userEnvVars: {
      BQTUNE_PROJECT: project,
      BQTUNE_LOCATION: 'US',
      BQTUNE_DATASET: 'bqtune_dev',
      BQTUNE_CONNECTION: `${project}.US.bqtune_dev_vertex`,
      BQTUNE_BUCKET: bucket,
    },
  });
  // Executions started by the storage event run with the stack's event run arguments.
  const env = workflowOf(run, 'tune-and-evaluate').inputs.userEnvVars as Record<string, string>;
  expect(JSON.parse(env.BQTUNE_RUN_ARGUMENTS)).toMatchObject({
    name: 'medical-specialty',
    data: { train: `gs://${bucket}/training/*.jsonl`, eval: `gs://${bucket}/eval/eval.jsonl` },
    model: { baseEndpoint: defaultBaseEndpoint },
  });
});

test('the current_champions view reads the registry with standard SQL', () => {
  const view = ofType(run, types.table).find((t) => t.inputs.tableId === 'current_champions');
  expect(view?.inputs.view).toEqual({
    query: currentChampionsSql(project, 'bqtune_dev'),
    useLegacySql: false,
  });
});

test('every resource passes the policy pack', async () => {
  const reported: string[] = [];
  for (const resource of run.resources) {
    const args = resourceArgs(resource.type, resource.name, resource.inputs);
    for (const policy of policies) reported.push(...(await violations(policy, args)));
  }
  expect(reported).toEqual([]);
});

test('the baseline model waits for the dataset and the connection grants', () => {
  const job = only(run, types.job);
  const needed = [
    only(run, types.dataset),
    only(run, types.connection),
    ...ofType(run, types.projectIam).filter(
      (r) => r.inputs.member === `serviceAccount:${connectionServiceAccount}`,
    ),
    ...ofType(run, types.bucketIam).filter(
      (r) => r.inputs.member === `serviceAccount:${connectionServiceAccount}`,
    ),
  ];
  expect(needed).toHaveLength(5);
  expect(job.dependencies).toEqual(expect.arrayContaining(needed.map((r) => r.urn)));
});

test('the workflow is deployed after its identity has its grants', () => {
  const workflow = workflowOf(run, 'tune-and-evaluate');
  const grants = run.resources.filter((r) => r.inputs.member === pipelineMember);
  expect(grants).toHaveLength(6);
  expect(workflow.dependencies).toEqual(expect.arrayContaining(grants.map((r) => r.urn)));
});

test('every resource waits for the APIs', () => {
  const apis = ofType(run, types.service).map((s) => s.urn);
  const others = run.resources.filter((r) => r.type.startsWith('gcp:') && r.type !== types.service);
  expect(others.length).toBeGreaterThan(20);
  for (const resource of others) expect(resource.dependencies).toEqual(expect.arrayContaining(apis));
});

test('batch-predict is deployed without a schedule or source datasets when the stack configures none', () => {
  expect(workflowOf(run, 'batch-predict').inputs).toMatchObject({
    name: 'bqtune-dev-batch-predict',
    sourceContents: compiledWorkflowSource('batch-predict'),
    deletionProtection: false,
  });
  expect(grantsByMember(run).get(predictMember)).toEqual(
    [
      `bucket:${bucket} roles/storage.legacyBucketReader`,
      `bucket:${bucket} roles/storage.objectViewer`,
      'dataset:bqtune_dev roles/bigquery.dataEditor',
      `project:${project} roles/bigquery.jobUser`,
      `project:${project} roles/logging.logWriter`,
    ].sort(),
  );
  const workflow = workflowOf(run, 'batch-predict');
  const grants = run.resources.filter((r) => r.inputs.member === predictMember);
  expect(workflow.dependencies).toEqual(expect.arrayContaining(grants.map((r) => r.urn)));
});

test('the grants are exactly the role table rows that apply to a stack with an event trigger', () => {
  const members = {
    connection: `serviceAccount:${connectionServiceAccount}`,
    pipeline: pipelineMember,
    invoker: invokerMember,
    predict: predictMember,
    predictInvoker: 'no batch-predict schedule in dev',
  };
  const scopes = {
    project: `project:${project}`,
    dataset: 'dataset:bqtune_dev',
    connection: 'connection:bqtune_dev_vertex',
    bucket: `bucket:${bucket}`,
    sourceDataset: 'no source datasets in dev',
  };
  const expected = new Map<string, string[]>();
  const rows = roleTable.filter(
    (r) => applicableWhen(false, true).includes(r.when) && r.scope !== 'sourceDataset',
  );
  for (const row of rows) {
    const list = expected.get(members[row.grantee]) ?? [];
    list.push(`${scopes[row.scope]} ${row.role}`);
    expected.set(members[row.grantee], list.sort());
  }
  expect(grantsByMember(run)).toEqual(expected);
});

test("no resource names another project or bucket than the stack's own", () => {
  // The workflow source is the same compiled YAML for every stack (checked byte for byte above).
  const text = JSON.stringify(
    run.resources.map(({ inputs: { sourceContents: _source, ...inputs } }) => inputs),
  );
  const buckets = [...text.matchAll(/gs:\/\/([^/"]+)/g)].map((m) => m[1]);
  expect(buckets.length).toBeGreaterThan(0);
  expect(new Set(buckets)).toEqual(new Set([bucket]));
  const projects = [...text.matchAll(/projects\/([^/"]+)/g)].map((m) => m[1]);
  // projects/_ is Cloud Storage's placeholder in audit-log resource names.
  expect(new Set(projects.filter((p) => p !== '_'))).toEqual(new Set([project]));
  const projectInputs = run.resources.map((r) => r.inputs.project).filter((p) => p !== undefined);
  expect(new Set(projectInputs)).toEqual(new Set([project]));
});
