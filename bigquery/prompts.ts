import type { TableRef } from './identifiers';
import { stringParam, type Sql } from './sql';
import { columns, paths, sql, toSql } from './sql-template';
import { expirationOption } from './table-expiration';

/**
 * Replaces the prompts table (example_id, prompt, label: what generation, tuning and evaluation read) with
 * an empty one. A separate DDL statement because BigQuery takes no query parameters in DDL, and the prompt
 * prefix is a parameter of the INSERT that fills it. With `expirationHours` the table expires that many
 * hours after it is created (see expirationOption).
 */
export function createPromptsTable(table: TableRef, options: { expirationHours?: number } = {}): Sql {
  const f = 'createPromptsTable';
  const path = paths(f, { table }).table;
  const tableOptions =
    options.expirationHours === undefined
      ? sql``
      : sql` OPTIONS(${expirationOption(options.expirationHours, `${f}.expirationHours`)})`;
  return toSql(
    sql`CREATE OR REPLACE TABLE ${path} (example_id STRING NOT NULL, prompt STRING NOT NULL, label STRING NOT NULL)${tableOptions}`,
  );
}

export interface InsertPromptsOptions {
  source: TableRef;
  target: TableRef;
  /** Source columns; default the example columns `input_text` and `output_text`. */
  inputColumn?: string;
  labelColumn?: string;
  /** Text put before every input: a concrete value or a run-time expression, sent as @prompt_prefix. */
  promptPrefix: string;
  /** Text put after every input, sent as @prompt_suffix; omitted when not given. */
  promptSuffix?: string;
}

/**
 * Materialises prompts, one per source row: `prompt` is CONCAT(@prompt_prefix, input[, @prompt_suffix]),
 * `label` the expected output, and `example_id` the hex SHA-256 of the JSON array [input, label, n] where n
 * numbers the rows that repeat that same input and label. So every row is scored once with its own label,
 * a text listed with two labels gives two examples, and the id does not depend on the order rows load in
 * (rows with equal input and label are interchangeable). Rows with a NULL input or label are skipped (the
 * data checks report them).
 */
export function insertPrompts(options: InsertPromptsOptions): Sql {
  const f = 'insertPrompts';
  const c = columns(f, {
    inputColumn: options.inputColumn ?? 'input_text',
    labelColumn: options.labelColumn ?? 'output_text',
  });
  const prefix = stringParam('prompt_prefix', options.promptPrefix);
  const suffix =
    options.promptSuffix === undefined ? sql`` : sql`, ${stringParam('prompt_suffix', options.promptSuffix)}`;
  const p = paths(f, { target: options.target, source: options.source });
  const [input, label] = [c.inputColumn, c.labelColumn];
  return toSql(
    sql`INSERT INTO ${p.target} (example_id, prompt, label)
SELECT TO_HEX(SHA256(TO_JSON_STRING([input_value, label_value, CAST(copy_number AS STRING)]))),
  CONCAT(${prefix}, input_value${suffix}), label_value
FROM (
  SELECT ${input} AS input_value, ${label} AS label_value,
    ROW_NUMBER() OVER (PARTITION BY ${input}, ${label}) AS copy_number
  FROM ${p.source}
  WHERE ${input} IS NOT NULL AND ${label} IS NOT NULL
) AS numbered`,
  );
}
