import { generateOutputColumns, normalizeLabelSql, settingsStruct } from './sql-strings';
import { pathLiteral, quotedPath, type ModelRef, type TableRef } from './identifiers';
import type { Placeholder } from './placeholders';
import { type GenerationSettings } from './generate-text';
import { SqlParts, type Sql } from './sql';

/** The columns a caller's table must have (more are allowed), and what the function returns. */
export const servingFunctionInput = { key: 'id', input: 'input_text' } as const;

/**
 * The function the table function generates with, whichever of the two the champion was evaluated with:
 * Google documents AI.GENERATE_TEXT as ML.GENERATE_TEXT's functionality with simpler column names and
 * recommends it for new queries
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-generate-text). One
 * function means one statement, which is what lets the promotion itself carry it inside Cloud Workflows'
 * source size limit; the model, prompt template and generation settings are the champion's.
 */
export const servingFunctionGenerate = 'AI.GENERATE_TEXT';

export interface ServingFunctionOptions {
  /** `project.dataset.<serving name>`: the name downstream SQL calls. */
  name: TableRef;
  /** The champion. */
  model: ModelRef;
  /** The runs table, and the run that promoted the champion: its prompt template is read at call time. */
  runs: TableRef;
  /** A `{{placeholder}}` of kind runId. */
  championRun: Placeholder;
  settings: GenerationSettings;
}

/**
 * `CREATE OR REPLACE TABLE FUNCTION project.dataset.<serving name>(input_rows TABLE<id STRING, input_text
 * STRING>)`: a stable name for ad-hoc SQL that generates (servingFunctionGenerate) with the serving name's
 * champion, its prompt template (read at call time from the run that promoted it) and its generation
 * settings. Downstream SQL —
 * `SELECT * FROM dataset.medical_specialty(TABLE mydataset.new_notes)` — does not change when the
 * champion does: each promotion, rollback and batch-predict run replaces the function. It returns `id`,
 * `generated_text`, `predicted_label` (normalised), `status` (empty on success) and `model_name`.
 * Table functions with TABLE parameters: https://cloud.google.com/bigquery/docs/table-functions#table_parameters.
 * DDL takes no query parameters, so every run-time value here is a `{{placeholder}}` whose pattern admits
 * no quote: the champion run id is written inside a string literal. DDL that creates a permanent function
 * cannot run inside a multi-statement transaction
 * (https://cloud.google.com/bigquery/docs/transactions#statements_supported_in_transactions), so callers run
 * it as its own statement after the champion change committed.
 */
export function servingFunctionDdl(options: ServingFunctionOptions): Sql {
  const f = 'servingFunctionDdl';
  const parts = new SqlParts();
  const out = generateOutputColumns[servingFunctionGenerate];
  const name = quotedPath(parts, options.name, `${f}.name`);
  const model = quotedPath(parts, options.model, `${f}.model`);
  const modelName = pathLiteral(parts, options.model, `${f}.model`);
  const runs = quotedPath(parts, options.runs, `${f}.runs`);
  if (options.championRun.kind !== 'runId')
    throw new Error(`${f}.championRun: placeholder {{${options.championRun.name}}} is not a runId`);
  const run = `'${parts.placeholder(options.championRun)}'`;
  const struct = settingsStruct(parts, servingFunctionGenerate, options.settings);
  const { key, input } = servingFunctionInput;
  return parts.finish(
    [
      `CREATE OR REPLACE TABLE FUNCTION ${name}(input_rows TABLE<${key} STRING, ${input} STRING>)`,
      `AS (`,
      `  SELECT ${key}, ${out.text} AS generated_text, ${normalizeLabelSql(out.text)} AS predicted_label,`,
      `    COALESCE(${out.status}, '') AS status, ${modelName} AS model_name`,
      `  FROM ${servingFunctionGenerate}(`,
      `    MODEL ${model},`,
      `    (`,
      `      SELECT ${key}, CONCAT(prompt_prefix, ${input}, prompt_suffix) AS prompt`,
      `      FROM input_rows`,
      // Every row of a run records the same config: any one gives the template.
      `      CROSS JOIN (`,
      `        SELECT JSON_VALUE(config, '$.task.promptTemplate.prefix') AS prompt_prefix,`,
      `          COALESCE(JSON_VALUE(config, '$.task.promptTemplate.suffix'), '') AS prompt_suffix`,
      `        FROM ${runs}`,
      `        WHERE run_id = ${run} AND config IS NOT NULL`,
      `        LIMIT 1`,
      `      ) AS template`,
      `    )${struct === undefined ? '' : `,\n    ${struct}`}`,
      `  )`,
      `)`,
    ].join('\n'),
  );
}
