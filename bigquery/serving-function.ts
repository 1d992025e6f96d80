import { pathSegments, type ModelRef, type TableRef } from './identifiers';
import { normalizeLabelSql } from './normalize';
import { currentChampionsFragment, type ChampionTables } from './registry';
import type { Placeholder } from './placeholders';
import { generateOutputColumns, settingsStruct, type GenerationSettings } from './generate-text';
import type { Sql } from './sql';
import { bareColumns, indentLines, paths, sql, stringLit, toSql } from './sql-template';

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
  /**
   * The champion tables: the function is replaced only while `model` is what the serving name resolves to
   * (its pointer row, or its latest registry event when it has no pointer row).
   */
  champions: ChampionTables;
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
 * it as its own statement after the champion change committed. That leaves the switches unordered (a
 * delayed one could land after a later promotion's), so the statement is a script whose IF
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/procedural-language#if) replaces the
 * function only while the serving name's champion is `model`: the
 * order is the pointer's. The check reads the champion as `current_champions` does (the pointer row, or
 * for a serving name without one its latest registry event), so a serving name whose champion predates the
 * pointer table is ordered too, and one with no champion is not switched. The check and the DDL are two
 * statements of one script, not one transaction, so a promotion committed between them can still be
 * overwritten; a later switch or re-run corrects that.
 */
export function servingFunctionDdl(options: ServingFunctionOptions): Sql {
  const f = 'servingFunctionDdl';
  const out = generateOutputColumns[servingFunctionGenerate];
  const p = paths(f, { name: options.name, model: options.model, runs: options.runs });
  if (options.championRun.kind !== 'runId')
    throw new Error(`${f}.championRun: placeholder {{${options.championRun.name}}} is not a runId`);
  const run = options.championRun;
  const struct = settingsStruct(f, servingFunctionGenerate, options.settings);
  const key = bareColumns(f, 'key', servingFunctionInput.key);
  const input = bareColumns(f, 'input', servingFunctionInput.input);
  const current = currentChampionsFragment(`${f}.champions`, options.champions);
  const servingName = pathSegments(options.name, `${f}.name`)[2];
  const nameLiteral =
    typeof servingName === 'string' ? stringLit(servingName, `${f}.name`) : sql`'${servingName}'`;
  // Ordered by the champion: a switch that lands after a later promotion's switch changes nothing. Every
  // row of a run records the same config: any one gives the template.
  return toSql(
    sql`IF EXISTS (
  SELECT 1 FROM (
    ${indentLines(current, 4)}
  ) AS current
  WHERE serving_name = ${nameLiteral} AND model_name = ${p.model.literal}
) THEN
CREATE OR REPLACE TABLE FUNCTION ${p.name}(input_rows TABLE<${key} STRING, ${input} STRING>)
AS (
  SELECT ${key}, ${out.text} AS generated_text, ${normalizeLabelSql(out.text)} AS predicted_label,
    COALESCE(${out.status}, '') AS status, ${p.model.literal} AS model_name
  FROM ${out.call}(
    MODEL ${p.model},
    (
      SELECT ${key}, CONCAT(prompt_prefix, ${input}, prompt_suffix) AS prompt
      FROM input_rows
      CROSS JOIN (
        SELECT JSON_VALUE(config, '$.task.promptTemplate.prefix') AS prompt_prefix,
          COALESCE(JSON_VALUE(config, '$.task.promptTemplate.suffix'), '') AS prompt_suffix
        FROM ${p.runs}
        WHERE run_id = '${run}' AND config IS NOT NULL
        LIMIT 1
      ) AS template
    )${struct === undefined ? sql`` : sql`,\n    ${struct}`}
  )
);
END IF`,
    [...p.name.placeholders, ...p.model.placeholders, ...p.runs.placeholders, run],
  );
}
