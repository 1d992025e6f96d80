import { BigQuery } from '@google-cloud/bigquery';
import type { Sql } from '../../bigquery';
import {
  localDataset,
  localProject,
  openLocalEnvironment,
  type LocalEnvironment,
} from '../local/environment';

/** Where the pipeline's tables live: the embedded local warehouse or a BigQuery dataset. */
export interface PipelineWarehouse {
  project: string;
  dataset: string;
  /** Runs a statement built by bigquery/ with a value for each of its query parameters. */
  query(sql: Sql, values?: Record<string, string | number>): Promise<StatementOutcome>;
  close(): Promise<void>;
}

export interface StatementOutcome {
  rows: Record<string, unknown>[];
  numDmlAffectedRows?: number;
}

/** One value per parameter the statement declares. */
function parameterValues(sql: Sql, values: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const p of sql.params) {
    const value = values[p.name];
    if (value === undefined) throw new Error(`no value for query parameter @${p.name}`);
    out[p.name] = value;
  }
  return out;
}

/** The values as BigQuery REST query parameters, typed as the statement declares them. */
function restParameters(sql: Sql, values: Record<string, string | number>) {
  const checked = parameterValues(sql, values);
  return sql.params.map((p) => ({ ...p, parameterValue: { value: String(checked[p.name]) } }));
}

/** The persistent local warehouse of a state folder (see `bqtune run --state-dir`). */
export async function openLocalWarehouse(stateDir: string): Promise<PipelineWarehouse> {
  return localWarehouse(await openLocalEnvironment(stateDir));
}

/** The pipeline tables of an open local environment; `close` closes the environment. */
export function localWarehouse(env: LocalEnvironment): PipelineWarehouse {
  return {
    project: localProject,
    dataset: localDataset,
    async query(sql, values = {}) {
      const result = await env.bigquery.query(sql.text, restParameters(sql, values));
      return { rows: result.rows, numDmlAffectedRows: result.numDmlAffectedRows };
    },
    close: () => env.close(),
  };
}

/** The stack's dataset on BigQuery, with Application Default Credentials. */
export function bigQueryWarehouse(target: { project: string; location: string; dataset: string }) {
  const client = new BigQuery({ projectId: target.project });
  const warehouse: PipelineWarehouse = {
    project: target.project,
    dataset: target.dataset,
    async query(sql, values = {}) {
      const types = Object.fromEntries(sql.params.map((p) => [p.name, p.parameterType.type]));
      const [job] = await client.createQueryJob({
        query: sql.text,
        params: parameterValues(sql, values),
        types,
        location: target.location,
        useLegacySql: false,
      });
      const [rows] = await job.getQueryResults();
      const [metadata] = await job.getMetadata();
      const affected = metadata.statistics?.query?.numDmlAffectedRows as string | undefined;
      return {
        rows: rows as Record<string, unknown>[],
        numDmlAffectedRows: affected === undefined ? undefined : Number(affected),
      };
    },
    close: async () => undefined,
  };
  return warehouse;
}
