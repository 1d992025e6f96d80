import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { childOptions } from './child-options';
import type { Settings } from './config';

/** Training and evaluation files: a bucket this stack creates, or an existing one named in the config. */
export class DataBucket extends pulumi.ComponentResource {
  readonly name: pulumi.Output<string>;

  constructor(name: string, settings: Settings, opts?: pulumi.ComponentResourceOptions) {
    super('bqtune:infra:DataBucket', name, {}, opts);
    if (settings.bucket.create) {
      const bucket = new gcp.storage.Bucket(
        name,
        {
          project: settings.project,
          name: settings.bucketName,
          // Same location as the dataset, so LOAD DATA can read the files.
          location: settings.location,
          uniformBucketLevelAccess: true,
          publicAccessPrevention: 'enforced',
          forceDestroy: !settings.protectData,
          deletionPolicy: settings.protectData ? 'PREVENT' : 'DELETE',
          labels: settings.resourceLabels,
        },
        childOptions(this, opts),
      );
      this.name = bucket.name;
    } else {
      this.name = pulumi.output(settings.bucketName);
    }
    this.registerOutputs({ name: this.name });
  }
}
