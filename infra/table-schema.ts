import type { BigQueryType, TableDefinition } from '../bigquery/tables';

/**
 * The REST API accepts both type spellings but reports the legacy ones, so writing the legacy ones keeps
 * `pulumi preview` from showing a schema diff after every refresh.
 */
const restType: Record<BigQueryType, string> = {
  STRING: 'STRING',
  INT64: 'INTEGER',
  FLOAT64: 'FLOAT',
  BOOL: 'BOOLEAN',
  TIMESTAMP: 'TIMESTAMP',
  JSON: 'JSON',
};

/** A table's schema as the JSON array of TableFieldSchema that `gcp.bigquery.Table.schema` takes. */
export function pulumiTableSchema(table: TableDefinition): string {
  return JSON.stringify(
    table.fields.map((f) => ({
      name: f.name,
      type: restType[f.type],
      mode: f.mode,
      description: f.description,
    })),
  );
}
