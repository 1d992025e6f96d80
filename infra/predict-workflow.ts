import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { childOptions } from './child-options';
import type { CallLogLevel, ExecutionHistoryLevel, StackConfig } from './config';
import { pipelineBucketRoles, pipelineDatasetRole, pipelineProjectRoles } from './pipeline-workflow';
import { executionRequestBody, invokerRole } from './triggers';

/**
 * batch-predict's identity needs what inference needs ("To run inference": bigquery.tables.getData on the
 * table, bigquery.models.getData on the model, bigquery.jobs.create —
 * https://cloud.google.com/bigquery/docs/generate-text#required_permissions) plus writing its own tables:
 * Job User and Log Writer on the project, Data Editor on the pipeline dataset (models, served_predictions,
 * runs, staging tables), read on the data bucket for file sources, and Data Viewer on each source dataset.
 * No connection role: inference through an existing remote model does not use the connection itself.
 */
export const predictSourceDatasetRole = 'roles/bigquery.dataViewer';

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

/** `project.dataset` of a source dataset, split for the IAM resource. */
export function sourceDatasetParts(path: string): { project: string; datasetId: string } {
  const [project, datasetId] = path.split('.');
  return { project, datasetId };
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
    const member = this.serviceAccount.member;
    const grants: pulumi.Resource[] = [
      ...pipelineProjectRoles.map(
        (role) =>
          new gcp.projects.IAMMember(
            `${name}-${role.split('/')[1]}`,
            { project: args.project, role, member },
            childOptions(this, opts),
          ),
      ),
      new gcp.bigquery.DatasetIamMember(
        `${name}-dataset-dataEditor`,
        { project: args.project, datasetId: args.datasetId, role: pipelineDatasetRole, member },
        childOptions(this, opts),
      ),
      ...pipelineBucketRoles.map(
        (role) =>
          new gcp.storage.BucketIAMMember(
            `${name}-bucket-${role.split('/')[1]}`,
            { bucket: args.bucketName, role, member },
            childOptions(this, opts),
          ),
      ),
      ...(args.predict.sourceDatasets ?? []).map(
        (path) =>
          new gcp.bigquery.DatasetIamMember(
            `${name}-source-${path.replace(/[^A-Za-z0-9-]/g, '-')}`,
            { ...sourceDatasetParts(path), role: predictSourceDatasetRole, member },
            childOptions(this, opts),
          ),
      ),
    ];

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
    if (schedule !== undefined) {
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
      const invokerGrant = new gcp.projects.IAMMember(
        `${name}-invoker-workflows-invoker`,
        { project: args.project, role: invokerRole, member: invoker.member },
        childOptions(this, opts),
      );
      this.schedulerJob = new gcp.cloudscheduler.Job(
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
        childOptions(this, opts, invokerGrant),
      );
    }

    this.registerOutputs({ name: this.name, serviceAccountEmail: this.serviceAccount.email });
  }
}
