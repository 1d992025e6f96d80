import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { childOptions } from './child-options';
import type { Settings } from './config';

import { rolesOf } from './role-table';

export interface VertexConnectionArgs {
  settings: Settings;
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
    const { settings } = args;

    this.connection = new gcp.bigquery.Connection(
      name,
      {
        project: settings.project,
        location: settings.location,
        connectionId: settings.connectionId,
        friendlyName: 'bqtune Vertex AI',
        description: 'BigQuery ML remote models (base and tuned) reach Vertex AI through this connection.',
        cloudResource: {},
      },
      childOptions(this, opts),
    );
    this.connectionId = this.connection.connectionId;
    this.qualifiedId = pulumi.interpolate`${settings.project}.${settings.location}.${this.connection.connectionId}`;
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
            `${name}-${role.split('/')[1]}`,
            { project: settings.project, role, member },
            childOptions(this, opts),
          ),
      ),
      ...rolesOf('connection', 'bucket').map(
        (role) =>
          new gcp.storage.BucketIAMMember(
            `${name}-bucket-${role.split('/')[1]}`,
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
