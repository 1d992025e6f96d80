import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { childOptions } from './child-options';
import { grantResourceName } from './names';
import { rolesOf } from './role-table';

export interface VertexConnectionArgs {
  project: string;
  location: string;
  /** The connection's id inside `location` (no dashes). */
  connectionId: string;
  /** The data bucket the connection's service account is granted on. */
  bucketName: pulumi.Input<string>;
}

/** A CLOUD_RESOURCE connection through which BigQuery ML reaches Vertex AI, with its grants. */
export class VertexConnection extends pulumi.ComponentResource {
  readonly connection: gcp.bigquery.Connection;
  /** The short id, as in `project.location.connection_id`. */
  readonly connectionId: pulumi.Output<string>;
  /** `project.location.connection_id`, as SQL and the pipeline refer to it. */
  readonly qualifiedId: pulumi.Output<string>;
  readonly serviceAccountEmail: pulumi.Output<string>;
  /** CREATE MODEL needs these grants in place. */
  readonly grants: pulumi.Resource[];

  constructor(name: string, args: VertexConnectionArgs, opts?: pulumi.ComponentResourceOptions) {
    super('bqtune:infra:VertexConnection', name, {}, opts);

    this.connection = new gcp.bigquery.Connection(
      name,
      {
        project: args.project,
        location: args.location,
        connectionId: args.connectionId,
        friendlyName: 'bqtune Vertex AI',
        description: 'BigQuery ML remote models (base and tuned) reach Vertex AI through this connection.',
        cloudResource: {},
      },
      childOptions(this, opts),
    );
    this.connectionId = this.connection.connectionId;
    this.qualifiedId = pulumi.interpolate`${args.project}.${args.location}.${this.connection.connectionId}`;
    this.serviceAccountEmail = this.connection.cloudResource.apply((c) => {
      if (c?.serviceAccountId === undefined) {
        throw new Error(`connection ${name} has no cloudResource.serviceAccountId`);
      }
      return c.serviceAccountId;
    });
    const member = pulumi.interpolate`serviceAccount:${this.serviceAccountEmail}`;

    this.grants = [
      ...rolesOf('connection', 'project').map(
        (role) =>
          new gcp.projects.IAMMember(
            grantResourceName(name, 'project', role),
            { project: args.project, role, member },
            childOptions(this, opts),
          ),
      ),
      ...rolesOf('connection', 'bucket').map(
        (role) =>
          new gcp.storage.BucketIAMMember(
            grantResourceName(name, 'bucket', role),
            { bucket: args.bucketName, role, member },
            childOptions(this, opts),
          ),
      ),
    ];

    this.registerOutputs({
      connectionId: this.connectionId,
      qualifiedId: this.qualifiedId,
      serviceAccountEmail: this.serviceAccountEmail,
    });
  }
}
