import { requiredApis } from '../../infra/apis';
import { baselineModelPath } from '../../infra/baseline-model';
import {
  connectionIdFor,
  defaultBucketName,
  deletionPolicyFor,
  grantResourceName,
  pipelineResourceNames,
  resourceLabelsFor,
  roleId,
  serviceResourceName,
} from '../../infra/names';
import { partitionExpirationMs } from '../../infra/pipeline-dataset';
import { pipelineEnvironment } from '../../infra/pipeline-workflow';
import { applicableWhen, rolesOf } from '../../infra/role-table';

/* The stack's pure decisions, each expected value written out by hand. */

test('Google-side names follow from the name prefix', () => {
  expect(pipelineResourceNames('bqtune-dev')).toEqual({
    pipelineAccount: 'bqtune-dev-pipeline',
    workflow: 'bqtune-dev-tune-and-evaluate',
    invokerAccount: 'bqtune-dev-invoker',
    uploadTrigger: 'bqtune-dev-training-upload',
    baselineJob: 'bqtune-dev_baseline',
  });
  // BigQuery connection ids take letters, digits and underscores.
  expect(connectionIdFor('bqtune-dev')).toBe('bqtune_dev_vertex');
  expect(connectionIdFor('a-b-c')).toBe('a_b_c_vertex');
  expect(defaultBucketName('my-proj', 'bqtune-prod')).toBe('my-proj-bqtune-prod-data');
});

test('Pulumi names of grants and APIs: scope in the name except on the project', () => {
  expect(roleId('roles/bigquery.jobUser')).toBe('bigquery.jobUser');
  expect(grantResourceName('p-pipeline', 'project', 'roles/bigquery.jobUser')).toBe(
    'p-pipeline-bigquery.jobUser',
  );
  expect(grantResourceName('p-pipeline', 'dataset', 'roles/bigquery.dataEditor')).toBe(
    'p-pipeline-dataset-bigquery.dataEditor',
  );
  expect(grantResourceName('p-pipeline', 'connection', 'roles/bigquery.connectionAdmin')).toBe(
    'p-pipeline-connection-bigquery.connectionAdmin',
  );
  expect(grantResourceName('p-vertex', 'bucket', 'roles/storage.objectUser')).toBe(
    'p-vertex-bucket-storage.objectUser',
  );
  expect(serviceResourceName('p-apis', 'bigqueryconnection.googleapis.com')).toBe(
    'p-apis-bigqueryconnection',
  );
});

test('labels: the configured ones, and app/environment that a config cannot override', () => {
  expect(resourceLabelsFor({ team: 'ml', app: 'other' }, 'dev')).toEqual({
    team: 'ml',
    app: 'bqtune',
    environment: 'dev',
  });
  expect(resourceLabelsFor(undefined, 'prod')).toEqual({ app: 'bqtune', environment: 'prod' });
});

test('protection and retention', () => {
  expect(deletionPolicyFor(true)).toBe('PREVENT');
  expect(deletionPolicyFor(false)).toBe('DELETE');
  expect(partitionExpirationMs(undefined)).toBeUndefined();
  expect(partitionExpirationMs(1)).toBe(86_400_000);
  expect(partitionExpirationMs(30)).toBe(2_592_000_000);
});

test('the base model is named after its endpoint, as the pipeline names it', () => {
  expect(baselineModelPath({ project: 'p', datasetId: 'd', baseEndpoint: 'gemini-2.5-flash' })).toBe(
    'p.d.base_gemini_2_5_flash',
  );
});

test('the workflow environment carries the event-started run arguments only with an event trigger', () => {
  const where = {
    project: 'p',
    location: 'EU',
    datasetId: 'd',
    connectionQualifiedId: 'p.EU.c_vertex',
    bucketName: 'b',
  };
  expect(pipelineEnvironment(where)).toEqual({
    BQTUNE_PROJECT: 'p',
    BQTUNE_LOCATION: 'EU',
    BQTUNE_DATASET: 'd',
    BQTUNE_CONNECTION: 'p.EU.c_vertex',
    BQTUNE_BUCKET: 'b',
  });
  expect(pipelineEnvironment({ ...where, eventRunArguments: { runId: 'x' } }).BQTUNE_RUN_ARGUMENTS).toBe(
    '{"runId":"x"}',
  );
});

test('APIs: the tuning how-to, IAM and Workflows always; Cloud Scheduler with a schedule; Eventarc and Logging with an event trigger', () => {
  // https://docs.cloud.google.com/bigquery/docs/tune-evaluate lists BigQuery, BigQuery Connection, Vertex AI
  // and Compute Engine; the Eventarc-to-Workflows guides add Eventarc, Eventarc Publishing and, for audit-log
  // triggers, Cloud Logging.
  const always = [
    'bigquery.googleapis.com',
    'bigqueryconnection.googleapis.com',
    'aiplatform.googleapis.com',
    'compute.googleapis.com',
    'iam.googleapis.com',
    'workflows.googleapis.com',
    'workflowexecutions.googleapis.com',
  ];
  const services = (s: Parameters<typeof requiredApis>[0]) => requiredApis(s).map((a) => a.service);
  const schedule = { cron: '0 3 * * 1', timeZone: 'UTC', runArguments: {} } as never;
  const eventTrigger = { prefix: 'train/', runArguments: {} } as never;
  expect(services({})).toEqual(always);
  expect(services({ schedule })).toEqual([...always, 'cloudscheduler.googleapis.com']);
  expect(services({ eventTrigger })).toEqual([
    ...always,
    'eventarc.googleapis.com',
    'eventarcpublishing.googleapis.com',
    'logging.googleapis.com',
  ]);
  expect(services({ schedule, eventTrigger })).toHaveLength(always.length + 4);
});

test('role sets per grantee and scope, as docs/deploy-to-gcp.md tables them', () => {
  expect(rolesOf('connection', 'project')).toEqual([
    'roles/aiplatform.serviceAgent',
    'roles/aiplatform.user',
  ]);
  expect(rolesOf('connection', 'bucket')).toEqual(['roles/storage.objectUser']);
  expect(rolesOf('pipeline', 'project')).toEqual(['roles/bigquery.jobUser', 'roles/logging.logWriter']);
  expect(rolesOf('pipeline', 'dataset')).toEqual(['roles/bigquery.dataEditor']);
  expect(rolesOf('pipeline', 'connection')).toEqual(['roles/bigquery.connectionAdmin']);
  expect(rolesOf('pipeline', 'bucket')).toEqual([
    'roles/storage.objectViewer',
    'roles/storage.legacyBucketReader',
  ]);
  expect(rolesOf('invoker', 'project', applicableWhen(true, false))).toEqual(['roles/workflows.invoker']);
  expect(rolesOf('invoker', 'project', applicableWhen(false, true))).toEqual([
    'roles/workflows.invoker',
    'roles/eventarc.eventReceiver',
  ]);
  expect(rolesOf('invoker', 'project', applicableWhen(false, false))).toEqual([]);
});
