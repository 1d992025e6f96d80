import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import type { Settings } from './config';
import { serviceResourceName } from './names';

/** An API the stack enables, and the page that lists it for what the stack turns on. */
export interface RequiredApi {
  service: string;
  page: string;
}

const tuningHowTo = 'https://docs.cloud.google.com/bigquery/docs/tune-evaluate';
const storageToWorkflows =
  'https://docs.cloud.google.com/eventarc/docs/workflows/route-trigger-cloud-storage';
const auditLogsToWorkflows =
  'https://cloud.google.com/eventarc/docs/workflows/route-trigger-cloud-audit-logs';

/**
 * Every API a new project needs for what the stack turns on: the tuning how-to's four, IAM (the stack
 * creates service accounts), Workflows and its Executions API, and per trigger what its guide lists.
 */
export function requiredApis(settings: Pick<Settings, 'schedule' | 'eventTrigger'>): RequiredApi[] {
  const apis: RequiredApi[] = [
    { service: 'bigquery.googleapis.com', page: tuningHowTo },
    { service: 'bigqueryconnection.googleapis.com', page: tuningHowTo },
    { service: 'aiplatform.googleapis.com', page: tuningHowTo },
    { service: 'compute.googleapis.com', page: tuningHowTo },
    { service: 'iam.googleapis.com', page: 'https://cloud.google.com/iam/docs/service-accounts-create' },
    { service: 'workflows.googleapis.com', page: storageToWorkflows },
    { service: 'workflowexecutions.googleapis.com', page: storageToWorkflows },
  ];
  if (settings.schedule !== undefined) {
    apis.push({
      service: 'cloudscheduler.googleapis.com',
      page: 'https://cloud.google.com/workflows/docs/schedule-workflow',
    });
  }
  if (settings.eventTrigger !== undefined) {
    apis.push(
      { service: 'eventarc.googleapis.com', page: auditLogsToWorkflows },
      { service: 'eventarcpublishing.googleapis.com', page: auditLogsToWorkflows },
      { service: 'logging.googleapis.com', page: auditLogsToWorkflows },
    );
  }
  return apis;
}

export interface ProjectApisArgs {
  project: string;
  /** The APIs to enable, e.g. `requiredApis(settings)`. */
  apis: readonly RequiredApi[];
}

/** Enables APIs in a project, one gcp.projects.Service each (https://pulumi.com/registry/packages/gcp/api-docs/projects/service). */
export class ProjectApis extends pulumi.ComponentResource {
  /** Resources that need the APIs depend on these. */
  readonly services: gcp.projects.Service[];

  constructor(name: string, args: ProjectApisArgs, opts?: pulumi.ComponentResourceOptions) {
    super('bqtune:infra:ProjectApis', name, {}, opts);
    this.services = args.apis.map(
      ({ service }) =>
        new gcp.projects.Service(
          serviceResourceName(name, service),
          // Other workloads in the project may use the same APIs: destroying this stack must not disable them.
          { project: args.project, service, disableOnDestroy: false },
          { parent: this },
        ),
    );
    this.registerOutputs({ services: this.services.map((s) => s.service) });
  }
}
