import {
  bindSql,
  championRunQuery,
  championsTable,
  placeholder,
  registryTable,
  runsTable,
  servingFunctionDdl,
} from '../../bigquery';
import type { PipelineWarehouse } from './warehouse';

/**
 * Replaces the serving name's table function (servingFunctionDdl) with one over `model`, using the prompt
 * template and generation settings of the run that promoted it: what a rollback does after it lands, as a
 * promotion does in the pipeline. Throws when no run of this dataset promoted the model.
 */
export async function switchServingFunction(
  warehouse: PipelineWarehouse,
  servingName: string,
  model: string,
): Promise<void> {
  const at = (table: string) => ({ project: warehouse.project, dataset: warehouse.dataset, table });
  const found = await warehouse.query(championRunQuery(at(runsTable.id)), { model_name: model });
  const row = found.rows[0];
  if (row === undefined) throw new Error(`no run in the runs table promoted ${model}`);
  const config = JSON.parse(String(row.config)) as {
    model: {
      generation: { maxOutputTokens: number; temperature: number; topP: number };
    };
  };
  const g = config.model.generation;
  const ddl = servingFunctionDdl({
    name: at(servingName),
    model: { project: warehouse.project, dataset: warehouse.dataset, model: model.split('.').pop()! },
    runs: at(runsTable.id),
    champions: { champions: at(championsTable.id), registry: at(registryTable.id) },
    championRun: placeholder('champion_run', 'runId'),
    settings: { maxOutputTokens: g.maxOutputTokens, temperature: g.temperature, topP: g.topP },
  });
  await warehouse.query(bindSql(ddl, { champion_run: String(row.run_id) }));
}
