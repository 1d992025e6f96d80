import { int64Lit, sql, type SqlFragment } from './sql-template';

/**
 * How long a run's staging tables live: the examples it loads (`train_<run id>`, `eval_<run id>`) and the
 * prompts made from them (`train_prompts_<run id>`, `eval_prompts_<run id>`), in hours from the statement
 * that creates each one. A week: longer than the longest run the workflow allows (a tuning job may take
 * 86,400 s and be submitted again after a retryable failure, and each generation pass up to an hour per
 * model), so a table never expires under its own run, and long enough to re-render a run's report with its
 * example rows for a few days. After it the report says the rows expired; history, predictions, metrics and
 * models live in their own tables and never expire.
 */
export const stagingTableHours = 168;

/**
 * The `table_option_list` entry that makes a table expire `hours` after the statement that creates it:
 * `expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL n HOUR)`. An option's value may be a
 * constant expression of literals, query parameters and scalar functions
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language#table_option_list),
 * so the time is BigQuery's own at creation. Throws unless `hours` is a whole number from 1 to 87,600.
 */
export function expirationOption(hours: number, field: string): SqlFragment {
  if (!Number.isSafeInteger(hours) || hours < 1 || hours > 87_600) {
    throw new Error(`${field}: ${hours} is not a whole number of hours from 1 to 87600`);
  }
  return sql`expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL ${int64Lit(hours, field)} HOUR)`;
}
