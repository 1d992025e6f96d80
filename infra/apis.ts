import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import type { Settings } from './config';

/** The APIs the pipeline calls; the trigger APIs only when the stack configures that trigger. */
export function requiredApis(settings: Settings): string[] {
  const apis = [
    'bigquery.googleapis.com',
    'bigqueryconnection.googleapis.com',
    'aiplatform.googleapis.com',
    'workflows.googleapis.com',
    'workflowexecutions.googleapis.com',
  ];
  if (settings.schedule !== undefined) apis.push('cloudscheduler.googleapis.com');
  if (settings.eventTrigger !== undefined) apis.push('eventarc.googleapis.com');
  return apis;
}

export class ProjectApis extends pulumi.ComponentResource {
  /** Resources that need the APIs depend on these. */
  readonly services: gcp.projects.Service[];

  constructor(name: string, settings: Settings, opts?: pulumi.ComponentResourceOptions) {
    super('bqtune:infra:ProjectApis', name, {}, opts);
    this.services = requiredApis(settings).map(
      (service) =>
        new gcp.projects.Service(
          `${name}-${service.split('.')[0]}`,
          // Other workloads in the project may use the same APIs: destroying this stack must not disable them.
          { project: settings.project, service, disableOnDestroy: false },
          { parent: this },
        ),
    );
    this.registerOutputs({ services: this.services.map((s) => s.service) });
  }
}
