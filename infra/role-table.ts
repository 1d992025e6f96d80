/**
 * Every IAM role the stack grants: to whom, on what, which page asks for it and what breaks without it.
 * The components grant exactly these rows, `docs/deploy-to-gcp.md` shows them, and the policy pack (which
 * must stay self-contained) keeps its own copy that a test compares with this one.
 */

export type Grantee = 'connection' | 'pipeline' | 'invoker' | 'predict' | 'predictInvoker';
/** `sourceDataset`: each dataset the stack lists in `predict.sourceDatasets`. */
export type GrantScope = 'project' | 'dataset' | 'connection' | 'bucket' | 'sourceDataset';
/** When the row applies: always, or only with a trigger configured. */
export type GrantWhen = 'always' | 'any trigger' | 'event trigger' | 'predict schedule';

export interface RoleGrant {
  grantee: Grantee;
  scope: GrantScope;
  role: string;
  when: GrantWhen;
  /** The page that asks for it, or why no page does. */
  page: string;
  breaksWithout: string;
}

export const granteeNames: Record<Grantee, string> = {
  connection: 'connection service account (`bqcx-…@gcp-sa-bigquery-condel.iam.gserviceaccount.com`)',
  pipeline: '`<namePrefix>-pipeline` (the workflow)',
  invoker: '`<namePrefix>-invoker` (Cloud Scheduler / Eventarc)',
  predict: '`<namePrefix>-predict` (the batch-predict workflow)',
  predictInvoker: "`<namePrefix>-predict-invoker` (batch-predict's Cloud Scheduler job)",
};

export const roleTable: readonly RoleGrant[] = [
  {
    grantee: 'connection',
    scope: 'project',
    role: 'roles/aiplatform.serviceAgent',
    when: 'always',
    page: 'https://docs.cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-create-remote-model-tuned',
    breaksWithout: 'CREATE MODEL with AS SELECT cannot start the Vertex AI tuning job',
  },
  {
    grantee: 'connection',
    scope: 'project',
    role: 'roles/aiplatform.user',
    when: 'always',
    page: 'https://docs.cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-create-remote-model',
    breaksWithout: 'the baseline remote model and AI.GENERATE_TEXT fail: no permission to use the endpoint',
  },
  {
    grantee: 'connection',
    scope: 'bucket',
    role: 'roles/storage.objectUser',
    when: 'always',
    page: 'none: kept at the project owner’s request; the tuning pages ask for no Storage role',
    breaksWithout: 'nothing the docs describe; it lets the connection read and write the data bucket only',
  },
  {
    grantee: 'pipeline',
    scope: 'project',
    role: 'roles/bigquery.jobUser',
    when: 'always',
    page: 'https://docs.cloud.google.com/bigquery/docs/generate-text-tuning',
    breaksWithout: 'every statement fails: bigquery.jobs.create is denied',
  },
  {
    grantee: 'pipeline',
    scope: 'project',
    role: 'roles/logging.logWriter',
    when: 'always',
    page: 'https://cloud.google.com/workflows/docs/log-workflow',
    breaksWithout: 'sys.log lines and call logs of the pipeline are dropped',
  },
  {
    grantee: 'pipeline',
    scope: 'dataset',
    role: 'roles/bigquery.dataEditor',
    when: 'always',
    page: 'https://docs.cloud.google.com/bigquery/docs/generate-text-tuning',
    breaksWithout: 'LOAD DATA, CREATE MODEL and every INSERT into the pipeline tables fail',
  },
  {
    grantee: 'pipeline',
    scope: 'connection',
    role: 'roles/bigquery.connectionAdmin',
    when: 'always',
    page: 'https://docs.cloud.google.com/bigquery/docs/generate-text-tuning',
    breaksWithout: 'CREATE MODEL … REMOTE WITH CONNECTION fails: bigquery.connections.delegate is denied',
  },
  {
    grantee: 'pipeline',
    scope: 'bucket',
    role: 'roles/storage.objectViewer',
    when: 'always',
    page: 'https://docs.cloud.google.com/bigquery/docs/reference/standard-sql/load-statements',
    breaksWithout: 'LOAD DATA cannot read or list the training and evaluation files',
  },
  {
    grantee: 'pipeline',
    scope: 'bucket',
    role: 'roles/storage.legacyBucketReader',
    when: 'always',
    page: 'https://docs.cloud.google.com/bigquery/docs/reference/standard-sql/load-statements',
    breaksWithout: 'LOAD DATA fails on storage.buckets.get',
  },
  {
    grantee: 'invoker',
    scope: 'project',
    role: 'roles/workflows.invoker',
    when: 'any trigger',
    page: 'https://cloud.google.com/workflows/docs/schedule-workflow',
    breaksWithout: 'the scheduler job or the Eventarc trigger cannot start an execution',
  },
  {
    grantee: 'invoker',
    scope: 'project',
    role: 'roles/eventarc.eventReceiver',
    when: 'event trigger',
    page: 'https://cloud.google.com/eventarc/docs/workflows/route-trigger-cloud-audit-logs',
    breaksWithout: 'Eventarc does not deliver the upload events to the workflow',
  },
  {
    grantee: 'predict',
    scope: 'project',
    role: 'roles/bigquery.jobUser',
    when: 'always',
    page: 'https://cloud.google.com/bigquery/docs/generate-text#required_permissions',
    breaksWithout: 'every batch-predict statement fails: bigquery.jobs.create is denied',
  },
  {
    grantee: 'predict',
    scope: 'project',
    role: 'roles/logging.logWriter',
    when: 'always',
    page: 'https://cloud.google.com/workflows/docs/log-workflow',
    breaksWithout: 'sys.log lines and call logs of batch-predict are dropped',
  },
  {
    grantee: 'predict',
    scope: 'dataset',
    role: 'roles/bigquery.dataEditor',
    when: 'always',
    page: 'https://cloud.google.com/bigquery/docs/generate-text#required_permissions',
    breaksWithout:
      'the champion model cannot be read (bigquery.models.getData) and served_predictions, runs and the serving function cannot be written',
  },
  {
    grantee: 'predict',
    scope: 'bucket',
    role: 'roles/storage.objectViewer',
    when: 'always',
    page: 'https://docs.cloud.google.com/bigquery/docs/reference/standard-sql/load-statements',
    breaksWithout: 'LOAD DATA cannot read a batch-predict source file',
  },
  {
    grantee: 'predict',
    scope: 'bucket',
    role: 'roles/storage.legacyBucketReader',
    when: 'always',
    page: 'https://docs.cloud.google.com/bigquery/docs/reference/standard-sql/load-statements',
    breaksWithout: 'LOAD DATA of a batch-predict source file fails on storage.buckets.get',
  },
  {
    grantee: 'predict',
    scope: 'sourceDataset',
    role: 'roles/bigquery.dataViewer',
    when: 'always',
    page: 'https://cloud.google.com/bigquery/docs/generate-text#required_permissions',
    breaksWithout: 'a source table of that dataset cannot be read (bigquery.tables.getData)',
  },
  {
    grantee: 'predictInvoker',
    scope: 'project',
    role: 'roles/workflows.invoker',
    when: 'predict schedule',
    page: 'https://cloud.google.com/workflows/docs/schedule-workflow',
    breaksWithout: 'the batch-predict scheduler job cannot start an execution',
  },
];

/** The roles of one grantee on one scope, in table order. */
export function rolesOf(grantee: Grantee, scope: GrantScope, triggers: GrantWhen[] = ['always']): string[] {
  return roleTable
    .filter((r) => r.grantee === grantee && r.scope === scope && triggers.includes(r.when))
    .map((r) => r.role);
}

/** Which rows apply to a stack with the given triggers. */
export function applicableWhen(
  schedule: boolean,
  eventTrigger: boolean,
  predictSchedule = false,
): GrantWhen[] {
  return [
    'always',
    ...(schedule || eventTrigger ? (['any trigger'] as const) : []),
    ...(eventTrigger ? (['event trigger'] as const) : []),
    ...(predictSchedule ? (['predict schedule'] as const) : []),
  ];
}
