import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { childOptions } from './child-options';
import type { Settings } from './config';
import { baseModelId } from '../bigquery';
import { createBaselineModelSql, jobIdFor } from './sql';

/**
 * The base remote model, created by a DDL query job. The statement is `IF NOT EXISTS`, so re-running it
 * (a new job id after any change) never replaces a model that evaluations already refer to.
 */
export class BaselineModel extends pulumi.ComponentResource {
  readonly job: gcp.bigquery.Job;
  readonly statement: string;
  /** `project.dataset.model`. */
  readonly modelPath: string;

  constructor(name: string, settings: Settings, opts?: pulumi.ComponentResourceOptions) {
    super('bqtune:infra:BaselineModel', name, {}, opts);
    const model = baseModelId(settings.baseEndpoint);
    this.statement = createBaselineModelSql({
      project: settings.project,
      dataset: settings.datasetId,
      model,
      connection: {
        project: settings.project,
        location: settings.location,
        connectionId: settings.connectionId,
      },
      endpoint: settings.baseEndpoint,
    });
    this.modelPath = `${settings.project}.${settings.datasetId}.${model}`;

    this.job = new gcp.bigquery.Job(
      name,
      {
        project: settings.project,
        location: settings.location,
        jobId: jobIdFor(`${settings.namePrefix}_baseline`, this.statement),
        labels: settings.resourceLabels,
        query: {
          query: this.statement,
          useLegacySql: false,
          // DDL takes no destination: the default dispositions would make BigQuery reject the job.
          createDisposition: '',
          writeDisposition: '',
        },
      },
      childOptions(this, opts),
    );
    this.registerOutputs({ modelPath: this.modelPath, jobId: this.job.jobId });
  }
}
