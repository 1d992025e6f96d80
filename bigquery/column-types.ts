/**
 * The column types the pipeline's tables and loads use, by their GoogleSQL names
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types). A column type is written into
 * DDL and LOAD DATA column lists as is, so only these names are accepted (sql-template.ts `columnType`).
 */
export const bigQueryTypes = ['STRING', 'INT64', 'FLOAT64', 'BOOL', 'TIMESTAMP', 'JSON'] as const;
export type BigQueryType = (typeof bigQueryTypes)[number];

export type FieldMode = 'REQUIRED' | 'NULLABLE';
