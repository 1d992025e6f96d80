import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { childOptions } from './child-options';
import type { StackConfig } from './config';
import { grantResourceName, pipelineResourceNames } from './names';
import { applicableWhen, rolesOf } from './role-table';

export interface PipelineTriggersArgs {
  project: string;
  /** Where the Cloud Scheduler job runs (the workflow's region). */
  region: string;
  namePrefix: string;
  labels: Record<string, string>;
  /** Start the pipeline on this schedule, with these run arguments; absent: no Cloud Scheduler job. */
  schedule?: StackConfig['schedule'];
  /** Start the pipeline when training data is uploaded under this prefix; absent: no Eventarc trigger. */
  eventTrigger?: StackConfig['eventTrigger'];
  /** `projects/P/locations/R/workflows/W`. */
  workflowResourceName: pulumi.Input<string>;
  bucketName: pulumi.Input<string>;
}

/** Body of an Executions API `create` call: the run arguments travel as a JSON string. */
export function executionRequestBody(runArguments: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ argument: JSON.stringify(runArguments) })).toString('base64');
}

/** Starts the pipeline on a schedule and/or when training data arrives, as the stack configures. */
export class PipelineTriggers extends pulumi.ComponentResource {
  readonly invoker: gcp.serviceaccount.Account;
  readonly schedulerJob?: gcp.cloudscheduler.Job;
  readonly eventTrigger?: gcp.eventarc.Trigger;

  constructor(name: string, args: PipelineTriggersArgs, opts?: pulumi.ComponentResourceOptions) {
    super('bqtune:infra:PipelineTriggers', name, {}, opts);
    const { schedule, eventTrigger } = args;
    const names = pipelineResourceNames(args.namePrefix);

    this.invoker = new gcp.serviceaccount.Account(
      `${name}-invoker`,
      {
        project: args.project,
        accountId: names.invokerAccount,
        displayName: 'bqtune pipeline invoker',
        description: 'Starts executions of the bqtune pipeline from Cloud Scheduler or Eventarc.',
      },
      childOptions(this, opts),
    );
    const member = this.invoker.member;
    const roles = rolesOf(
      'invoker',
      'project',
      applicableWhen(schedule !== undefined, eventTrigger !== undefined),
    );
    const grants = roles.map(
      (role) =>
        new gcp.projects.IAMMember(
          grantResourceName(`${name}-invoker`, 'project', role),
          { project: args.project, role, member },
          childOptions(this, opts),
        ),
    );

    if (schedule !== undefined) {
      this.schedulerJob = new gcp.cloudscheduler.Job(
        `${name}-schedule`,
        {
          project: args.project,
          region: args.region,
          name: names.workflow,
          description: 'Starts the bqtune pipeline with the run arguments of the stack.',
          schedule: schedule.cron,
          timeZone: schedule.timeZone,
          httpTarget: {
            uri: pulumi.interpolate`https://workflowexecutions.googleapis.com/v1/${args.workflowResourceName}/executions`,
            httpMethod: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: executionRequestBody(schedule.runArguments),
            oauthToken: {
              serviceAccountEmail: this.invoker.email,
              scope: 'https://www.googleapis.com/auth/cloud-platform',
            },
          },
        },
        childOptions(this, opts, ...grants),
      );
    }

    if (eventTrigger !== undefined) {
      // Direct Cloud Storage events can only filter on the bucket; the audit-log form of the same event
      // can filter on the object path, so only uploads under the prefix start a run. It needs the Data
      // Access (DATA_WRITE) audit log of Cloud Storage. An IAMAuditConfig is authoritative for its service
      // (and destroying it turns the logs off), so the stack only owns it when the config says so.
      const auditConfig =
        eventTrigger.auditLogs === 'enable-for-storage'
          ? [
              new gcp.projects.IAMAuditConfig(
                `${name}-storage-data-write`,
                {
                  project: args.project,
                  service: 'storage.googleapis.com',
                  auditLogConfigs: [{ logType: 'DATA_WRITE' }],
                },
                childOptions(this, opts),
              ),
            ]
          : [];
      this.eventTrigger = new gcp.eventarc.Trigger(
        `${name}-upload`,
        {
          project: args.project,
          location: 'global',
          name: names.uploadTrigger,
          labels: args.labels,
          matchingCriterias: [
            { attribute: 'type', value: 'google.cloud.audit.log.v1.written' },
            { attribute: 'serviceName', value: 'storage.googleapis.com' },
            { attribute: 'methodName', value: 'storage.objects.create' },
            {
              attribute: 'resourceName',
              operator: 'match-path-pattern',
              value: pulumi.interpolate`/projects/_/buckets/${args.bucketName}/objects/${eventTrigger.prefix}**`,
            },
          ],
          destination: { workflow: args.workflowResourceName },
          serviceAccount: this.invoker.email,
        },
        childOptions(this, opts, ...grants, ...auditConfig),
      );
    }

    this.registerOutputs({ invokerEmail: this.invoker.email });
  }
}
