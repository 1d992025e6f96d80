import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { pipelineTables } from '../bigquery/tables';
import { childOptions } from './child-options';
import { deletionPolicyFor } from './names';
import { currentChampionsSql } from './sql';
import { pulumiTableSchema } from './table-schema';

const dayMs = 24 * 60 * 60 * 1000;

export const currentChampionsViewId = 'current_champions';

/** A partition's expiration for `retentionDays` days, in ms; none (kept for ever) when unset. */
export const partitionExpirationMs = (retentionDays: number | undefined): number | undefined =>
  retentionDays === undefined ? undefined : retentionDays * dayMs;

export interface PipelineDatasetArgs {
  project: string;
  datasetId: string;
  location: string;
  /** Refuse deletion of the dataset and its tables (prod); otherwise they go with their contents. */
  protectData: boolean;
  /** Days a partition of a partitioned table is kept; unset: for ever. */
  retentionDays?: number;
  labels: Record<string, string>;
}

/**
 * The dataset holding examples, predictions, evaluations, runs and the model registry, with the tables
 * defined in `bigquery/tables.ts` and the view that resolves each serving name to its champion.
 */
export class PipelineDataset extends pulumi.ComponentResource {
  readonly dataset: gcp.bigquery.Dataset;
  readonly datasetId: pulumi.Output<string>;
  readonly tables: gcp.bigquery.Table[];

  constructor(name: string, args: PipelineDatasetArgs, opts?: pulumi.ComponentResourceOptions) {
    super('bqtune:infra:PipelineDataset', name, {}, opts);
    const protect = args.protectData;
    const deletionPolicy = deletionPolicyFor(protect);

    this.dataset = new gcp.bigquery.Dataset(
      name,
      {
        project: args.project,
        datasetId: args.datasetId,
        location: args.location,
        description: 'bqtune: examples, predictions, evaluations, runs and the model registry.',
        labels: args.labels,
        deleteContentsOnDestroy: !protect,
        deletionPolicy,
      },
      childOptions(this, opts),
    );
    this.datasetId = this.dataset.datasetId;

    const tableArgs = {
      project: args.project,
      datasetId: this.dataset.datasetId,
      labels: args.labels,
      deletionProtection: protect,
      deletionPolicy,
    };
    this.tables = pipelineTables.map(
      (table) =>
        new gcp.bigquery.Table(
          `${name}-${table.id}`,
          {
            ...tableArgs,
            tableId: table.id,
            description: table.description,
            schema: pulumiTableSchema(table),
            timePartitioning:
              table.partitionBy === undefined
                ? undefined
                : {
                    type: 'DAY',
                    field: table.partitionBy,
                    expirationMs: partitionExpirationMs(args.retentionDays),
                  },
            clusterings: table.clusterBy,
          },
          childOptions(this, opts),
        ),
    );

    const view = new gcp.bigquery.Table(
      `${name}-${currentChampionsViewId}`,
      {
        ...tableArgs,
        tableId: currentChampionsViewId,
        description:
          'The champion model of each serving name: its champions row (or, before it has one, its latest model_registry event).',
        view: { query: currentChampionsSql(args.project, args.datasetId), useLegacySql: false },
      },
      // The view reads the registry table, which must exist first.
      childOptions(this, opts, ...this.tables),
    );
    this.tables.push(view);

    this.registerOutputs({ datasetId: this.datasetId, tables: this.tables.map((t) => t.tableId) });
  }
}
