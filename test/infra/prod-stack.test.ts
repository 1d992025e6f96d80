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
  expect(only(run, types.workflow).inputs.deletionProtection).toBe(true);
});

test('prod keeps every partition', () => {
  for (const table of ofType(run, types.table)) {
    expect(table.inputs.timePartitioning?.expirationMs).toBeUndefined();
  }
});

test('the workflow source is the committed compiled YAML, byte for byte', () => {
  expect(only(run, types.workflow).inputs.sourceContents).toBe(compiledWorkflowSource('tune-and-evaluate'));
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
  const job = only(run, types.scheduler);
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

test('the grants are exactly the role table rows that apply to a scheduled stack', () => {
  const members = {
    connection: `serviceAccount:${connectionServiceAccount}`,
    pipeline: `serviceAccount:bqtune-pipeline@${project}.iam.gserviceaccount.com`,
    invoker: invokerMember,
  };
  const scopes = {
    project: `project:${project}`,
    dataset: 'dataset:bqtune',
    connection: 'connection:bqtune_vertex',
    bucket: `bucket:${bucket}`,
  };
  const expected = new Map<string, string[]>();
  for (const row of roleTable.filter((r) => r.when !== 'event trigger')) {
    const list = expected.get(members[row.grantee]) ?? [];
    list.push(`${scopes[row.scope]} ${row.role}`);
    expected.set(members[row.grantee], list.sort());
  }
  expect(grantsByMember(run)).toEqual(expected);
});
