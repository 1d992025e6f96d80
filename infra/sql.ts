import { createHash } from 'node:crypto';
import {
  championsTable,
  createRemoteModel,
  currentChampionsSql as championsViewSql,
  registryTable,
} from '../bigquery';

export interface BaselineModelStatement {
  project: string;
  dataset: string;
  model: string;
  connection: { project: string; location: string; connectionId: string };
  endpoint: string;
}

/**
 * `CREATE MODEL IF NOT EXISTS ... REMOTE WITH CONNECTION ... OPTIONS(ENDPOINT = ...)` for the base model,
 * from the pipeline's own builder, so Pulumi and the pipeline write the same statement.
 */
export function createBaselineModelSql(s: BaselineModelStatement): string {
  const sql = createRemoteModel({
    model: { project: s.project, dataset: s.dataset, model: s.model },
    create: 'IF_NOT_EXISTS',
    connection: s.connection,
    endpoint: s.endpoint,
  });
  return sql.text;
}

/** The champion of each serving name, read the one way the pipeline reads it (bigquery/registry.ts). */
export function currentChampionsSql(project: string, dataset: string): string {
  return championsViewSql({
    champions: { project, dataset, table: championsTable.id },
    registry: { project, dataset, table: registryTable.id },
  });
}

/**
 * BigQuery jobs are immutable, so a job's id must change whenever its statement does: the id is the prefix
 * and a hash of the statement (letters, digits, `_` and `-` only, well under the 1,024-character limit).
 */
export function jobIdFor(prefix: string, statement: string): string {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(prefix))
    throw new Error(`job id prefix ${JSON.stringify(prefix)} is not valid`);
  return `${prefix}_${createHash('sha256').update(statement).digest('hex').slice(0, 32)}`;
}
