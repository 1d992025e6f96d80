import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { childOptions } from './child-options';
import type { CallLogLevel, ExecutionHistoryLevel, StackConfig } from './config';
import { grantResourceName, roleId } from './names';
import { rolesOf } from './role-table';
import { executionRequestBody } from './triggers';

// batch-predict's roles are rows of the stack's role table (role-table.ts), with the page asking for each.

export interface PredictWorkflowArgs {
  project: string;
  region: string;
  location: string;
  namePrefix: string;
  /** The compiled batch-predict program. */
  source: string;
  datasetId: pulumi.Input<string>;
  bucketName: pulumi.Input<string>;
  predict: NonNullable<StackConfig['predict']>;
  callLogLevel: CallLogLevel;
  executionHistoryLevel: ExecutionHistoryLevel;
  deletionProtection: boolean;
  labels: Record<string, string>;
}

/** A source dataset as the stack names it (`dataset` in the stack's project, or `project.dataset`). */
export function sourceDatasetParts(
  path: string,
  stackProject: string,
): { project: string; datasetId: string } {
  const parts = path.split('.');
  return parts.length === 1
    ? { project: stackProject, datasetId: parts[0] }
    : { project: parts[0], datasetId: parts[1] };
}

/** The batch-predict pipeline as a Cloud Workflows program with its own service account, and its schedule. */
export class PredictWorkflow extends pulumi.ComponentResource {
  readonly serviceAccount: gcp.serviceaccount.Account;
  readonly workflow: gcp.workflows.Workflow;
  readonly name: pulumi.Output<string>;
  readonly schedulerJob?: gcp.cloudscheduler.Job;

  constructor(name: string, args: PredictWorkflowArgs, opts?: pulumi.ComponentResourceOptions) {
    super('bqtune:infra:PredictWorkflow', name, {}, opts);
    this.serviceAccount = new gcp.serviceaccount.Account(
      name,
      {
        project: args.project,
        accountId: `${args.namePrefix}-predict`,
        displayName: 'bqtune batch-predict',
        description: 'Runs the bqtune batch-predict workflow.',
      },
      childOptions(this, opts),
    );
    const grants = this.grantRoles(name, args, opts);
    this.workflow = new gcp.workflows.Workflow(
      name,
      {
        project: args.project,
        region: args.region,
        name: `${args.namePrefix}-batch-predict`,
        description: "bqtune: the serving name's champion answers new rows, with lineage and a drift check.",
        serviceAccount: this.serviceAccount.email,
        sourceContents: args.source,
        callLogLevel: args.callLogLevel,
        executionHistoryLevel: args.executionHistoryLevel,
        deletionProtection: args.deletionProtection,
        labels: args.labels,
        userEnvVars: {
          BQTUNE_PROJECT: args.project,
          BQTUNE_LOCATION: args.location,
          BQTUNE_DATASET: args.datasetId,
        },
      },
      childOptions(this, opts, ...grants),
    );
    this.name = this.workflow.name;
    const schedule = args.predict.schedule;
    if (schedule !== undefined) this.schedulerJob = this.scheduleJob(name, args, schedule, opts);

    this.registerOutputs({ name: this.name, serviceAccountEmail: this.serviceAccount.email });
  }

  /**
   * The service account's roles from the role table: on the project, the pipeline dataset, the bucket and
   * each source dataset the stack names. The workflow depends on them all.
   */
  private grantRoles(
    name: string,
    args: PredictWorkflowArgs,
    opts: pulumi.ComponentResourceOptions | undefined,
  ): pulumi.Resource[] {
    const member = this.serviceAccount.member;
    return [
      ...rolesOf('predict', 'project').map(
        (role) =>
          new gcp.projects.IAMMember(
            grantResourceName(name, 'project', role),
            { project: args.project, role, member },
            childOptions(this, opts),
          ),
      ),
      ...rolesOf('predict', 'dataset').map(
        (role) =>
          new gcp.bigquery.DatasetIamMember(
            grantResourceName(name, 'dataset', role),
            { project: args.project, datasetId: args.datasetId, role, member },
            childOptions(this, opts),
          ),
      ),
      ...rolesOf('predict', 'bucket').map(
        (role) =>
          new gcp.storage.BucketIAMMember(
            grantResourceName(name, 'bucket', role),
            { bucket: args.bucketName, role, member },
            childOptions(this, opts),
          ),
      ),
      ...(args.predict.sourceDatasets ?? []).flatMap((path) =>
        rolesOf('predict', 'sourceDataset').map(
          (role) =>
            new gcp.bigquery.DatasetIamMember(
              `${name}-source-${path.replace(/[^A-Za-z0-9-]/g, '-')}-${roleId(role)}`,
              { ...sourceDatasetParts(path, args.project), role, member },
              childOptions(this, opts),
            ),
        ),
      ),
    ];
  }

  /** The schedule: a Cloud Scheduler job that starts the workflow as an invoker account of its own. */
  private scheduleJob(
    name: string,
    args: PredictWorkflowArgs,
    schedule: NonNullable<PredictWorkflowArgs['predict']['schedule']>,
    opts: pulumi.ComponentResourceOptions | undefined,
  ): gcp.cloudscheduler.Job {
    const invoker = new gcp.serviceaccount.Account(
      `${name}-invoker`,
      {
        project: args.project,
        accountId: `${args.namePrefix}-predict-invoker`,
        displayName: 'bqtune batch-predict invoker',
        description: 'Starts scheduled executions of bqtune batch-predict.',
      },
      childOptions(this, opts),
    );
    // The provider has no per-workflow IAM resource, so the invoker gets workflows.invoker on the project,
    // as the tuning pipeline's invoker does; its service account holds nothing else.
    const invokerGrants = rolesOf('predictInvoker', 'project', ['predict schedule']).map(
      (role) =>
        new gcp.projects.IAMMember(
          grantResourceName(`${name}-invoker`, 'project', role),
          { project: args.project, role, member: invoker.member },
          childOptions(this, opts),
        ),
    );
    return new gcp.cloudscheduler.Job(
      `${name}-schedule`,
      {
        project: args.project,
        region: args.region,
        name: `${args.namePrefix}-batch-predict`,
        description: 'Starts bqtune batch-predict with the arguments of the stack.',
        schedule: schedule.cron,
        timeZone: schedule.timeZone,
        httpTarget: {
          uri: pulumi.interpolate`https://workflowexecutions.googleapis.com/v1/projects/${args.project}/locations/${args.region}/workflows/${this.workflow.name}/executions`,
          httpMethod: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: executionRequestBody(schedule.arguments),
          oauthToken: {
            serviceAccountEmail: invoker.email,
            scope: 'https://www.googleapis.com/auth/cloud-platform',
          },
        },
      },
      childOptions(this, opts, ...invokerGrants),
    );
  }
}
