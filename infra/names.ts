/**
 * Every name the stack decides, from its `namePrefix` and project: what Google calls the resources it
 * creates (service account ids, workflows, jobs, triggers) and what Pulumi calls their grants and APIs.
 * Changing one renames a resource on Google or replaces it in Pulumi's state (a new URN): keep them.
 */
import type { GrantScope } from './role-table';

/** Google-side names of the tuning pipeline's resources; service account ids must stay ≤ 30 characters. */
export function pipelineResourceNames(namePrefix: string) {
  return {
    /** The pipeline workflow's service account id. */
    pipelineAccount: `${namePrefix}-pipeline`,
    /** The Cloud Workflows workflow, and its Cloud Scheduler job. */
    workflow: `${namePrefix}-tune-and-evaluate`,
    /** The service account Cloud Scheduler and Eventarc start executions as. */
    invokerAccount: `${namePrefix}-invoker`,
    /** The Eventarc trigger on uploads of training data. */
    uploadTrigger: `${namePrefix}-training-upload`,
    /** The `CREATE MODEL` job of the base model: a prefix of its job id (see `jobIdFor`). */
    baselineJob: `${namePrefix}_baseline`,
  };
}

/** The Vertex AI connection's id inside its location: BigQuery connection ids take no dashes. */
export const connectionIdFor = (namePrefix: string): string => `${namePrefix.replace(/-/g, '_')}_vertex`;

/** The data bucket's name when the stack config names none (bucket names are global: the project makes it unique). */
export const defaultBucketName = (project: string, namePrefix: string): string =>
  `${project}-${namePrefix}-data`;

/** The labels every labelled resource carries: the configured ones, then `app` and `environment` (which win). */
export const resourceLabelsFor = (
  labels: { [key: string]: string | undefined } | undefined,
  environment: string,
): Record<string, string> => ({
  ...labels,
  app: 'bqtune',
  environment,
});

/** `roles/bigquery.jobUser` → `bigquery.jobUser`. */
export const roleId = (role: string): string => role.split('/')[1];

/**
 * The Pulumi name of an IAM grant made by `owner` (a component's name, or `<component>-invoker`):
 * `<owner>-<role id>` on the project, `<owner>-<scope>-<role id>` on a dataset, connection or bucket.
 */
export function grantResourceName(
  owner: string,
  scope: Exclude<GrantScope, 'sourceDataset'>,
  role: string,
): string {
  return scope === 'project' ? `${owner}-${roleId(role)}` : `${owner}-${scope}-${roleId(role)}`;
}

/** The Pulumi name of an enabled API: `<owner>-<service's first label>`, e.g. `…-apis-bigquery`. */
export const serviceResourceName = (owner: string, service: string): string =>
  `${owner}-${service.split('.')[0]}`;

/** Deletion policy of protected (prod) and unprotected data. */
export const deletionPolicyFor = (protectData: boolean): 'PREVENT' | 'DELETE' =>
  protectData ? 'PREVENT' : 'DELETE';
