import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { childOptions } from './child-options';
import { baseModelId } from '../bigquery';
import { pipelineResourceNames } from './names';
import { createBaselineModelSql, jobIdFor } from './sql';

export interface BaselineModelArgs {
  project: string;
  location: string;
  datasetId: string;
  /** The Vertex AI connection's id inside `location`. */
  connectionId: string;
  /** The Vertex AI endpoint the model calls, e.g. `gemini-2.5-flash`. */
  baseEndpoint: string;
  namePrefix: string;
  labels: Record<string, string>;
}

/** `project.dataset.model` of the base model: the id the pipeline derives from the endpoint too. */
export const baselineModelPath = (args: Pick<BaselineModelArgs, 'project' | 'datasetId' | 'baseEndpoint'>) =>
  `${args.project}.${args.datasetId}.${baseModelId(args.baseEndpoint)}`;

/**
 * The base remote model, created by a DDL query job. The statement is `IF NOT EXISTS`, so re-running it
 * (a new job id after any change) never replaces a model that evaluations already refer to.
 */
export class BaselineModel extends pulumi.ComponentResource {
  readonly job: gcp.bigquery.Job;
  readonly statement: string;
  /** `project.dataset.model`. */
  readonly modelPath: string;

  constructor(name: string, args: BaselineModelArgs, opts?: pulumi.ComponentResourceOptions) {
    super('bqtune:infra:BaselineModel', name, {}, opts);
    this.statement = createBaselineModelSql({
      project: args.project,
      dataset: args.datasetId,
      model: baseModelId(args.baseEndpoint),
      connection: { project: args.project, location: args.location, connectionId: args.connectionId },
      endpoint: args.baseEndpoint,
    });
    this.modelPath = baselineModelPath(args);

    this.job = new gcp.bigquery.Job(
      name,
      {
        project: args.project,
        location: args.location,
        jobId: jobIdFor(pipelineResourceNames(args.namePrefix).baselineJob, this.statement),
        labels: args.labels,
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
