import { policies } from '../../policy/policies';
import { defaultBaseEndpoint } from '../../bigquery/model-catalog';
import { roleTable } from '../../infra/role-table';
import { compiledWorkflowSource } from '../../workflows/compiled';
import { resourceArgs, violations } from '../policy/fabricate';
import {
  connectionServiceAccount,
  grantsByMember,
  only,
  ofType,
  runProgram,
  stackConfig,
  types,
  workflowOf,
} from './harness';
import type { ProgramRun } from './harness';

let run: ProgramRun;

/** A project of the user's own: the example stack file names none. */
const project = 'fresh-prod-4821';

beforeAll(async () => {
  run = await runProgram('prod', { ...stackConfig('prod'), 'gcp:project': project });
});

const bucket = `${project}-bqtune-data`;
const invokerMember = `serviceAccount:bqtune-invoker@${project}.iam.gserviceaccount.com`;

test('prod data refuses deletion', () => {
  expect(only(run, types.dataset).inputs).toMatchObject({
    deleteContentsOnDestroy: false,
    deletionPolicy: 'PREVENT',
    labels: { environment: 'prod' },
  });
  for (const table of ofType(run, types.table)) {
    expect(table.inputs).toMatchObject({ deletionProtection: true, deletionPolicy: 'PREVENT' });
  }
  expect(only(run, types.bucket).inputs).toMatchObject({ forceDestroy: false, deletionPolicy: 'PREVENT' });
  expect(workflowOf(run, 'tune-and-evaluate').inputs.deletionProtection).toBe(true);
});

test('prod keeps every partition', () => {
  for (const table of ofType(run, types.table)) {
    expect(table.inputs.timePartitioning?.expirationMs).toBeUndefined();
  }
});

test('the workflow source is the committed compiled YAML, byte for byte', () => {
  expect(workflowOf(run, 'tune-and-evaluate').inputs.sourceContents).toBe(
    compiledWorkflowSource('tune-and-evaluate'),
  );
});

test('enables the tuning, IAM, Workflows and Cloud Scheduler APIs, but not Eventarc', () => {
  const services = ofType(run, types.service).map((s) => s.inputs.service);
  expect(services.sort()).toEqual([
    'aiplatform.googleapis.com',
    'bigquery.googleapis.com',
    'bigqueryconnection.googleapis.com',
    'cloudscheduler.googleapis.com',
    'compute.googleapis.com',
    'iam.googleapis.com',
    'workflowexecutions.googleapis.com',
    'workflows.googleapis.com',
  ]);
  expect(ofType(run, types.eventarc)).toHaveLength(0);
  expect(ofType(run, types.auditConfig)).toHaveLength(0);
});

test('the scheduler starts an execution with the stack run arguments as the invoker', () => {
  const job = ofType(run, types.scheduler).find((j) => j.inputs.name === 'bqtune-tune-and-evaluate')!;
  expect(job.inputs).toMatchObject({ schedule: '0 3 * * 1', timeZone: 'Etc/UTC', region: 'us-central1' });
  const target = job.inputs.httpTarget;
  expect(target.uri).toBe(
    `https://workflowexecutions.googleapis.com/v1/projects/${project}/locations/us-central1/workflows/bqtune-tune-and-evaluate/executions`,
  );
  expect(target.httpMethod).toBe('POST');
  expect(target.oauthToken.serviceAccountEmail).toBe(`bqtune-invoker@${project}.iam.gserviceaccount.com`);
  const body = JSON.parse(Buffer.from(target.body, 'base64').toString('utf8')) as { argument: string };
  const configured = JSON.parse(stackConfig('prod')['bqtune:schedule']) as {
    runArguments: Record<string, unknown>;
  };
  // The configured arguments, with data in the stack's own bucket and the stack's base endpoint.
  expect(JSON.parse(body.argument)).toEqual({
    ...configured.runArguments,
    data: { train: `gs://${bucket}/training/train.jsonl`, eval: `gs://${bucket}/eval/eval.jsonl` },
    model: { baseEndpoint: defaultBaseEndpoint },
  });
});

test('the invoker may only start executions', () => {
  expect(grantsByMember(run).get(invokerMember)).toEqual([`project:${project} roles/workflows.invoker`]);
});

test('the connection service account holds exactly its three roles', () => {
  expect(grantsByMember(run).get(`serviceAccount:${connectionServiceAccount}`)).toEqual([
    `bucket:${bucket} roles/storage.objectUser`,
    `project:${project} roles/aiplatform.serviceAgent`,
    `project:${project} roles/aiplatform.user`,
  ]);
});

test('no resource grants a basic role', () => {
  const roles = [...grantsByMember(run).values()].flat().map((grant) => grant.split(' ')[1]);
  expect(roles.length).toBeGreaterThan(0);
  for (const role of roles) expect(['roles/owner', 'roles/editor', 'roles/viewer']).not.toContain(role);
});

test('every resource passes the policy pack', async () => {
  const reported: string[] = [];
  for (const resource of run.resources) {
    const args = resourceArgs(resource.type, resource.name, resource.inputs);
    for (const policy of policies) reported.push(...(await violations(policy, args)));
  }
  expect(reported).toEqual([]);
});

describe('batch-predict', () => {
  const predictMember = `serviceAccount:bqtune-predict@${project}.iam.gserviceaccount.com`;
  const predictInvoker = `serviceAccount:bqtune-predict-invoker@${project}.iam.gserviceaccount.com`;

  test('runs the committed batch-predict YAML as its own service account, protected in prod', () => {
    expect(workflowOf(run, 'batch-predict').inputs).toMatchObject({
      name: 'bqtune-batch-predict',
      serviceAccount: `bqtune-predict@${project}.iam.gserviceaccount.com`,
      sourceContents: compiledWorkflowSource('batch-predict'),
      deletionProtection: true,
      userEnvVars: { BQTUNE_PROJECT: project, BQTUNE_LOCATION: 'US', BQTUNE_DATASET: 'bqtune' },
    });
  });

  test('its identity can run inference and write its tables, and read only the configured source dataset', () => {
    expect(grantsByMember(run).get(predictMember)).toEqual(
      [
        `bucket:${project}-bqtune-data roles/storage.legacyBucketReader`,
        `bucket:${project}-bqtune-data roles/storage.objectViewer`,
        'dataset:bqtune roles/bigquery.dataEditor',
        'dataset:clinical_notes roles/bigquery.dataViewer',
        `project:${project} roles/bigquery.jobUser`,
        `project:${project} roles/logging.logWriter`,
      ].sort(),
    );
    const source = ofType(run, types.datasetIam).find((g) => g.inputs.datasetId === 'clinical_notes')!;
    expect(source.inputs.project).toBe(project);
    expect(grantsByMember(run).get(predictInvoker)).toEqual([`project:${project} roles/workflows.invoker`]);
  });

  test('the schedule starts batch-predict with the stack arguments, after the invoker may do so', () => {
    const job = ofType(run, types.scheduler).find((j) => j.inputs.name === 'bqtune-batch-predict')!;
    expect(job.inputs).toMatchObject({ schedule: '0 6 * * *', timeZone: 'Etc/UTC', region: 'us-central1' });
    expect(job.inputs.httpTarget.uri).toBe(
      `https://workflowexecutions.googleapis.com/v1/projects/${project}/locations/us-central1/workflows/bqtune-batch-predict/executions`,
    );
    expect(job.inputs.httpTarget.oauthToken.serviceAccountEmail).toBe(
      `bqtune-predict-invoker@${project}.iam.gserviceaccount.com`,
    );
    const body = JSON.parse(Buffer.from(job.inputs.httpTarget.body, 'base64').toString('utf8')) as {
      argument: string;
    };
    const configured = JSON.parse(stackConfig('prod')['bqtune:predict']) as {
      schedule: { arguments: { source: { table: string } } };
    };
    // The example names its source table by dataset.table: the stack's own project is filled in.
    expect(JSON.parse(body.argument)).toEqual({
      ...configured.schedule.arguments,
      source: { table: `${project}.${configured.schedule.arguments.source.table}` },
    });
    const grant = run.resources.find((r) => r.inputs.member === predictInvoker)!;
    expect(job.dependencies).toContain(grant.urn);
  });
});

test('the grants are exactly the role table rows that apply to a scheduled stack', () => {
  const members = {
    connection: `serviceAccount:${connectionServiceAccount}`,
    pipeline: `serviceAccount:bqtune-pipeline@${project}.iam.gserviceaccount.com`,
    invoker: invokerMember,
    predict: `serviceAccount:bqtune-predict@${project}.iam.gserviceaccount.com`,
    predictInvoker: `serviceAccount:bqtune-predict-invoker@${project}.iam.gserviceaccount.com`,
  };
  const scopes = {
    project: `project:${project}`,
    dataset: 'dataset:bqtune',
    connection: 'connection:bqtune_vertex',
    bucket: `bucket:${bucket}`,
    sourceDataset: 'dataset:clinical_notes',
  };
  const expected = new Map<string, string[]>();
  for (const row of roleTable.filter((r) => r.when !== 'event trigger')) {
    const list = expected.get(members[row.grantee]) ?? [];
    list.push(`${scopes[row.scope]} ${row.role}`);
    expected.set(members[row.grantee], list.sort());
  }
  expect(grantsByMember(run)).toEqual(expected);
});
