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
  dataset: 'gcp:bigquery/dataset:Dataset',
  table: 'gcp:bigquery/table:Table',
  bucket: 'gcp:storage/bucket:Bucket',
  workflow: 'gcp:workflows/workflow:Workflow',
} as const;

export const primitiveRoles: readonly string[] = ['roles/owner', 'roles/editor', 'roles/viewer'];
const publicMembers: readonly string[] = ['allUsers', 'allAuthenticatedUsers'];

/** What the BigQuery connection's service account may hold, per scope; see infra/vertex-connection.ts. */
export const connectionServiceAccountRoles = {
  project: ['roles/aiplatform.serviceAgent', 'roles/aiplatform.user'],
  bucket: ['roles/storage.objectUser'],
} as const;

/** Connection service accounts live in this Google-managed domain. */
const connectionAgentDomain = '@gcp-sa-bigquery-condel.iam.gserviceaccount.com';

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

export const connectionServiceAccountLimits: ResourceValidationPolicy = {
  name: 'connection-service-account-roles',
  description:
    'The BigQuery connection service account holds only aiplatform.serviceAgent and aiplatform.user on the project and storage.objectUser on a bucket.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    const scope =
      args.type === types.projectIamMember || args.type === types.projectIamBinding
        ? 'project'
        : args.type === types.bucketIamMember || args.type === types.bucketIamBinding
          ? 'bucket'
          : undefined;
    for (const grant of grantsOf(args.props)) {
      if (!grant.members.some((m) => m.endsWith(connectionAgentDomain))) continue;
      const allowed: readonly string[] = scope === undefined ? [] : connectionServiceAccountRoles[scope];
      if (grant.role === undefined || !allowed.includes(grant.role)) {
        reportViolation(
          `${args.name} grants ${grant.role ?? 'a role'} to a BigQuery connection service account; allowed: ` +
            `${connectionServiceAccountRoles.project.join(', ')} on the project, ` +
            `${connectionServiceAccountRoles.bucket.join(', ')} on a bucket.`,
        );
      }
    }
  },
};

export const policies: ResourceValidationPolicy[] = [
  noPrimitiveRoles,
  noPublicData,
  prodDataDeletionProtection,
  workflowDedicatedServiceAccount,
  connectionServiceAccountLimits,
];
