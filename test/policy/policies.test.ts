import { roleTable } from '../../infra/role-table';
import {
  stackIdentityRoles,
  identityRoles,
  noPrimitiveRoles,
  noPublicData,
  prodDataDeletionProtection,
  workflowDedicatedServiceAccount,
} from '../../policy/policies';
import { resourceArgs, violations } from './fabricate';

const projectIam = 'gcp:projects/iAMMember:IAMMember';
const bucketIam = 'gcp:storage/bucketIAMMember:BucketIAMMember';
const connectionSa = 'serviceAccount:bqcx-1-ab@gcp-sa-bigquery-condel.iam.gserviceaccount.com';
const prod = { environment: 'prod' };

describe('no-primitive-roles', () => {
  test.each(['roles/owner', 'roles/editor', 'roles/viewer'])(
    'rejects a project grant of %s',
    async (role) => {
      const args = resourceArgs(projectIam, 'grant', { project: 'p', role, member: 'user:a@example.com' });
      expect(await violations(noPrimitiveRoles, args)).toEqual([`grant grants the basic role ${role}.`]);
    },
  );

  test('rejects a basic role inside a policy document', async () => {
    const policyData = JSON.stringify({
      bindings: [{ role: 'roles/editor', members: ['group:g@example.com'] }],
    });
    const args = resourceArgs('gcp:storage/bucketIAMPolicy:BucketIAMPolicy', 'policy', {
      bucket: 'b',
      policyData,
    });
    expect(await violations(noPrimitiveRoles, args)).toHaveLength(1);
  });

  test('accepts a predefined role', async () => {
    const args = resourceArgs(projectIam, 'grant', {
      project: 'p',
      role: 'roles/bigquery.jobUser',
      member: 'user:a',
    });
    expect(await violations(noPrimitiveRoles, args)).toEqual([]);
  });
});

describe('no-public-data', () => {
  test('rejects allUsers on a dataset', async () => {
    const args = resourceArgs('gcp:bigquery/datasetIamMember:DatasetIamMember', 'open', {
      datasetId: 'd',
      role: 'roles/bigquery.dataViewer',
      member: 'allUsers',
    });
    expect(await violations(noPublicData, args)).toEqual(['open grants access to allUsers.']);
  });

  test('rejects allAuthenticatedUsers in a dataset access list', async () => {
    const args = resourceArgs('gcp:bigquery/dataset:Dataset', 'ds', {
      datasetId: 'd',
      accesses: [{ role: 'READER', specialGroup: 'allAuthenticatedUsers' }],
    });
    expect(await violations(noPublicData, args)).toEqual(['ds grants access to allAuthenticatedUsers.']);
  });

  test('rejects a bucket without enforced public access prevention', async () => {
    const args = resourceArgs('gcp:storage/bucket:Bucket', 'b', {
      location: 'US',
      publicAccessPrevention: 'inherited',
    });
    expect(await violations(noPublicData, args)).toHaveLength(1);
  });

  test('accepts a private bucket and a grant to a service account', async () => {
    const bucket = resourceArgs('gcp:storage/bucket:Bucket', 'b', { publicAccessPrevention: 'enforced' });
    const grant = resourceArgs(bucketIam, 'g', {
      bucket: 'b',
      role: 'roles/storage.objectViewer',
      member: connectionSa,
    });
    expect(await violations(noPublicData, bucket)).toEqual([]);
    expect(await violations(noPublicData, grant)).toEqual([]);
  });
});

describe('prod-data-deletion-protection', () => {
  test('rejects a prod dataset that may be deleted with its contents', async () => {
    const args = resourceArgs('gcp:bigquery/dataset:Dataset', 'ds', {
      labels: prod,
      deleteContentsOnDestroy: true,
    });
    expect(await violations(prodDataDeletionProtection, args)).toEqual([
      'Dataset ds must not set deleteContentsOnDestroy in prod.',
      'Dataset ds needs deletionPolicy "PREVENT" (or protect) in prod.',
    ]);
  });

  test('accepts a prod dataset protected by the resource option', async () => {
    const args = resourceArgs('gcp:bigquery/dataset:Dataset', 'ds', { labels: prod }, { protect: true });
    expect(await violations(prodDataDeletionProtection, args)).toEqual([]);
  });

  test('rejects an unprotected prod table, bucket and workflow', async () => {
    const table = resourceArgs('gcp:bigquery/table:Table', 't', { labels: prod, deletionProtection: false });
    const bucket = resourceArgs('gcp:storage/bucket:Bucket', 'b', { labels: prod, forceDestroy: true });
    const workflow = resourceArgs('gcp:workflows/workflow:Workflow', 'w', {
      labels: prod,
      deletionProtection: false,
    });
    expect(await violations(prodDataDeletionProtection, table)).toHaveLength(1);
    expect(await violations(prodDataDeletionProtection, bucket)).toHaveLength(2);
    expect(await violations(prodDataDeletionProtection, workflow)).toHaveLength(1);
  });

  test('leaves dev resources alone', async () => {
    const table = resourceArgs('gcp:bigquery/table:Table', 't', {
      labels: { environment: 'dev' },
      deletionProtection: false,
    });
    expect(await violations(prodDataDeletionProtection, table)).toEqual([]);
  });
});

describe('workflow-dedicated-service-account', () => {
  const workflow = (props: Record<string, unknown>) =>
    resourceArgs('gcp:workflows/workflow:Workflow', 'w', props);

  test('rejects a workflow without a service account', async () => {
    expect(await violations(workflowDedicatedServiceAccount, workflow({}))).toHaveLength(1);
  });

  test.each(['123-compute@developer.gserviceaccount.com', 'my-project@appspot.gserviceaccount.com'])(
    'rejects the default account %s',
    async (serviceAccount) => {
      expect(await violations(workflowDedicatedServiceAccount, workflow({ serviceAccount }))).toHaveLength(1);
    },
  );

  test('accepts a dedicated account', async () => {
    const serviceAccount = 'bqtune-pipeline@my-project.iam.gserviceaccount.com';
    expect(await violations(workflowDedicatedServiceAccount, workflow({ serviceAccount }))).toEqual([]);
  });
});

describe('stack-identity-roles', () => {
  test.each([
    [projectIam, 'roles/aiplatform.serviceAgent'],
    [projectIam, 'roles/aiplatform.user'],
    [bucketIam, 'roles/storage.objectUser'],
  ])('accepts %s with %s', async (type, role) => {
    const args = resourceArgs(type, 'g', { project: 'p', bucket: 'b', role, member: connectionSa });
    expect(await violations(stackIdentityRoles, args)).toEqual([]);
  });

  test.each([
    [projectIam, 'roles/storage.objectUser'],
    [projectIam, 'roles/bigquery.admin'],
    [bucketIam, 'roles/storage.admin'],
    ['gcp:bigquery/datasetIamMember:DatasetIamMember', 'roles/bigquery.dataEditor'],
  ])('rejects %s with %s', async (type, role) => {
    const args = resourceArgs(type, 'g', {
      project: 'p',
      bucket: 'b',
      datasetId: 'd',
      role,
      member: connectionSa,
    });
    expect(await violations(stackIdentityRoles, args)).toHaveLength(1);
  });

  test('ignores grants to other members', async () => {
    const args = resourceArgs(projectIam, 'g', {
      project: 'p',
      role: 'roles/bigquery.admin',
      member: 'user:a',
    });
    expect(await violations(stackIdentityRoles, args)).toEqual([]);
  });
});

describe("stack-identity-roles for the stack's own accounts", () => {
  const pipelineSa = 'serviceAccount:bqtune-dev-pipeline@my-proj-1.iam.gserviceaccount.com';
  const invokerSa = 'serviceAccount:bqtune-dev-invoker@my-proj-1.iam.gserviceaccount.com';
  const datasetIam = 'gcp:bigquery/datasetIamMember:DatasetIamMember';
  const connectionIam = 'gcp:bigquery/connectionIamMember:ConnectionIamMember';

  test.each([
    [pipelineSa, projectIam, 'roles/bigquery.jobUser'],
    [pipelineSa, datasetIam, 'roles/bigquery.dataEditor'],
    [pipelineSa, connectionIam, 'roles/bigquery.connectionAdmin'],
    [pipelineSa, bucketIam, 'roles/storage.legacyBucketReader'],
    [invokerSa, projectIam, 'roles/eventarc.eventReceiver'],
  ])('accepts %s with %s %s', async (member, type, role) => {
    expect(await violations(stackIdentityRoles, resourceArgs(type, 'g', { role, member }))).toEqual([]);
  });

  test.each([
    [pipelineSa, projectIam, 'roles/bigquery.dataEditor'],
    [pipelineSa, projectIam, 'roles/bigquery.connectionAdmin'],
    [pipelineSa, bucketIam, 'roles/storage.objectUser'],
    [invokerSa, projectIam, 'roles/bigquery.jobUser'],
    [invokerSa, bucketIam, 'roles/workflows.invoker'],
  ])('rejects %s with %s %s', async (member, type, role) => {
    const reported = await violations(stackIdentityRoles, resourceArgs(type, 'g', { role, member }));
    expect(reported).toHaveLength(1);
    expect(reported[0]).toContain(`grants ${role}`);
  });

  test('a binding with a stack identity among several members is checked too', async () => {
    const args = resourceArgs('gcp:projects/iAMBinding:IAMBinding', 'b', {
      role: 'roles/bigquery.admin',
      members: ['user:a@example.com', pipelineSa],
    });
    expect(await violations(stackIdentityRoles, args)).toHaveLength(1);
  });

  test("the pack's copy of the role table equals the stack's", () => {
    const fromTable: Record<string, Record<string, string[]>> = {};
    for (const row of roleTable) {
      fromTable[row.grantee] ??= {};
      (fromTable[row.grantee][row.scope] ??= []).push(row.role);
    }
    expect(JSON.parse(JSON.stringify(identityRoles))).toEqual(fromTable);
  });
});
