import { policies } from '../../policy/policies';
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

beforeAll(async () => {
  run = await runProgram('prod', stackConfig('prod'));
});

const project = 'bqtune-prod-123456';
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

test('enables Cloud Scheduler but not Eventarc', () => {
  const services = ofType(run, types.service).map((s) => s.inputs.service);
  expect(services).toContain('cloudscheduler.googleapis.com');
  expect(services).not.toContain('eventarc.googleapis.com');
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
  const configured = JSON.parse(stackConfig('prod')['bqtune:schedule']) as { runArguments: unknown };
  expect(JSON.parse(body.argument)).toEqual(configured.runArguments);
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
