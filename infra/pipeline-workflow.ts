import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { childOptions } from './child-options';
import type { Settings } from './config';
import { rolesOf } from './role-table';

export interface PipelineWorkflowArgs {
  settings: Settings;
  /** The compiled Cloud Workflows program. */
  source: string;
  datasetId: pulumi.Input<string>;
  connectionId: pulumi.Input<string>;
  /** `project.location.connection_id`. */
  connectionQualifiedId: pulumi.Input<string>;
  bucketName: pulumi.Input<string>;
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
    const { settings } = args;

    this.serviceAccount = new gcp.serviceaccount.Account(
      name,
      {
        project: settings.project,
        accountId: `${settings.namePrefix}-pipeline`,
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
            `${name}-${role.split('/')[1]}`,
            { project: settings.project, role, member },
            childOptions(this, opts),
          ),
      ),
      ...rolesOf('pipeline', 'dataset').map(
        (role) =>
          new gcp.bigquery.DatasetIamMember(
            `${name}-dataset-${role.split('/')[1]}`,
            { project: settings.project, datasetId: args.datasetId, role, member },
            childOptions(this, opts),
          ),
      ),
      ...rolesOf('pipeline', 'connection').map(
        (role) =>
          new gcp.bigquery.ConnectionIamMember(
            `${name}-connection-${role.split('/')[1]}`,
            {
              project: settings.project,
              location: settings.location,
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
            `${name}-bucket-${role.split('/')[1]}`,
            { bucket: args.bucketName, role, member },
            childOptions(this, opts),
          ),
      ),
    ];

    this.workflow = new gcp.workflows.Workflow(
      name,
      {
        project: settings.project,
        region: settings.region,
        name: `${settings.namePrefix}-tune-and-evaluate`,
        description: 'bqtune: validate, load, check, baseline and tuned evaluation, gate, deploy.',
        serviceAccount: this.serviceAccount.email,
        sourceContents: args.source,
        callLogLevel: settings.workflow.callLogLevel,
        executionHistoryLevel: settings.workflow.executionHistoryLevel,
        deletionProtection: settings.protectData,
        labels: settings.resourceLabels,
        // An execution started with partial arguments (by the scheduler or an event) reads its
        // environment from here.
        userEnvVars: {
          BQTUNE_PROJECT: settings.project,
          BQTUNE_LOCATION: settings.location,
          BQTUNE_DATASET: args.datasetId,
          BQTUNE_CONNECTION: args.connectionQualifiedId,
          BQTUNE_BUCKET: args.bucketName,
          // An Eventarc execution receives the storage event, not run arguments: it runs with these.
          ...(settings.eventTrigger
            ? { BQTUNE_RUN_ARGUMENTS: JSON.stringify(settings.eventTrigger.runArguments) }
            : {}),
        },
      },
      // A run that starts before its grants exist fails on its first BigQuery call.
      childOptions(this, opts, ...grants),
    );
    this.name = this.workflow.name;
    this.resourceName = pulumi.interpolate`projects/${settings.project}/locations/${settings.region}/workflows/${this.workflow.name}`;

    this.registerOutputs({ name: this.name, serviceAccountEmail: this.serviceAccount.email });
  }
}
