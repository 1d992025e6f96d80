import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { childOptions } from './child-options';
import { deletionPolicyFor } from './names';

export interface DataBucketArgs {
  project: string;
  bucketName: string;
  /** False: the bucket exists already (created elsewhere) and is only referred to. */
  create: boolean;
  /** The dataset's location, so LOAD DATA can read the files. */
  location: string;
  /** Refuse deletion (prod); otherwise the bucket is destroyed with its objects. */
  protectData: boolean;
  labels: Record<string, string>;
}

/** Training and evaluation files: a bucket this stack creates, or an existing one named in the config. */
export class DataBucket extends pulumi.ComponentResource {
  readonly name: pulumi.Output<string>;

  constructor(name: string, args: DataBucketArgs, opts?: pulumi.ComponentResourceOptions) {
    super('bqtune:infra:DataBucket', name, {}, opts);
    if (args.create) {
      const bucket = new gcp.storage.Bucket(
        name,
        {
          project: args.project,
          name: args.bucketName,
          location: args.location,
          uniformBucketLevelAccess: true,
          publicAccessPrevention: 'enforced',
          forceDestroy: !args.protectData,
          deletionPolicy: deletionPolicyFor(args.protectData),
          labels: args.labels,
        },
        childOptions(this, opts),
      );
      this.name = bucket.name;
    } else {
      this.name = pulumi.output(args.bucketName);
    }
    this.registerOutputs({ name: this.name });
  }
}
