import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { childOptions } from './child-options';
import type { CallLogLevel, ExecutionHistoryLevel } from './config';
import { grantResourceName, pipelineResourceNames } from './names';
import { rolesOf } from './role-table';

export interface PipelineWorkflowArgs {
  project: string;
  /** Where the workflow runs. */
  region: string;
  /** The dataset's location. */
  location: string;
  namePrefix: string;
  /** The compiled Cloud Workflows program. */
  source: string;
  datasetId: pulumi.Input<string>;
  connectionId: pulumi.Input<string>;
  /** `project.location.connection_id`. */
  connectionQualifiedId: pulumi.Input<string>;
  bucketName: pulumi.Input<string>;
  callLogLevel: CallLogLevel;
  executionHistoryLevel: ExecutionHistoryLevel;
  deletionProtection: boolean;
  labels: Record<string, string>;
  /**
   * The run arguments of an execution Eventarc starts (it receives the event, not arguments); absent: the
   * workflow's environment has no BQTUNE_RUN_ARGUMENTS.
   */
  eventRunArguments?: Record<string, unknown>;
}

/**
 * The workflow's environment (`sys.get_env`): where an execution started with partial arguments (by the
 * scheduler or an event) runs, and the run arguments of an event-started one.
 */
export function pipelineEnvironment(
  args: Pick<
    PipelineWorkflowArgs,
    'project' | 'location' | 'datasetId' | 'connectionQualifiedId' | 'bucketName' | 'eventRunArguments'
  >,
): Record<string, pulumi.Input<string>> {
  return {
    BQTUNE_PROJECT: args.project,
    BQTUNE_LOCATION: args.location,
    BQTUNE_DATASET: args.datasetId,
    BQTUNE_CONNECTION: args.connectionQualifiedId,
    BQTUNE_BUCKET: args.bucketName,
    ...(args.eventRunArguments ? { BQTUNE_RUN_ARGUMENTS: JSON.stringify(args.eventRunArguments) } : {}),
  };
}

/** The pipeline as a Cloud Workflows program, running as a service account of its own. */
export class PipelineWorkflow extends pulumi.ComponentResource {
  readonly serviceAccount: gcp.serviceaccount.Account;
  readonly workflow: gcp.workflows.Workflow;
  readonly name: pulumi.Output<string>;
  /** `projects/P/locations/R/workflows/W`, as Eventarc and the Executions API name it. */
  readonly resourceName: pulumi.Output<string>;

  constructor(name: string, args: PipelineWorkflowArgs, opts?: pulumi.ComponentResourceOptions) {
    super('bqtune:infra:PipelineWorkflow', name, {}, opts);
    const names = pipelineResourceNames(args.namePrefix);

    this.serviceAccount = new gcp.serviceaccount.Account(
      name,
      {
        project: args.project,
        accountId: names.pipelineAccount,
        displayName: 'bqtune pipeline',
        description: 'Runs the bqtune Cloud Workflows pipeline.',
      },
      childOptions(this, opts),
    );
    const member = this.serviceAccount.member;

    const grants: pulumi.Resource[] = [
      ...rolesOf('pipeline', 'project').map(
        (role) =>
          new gcp.projects.IAMMember(
            grantResourceName(name, 'project', role),
            { project: args.project, role, member },
            childOptions(this, opts),
          ),
      ),
      ...rolesOf('pipeline', 'dataset').map(
        (role) =>
          new gcp.bigquery.DatasetIamMember(
            grantResourceName(name, 'dataset', role),
            { project: args.project, datasetId: args.datasetId, role, member },
            childOptions(this, opts),
          ),
      ),
      ...rolesOf('pipeline', 'connection').map(
        (role) =>
          new gcp.bigquery.ConnectionIamMember(
            grantResourceName(name, 'connection', role),
            {
              project: args.project,
              location: args.location,
              connectionId: args.connectionId,
              role,
              member,
            },
            childOptions(this, opts),
          ),
      ),
      ...rolesOf('pipeline', 'bucket').map(
        (role) =>
          new gcp.storage.BucketIAMMember(
            grantResourceName(name, 'bucket', role),
            { bucket: args.bucketName, role, member },
            childOptions(this, opts),
          ),
      ),
    ];

    this.workflow = new gcp.workflows.Workflow(
      name,
      {
        project: args.project,
        region: args.region,
        name: names.workflow,
        description: 'bqtune: validate, load, check, baseline and tuned evaluation, gate, deploy.',
        serviceAccount: this.serviceAccount.email,
        sourceContents: args.source,
        callLogLevel: args.callLogLevel,
        executionHistoryLevel: args.executionHistoryLevel,
        deletionProtection: args.deletionProtection,
        labels: args.labels,
        userEnvVars: pipelineEnvironment(args),
      },
      // A run that starts before its grants exist fails on its first BigQuery call.
      childOptions(this, opts, ...grants),
    );
    this.name = this.workflow.name;
    this.resourceName = pulumi.interpolate`projects/${args.project}/locations/${args.region}/workflows/${this.workflow.name}`;

    this.registerOutputs({ name: this.name, serviceAccountEmail: this.serviceAccount.email });
  }
}
