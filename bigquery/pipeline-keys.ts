import { stringParam, type Sql } from './sql';
import { sql, toSql } from './sql-template';

/**
 * Content keys for reuse: `tuned_key` identifies a tuning job (base endpoint, options and prompt template,
 * sent as the JSON @tuning_key, plus the training-set fingerprint); `eval_key` identifies a set of eval
 * prompts answered with given generation settings (prompt template and settings, plus eval-set fingerprint).
 * Same key, same work: a re-run reuses it.
 * Computed in SQL because Workflows has no hex encoding of digests.
 */
export function contentKeysQuery(): Sql {
  const tuning = stringParam('tuning_key', '');
  const train = stringParam('train_fingerprint', '');
  const prompt = stringParam('prompt_key', '');
  const evalSet = stringParam('eval_fingerprint', '');
  return toSql(sql`SELECT
  TO_HEX(SHA256(CONCAT(${tuning}, '|', ${train}))) AS tuned_key,
  TO_HEX(SHA256(CONCAT(${prompt}, '|', ${evalSet}))) AS eval_key`);
}
