import type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from '@pulumi/policy';

/**
 * The guardrails of a bqtune stack. Each policy looks at resource inputs by type token, so it can be run
 * against fabricated resources in tests as well as by the policy analyzer.
 */

const types = {
  projectIamMember: 'gcp:projects/iAMMember:IAMMember',
  projectIamBinding: 'gcp:projects/iAMBinding:IAMBinding',
  bucketIamMember: 'gcp:storage/bucketIAMMember:BucketIAMMember',
  bucketIamBinding: 'gcp:storage/bucketIAMBinding:BucketIAMBinding',
  datasetIamMember: 'gcp:bigquery/datasetIamMember:DatasetIamMember',
  datasetIamBinding: 'gcp:bigquery/datasetIamBinding:DatasetIamBinding',
  connectionIamMember: 'gcp:bigquery/connectionIamMember:ConnectionIamMember',
  connectionIamBinding: 'gcp:bigquery/connectionIamBinding:ConnectionIamBinding',
  dataset: 'gcp:bigquery/dataset:Dataset',
  table: 'gcp:bigquery/table:Table',
  bucket: 'gcp:storage/bucket:Bucket',
  workflow: 'gcp:workflows/workflow:Workflow',
} as const;

export const primitiveRoles: readonly string[] = ['roles/owner', 'roles/editor', 'roles/viewer'];
const publicMembers: readonly string[] = ['allUsers', 'allAuthenticatedUsers'];

/** `sourceDataset`: a dataset batch-predict reads sources from; on a dataset grant it is allowed with `dataset`. */
type Scope = 'project' | 'dataset' | 'connection' | 'bucket' | 'sourceDataset';
type Identity = 'connection' | 'pipeline' | 'invoker' | 'predict' | 'predictInvoker';

/**
 * The roles each identity of the stack may hold, per scope. The pack is self-contained, so this is a copy
 * of the stack's role table (infra/role-table.ts, shown in docs/deploy-to-gcp.md); a test keeps the two equal.
 */
export const identityRoles: Record<Identity, Partial<Record<Scope, readonly string[]>>> = {
  connection: {
    project: ['roles/aiplatform.serviceAgent', 'roles/aiplatform.user'],
    bucket: ['roles/storage.objectUser'],
  },
  pipeline: {
    project: ['roles/bigquery.jobUser', 'roles/logging.logWriter'],
    dataset: ['roles/bigquery.dataEditor'],
    connection: ['roles/bigquery.connectionAdmin'],
    bucket: ['roles/storage.objectViewer', 'roles/storage.legacyBucketReader'],
  },
  invoker: {
    project: ['roles/workflows.invoker', 'roles/eventarc.eventReceiver'],
  },
  predict: {
    project: ['roles/bigquery.jobUser', 'roles/logging.logWriter'],
    dataset: ['roles/bigquery.dataEditor'],
    bucket: ['roles/storage.objectViewer', 'roles/storage.legacyBucketReader'],
    sourceDataset: ['roles/bigquery.dataViewer'],
  },
  predictInvoker: {
    project: ['roles/workflows.invoker'],
  },
};

/** How each identity's member string looks: the Google-managed connection agent, or the stack's own accounts. */
const identityMembers: Record<Identity, RegExp> = {
  connection: /@gcp-sa-bigquery-condel\.iam\.gserviceaccount\.com$/,
  pipeline: /^serviceAccount:[a-z][a-z0-9-]*-pipeline@[a-z][a-z0-9-]*\.iam\.gserviceaccount\.com$/,
  invoker: /^serviceAccount:[a-z][a-z0-9-]*-invoker@[a-z][a-z0-9-]*\.iam\.gserviceaccount\.com$/,
  predict: /^serviceAccount:[a-z][a-z0-9-]*-predict@[a-z][a-z0-9-]*\.iam\.gserviceaccount\.com$/,
  predictInvoker:
    /^serviceAccount:[a-z][a-z0-9-]*-predict-invoker@[a-z][a-z0-9-]*\.iam\.gserviceaccount\.com$/,
};

type Props = Record<string, unknown>;

interface Grant {
  role?: string;
  members: string[];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Every (role, members) pair a resource grants, whatever its kind: an IAM member or binding, a policy
 * document, or a dataset's access list.
 */
function grantsOf(props: Props): Grant[] {
  const grants: Grant[] = [];
  const role = typeof props.role === 'string' ? props.role : undefined;
  const members = [...strings(props.members), ...(typeof props.member === 'string' ? [props.member] : [])];
  if (role !== undefined || members.length > 0) grants.push({ role, members });
  if (typeof props.policyData === 'string') {
    try {
      const policy = JSON.parse(props.policyData) as { bindings?: { role?: string; members?: unknown }[] };
      for (const b of policy.bindings ?? []) grants.push({ role: b.role, members: strings(b.members) });
    } catch {
      // An unparsable policy document is the provider's error to report, not a policy violation.
    }
  }
  for (const access of Array.isArray(props.accesses) ? (props.accesses as Props[]) : []) {
    const member = [access.iamMember, access.specialGroup].filter((m): m is string => typeof m === 'string');
    grants.push({ role: typeof access.role === 'string' ? access.role : undefined, members: member });
  }
  return grants;
}

function labelsOf(props: Props): Record<string, unknown> {
  return typeof props.labels === 'object' && props.labels !== null
    ? (props.labels as Record<string, unknown>)
    : {};
}

export const noPrimitiveRoles: ResourceValidationPolicy = {
  name: 'no-primitive-roles',
  description:
    'No grant of the basic roles owner, editor or viewer: grant the predefined role that is needed.',
  enforcementLevel: 'mandatory',
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    for (const grant of grantsOf(args.props)) {
      if (grant.role !== undefined && primitiveRoles.includes(grant.role)) {
        reportViolation(`${args.name} grants the basic role ${grant.role}.`);
      }
    }
  },
};

export const noPublicData: ResourceValidationPolicy = {
  name: 'no-public-data',
  description:
    'No dataset or bucket is readable by allUsers or allAuthenticatedUsers; buckets enforce public access prevention.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    for (const grant of grantsOf(args.props)) {
      const open = grant.members.filter((m) => publicMembers.includes(m));
      if (open.length > 0) reportViolation(`${args.name} grants access to ${open.join(' and ')}.`);
    }
    if (args.type === types.bucket && args.props.publicAccessPrevention !== 'enforced') {
      reportViolation(`Bucket ${args.name} must set publicAccessPrevention to "enforced".`);
    }
  },
};

export const prodDataDeletionProtection: ResourceValidationPolicy = {
  name: 'prod-data-deletion-protection',
  description:
    'Datasets, tables, buckets and workflows labelled environment=prod cannot be deleted by an update.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    const { props } = args;
    if (labelsOf(props).environment !== 'prod') return;
    const prevented = props.deletionPolicy === 'PREVENT' || args.opts.protect;
    switch (args.type) {
      case types.dataset:
        if (props.deleteContentsOnDestroy === true) {
          reportViolation(`Dataset ${args.name} must not set deleteContentsOnDestroy in prod.`);
        }
        if (!prevented)
          reportViolation(`Dataset ${args.name} needs deletionPolicy "PREVENT" (or protect) in prod.`);
        break;
      case types.table:
        // The provider protects tables unless told otherwise.
        if (props.deletionProtection === false) {
          reportViolation(`Table ${args.name} must keep deletionProtection in prod.`);
        }
        break;
      case types.bucket:
        if (props.forceDestroy === true)
          reportViolation(`Bucket ${args.name} must not set forceDestroy in prod.`);
        if (!prevented)
          reportViolation(`Bucket ${args.name} needs deletionPolicy "PREVENT" (or protect) in prod.`);
        break;
      case types.workflow:
        // The provider protects workflows unless told otherwise.
        if (props.deletionProtection === false) {
          reportViolation(`Workflow ${args.name} must keep deletionProtection in prod.`);
        }
        break;
    }
  },
};

/** The Compute Engine and App Engine default identities are shared by everything in the project. */
const defaultServiceAccount = /(-compute@developer\.gserviceaccount\.com|@appspot\.gserviceaccount\.com)$/;

export const workflowDedicatedServiceAccount: ResourceValidationPolicy = {
  name: 'workflow-dedicated-service-account',
  description: 'A workflow runs as a service account of its own, never the project default.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    if (args.type !== types.workflow) return;
    const account = args.props.serviceAccount;
    if (typeof account !== 'string' || account === '') {
      reportViolation(
        `Workflow ${args.name} must set serviceAccount; the default is the Compute Engine account.`,
      );
    } else if (defaultServiceAccount.test(account)) {
      reportViolation(`Workflow ${args.name} runs as the default service account ${account}.`);
    }
  },
};

function scopeOf(type: string): Scope | undefined {
  switch (type) {
    case types.projectIamMember:
    case types.projectIamBinding:
      return 'project';
    case types.datasetIamMember:
    case types.datasetIamBinding:
      return 'dataset';
    case types.connectionIamMember:
    case types.connectionIamBinding:
      return 'connection';
    case types.bucketIamMember:
    case types.bucketIamBinding:
      return 'bucket';
    default:
      return undefined;
  }
}

function describeAllowed(identity: Identity): string {
  return Object.entries(identityRoles[identity])
    .map(([scope, roles]) => `${roles.join(', ')} on the ${scope}`)
    .join('; ');
}

export const stackIdentityRoles: ResourceValidationPolicy = {
  name: 'stack-identity-roles',
  description:
    'The connection, pipeline, batch-predict and invoker service accounts hold only the roles of the stack role table, each on its scope.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    const scope = scopeOf(args.type);
    for (const grant of grantsOf(args.props)) {
      for (const identity of Object.keys(identityMembers) as Identity[]) {
        if (!grant.members.some((m) => identityMembers[identity].test(m))) continue;
        const roles = identityRoles[identity];
        const allowed =
          scope === undefined
            ? undefined
            : scope === 'dataset'
              ? [...(roles.dataset ?? []), ...(roles.sourceDataset ?? [])]
              : roles[scope];
        if (grant.role === undefined || allowed === undefined || !allowed.includes(grant.role)) {
          reportViolation(
            `${args.name} grants ${grant.role ?? 'a role'} on ${scope ?? args.type} to the ${identity} service account; allowed: ${describeAllowed(identity)}.`,
          );
        }
      }
    }
  },
};

export const policies: ResourceValidationPolicy[] = [
  noPrimitiveRoles,
  noPublicData,
  prodDataDeletionProtection,
  workflowDedicatedServiceAccount,
  stackIdentityRoles,
];
