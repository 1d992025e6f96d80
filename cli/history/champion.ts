import { randomUUID } from 'node:crypto';
import {
  changeChampionScript,
  championChangeQuery,
  championQuery,
  championsTable,
  registryHistoryQuery,
  registryTable,
  servingNamesQuery,
} from '../../bigquery';
import type { PipelineWarehouse } from './warehouse';
import { switchServingFunction } from './serving-function';

export interface RegistryEvent {
  event: string;
  model: string;
  previous: string | null;
  runId: string | null;
  metric: string | null;
  metricValue: number | null;
  recordedAt: string;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** BigQuery's client gives TIMESTAMP as `{ value }`, DuckDB as a string. */
function timestamp(v: unknown): string {
  if (v && typeof v === 'object' && 'value' in v) return String((v as { value: unknown }).value);
  return String(v);
}

/** The registry events of a serving name, oldest first. */
export async function championHistory(
  warehouse: PipelineWarehouse,
  servingName: string,
): Promise<RegistryEvent[]> {
  const sql = registryHistoryQuery({
    project: warehouse.project,
    dataset: warehouse.dataset,
    table: registryTable.id,
  });
  const { rows } = await warehouse.query(sql, { serving_name: servingName });
  return rows.map((row) => ({
    event: String(row.event),
    model: String(row.model_name),
    previous: text(row.previous_model),
    runId: text(row.run_id),
    metric: text(row.metric),
    metricValue:
      row.metric_value === null || row.metric_value === undefined ? null : Number(row.metric_value),
    recordedAt: timestamp(row.recorded_at),
  }));
}

/**
 * The champions still standing after the history, oldest first: a promote stacks its model, a rollback
 * unstacks the champion it replaced. The last entry is the current champion.
 */
export function championLineage(events: readonly RegistryEvent[]): string[] {
  const stack: string[] = [];
  for (const e of events) {
    if (e.event === 'rollback') {
      while (stack.length > 0 && stack[stack.length - 1] !== e.model) stack.pop();
      if (stack.length === 0) stack.push(e.model);
    } else stack.push(e.model);
  }
  return stack;
}

export interface Rollback {
  from: string;
  to: string;
  /** Why the serving name's table function could not be switched to `to`, if it could not. */
  servingFunctionError?: string;
}

const championTables = (warehouse: PipelineWarehouse) => {
  const table = (id: string) => ({ project: warehouse.project, dataset: warehouse.dataset, table: id });
  return { champions: table(championsTable.id), registry: table(registryTable.id) };
};

/** The model a serving name resolves to now, read as `current_champions` reads it; undefined when none. */
export async function currentChampion(
  warehouse: PipelineWarehouse,
  servingName: string,
): Promise<string | undefined> {
  const current = await warehouse.query(championQuery(championTables(warehouse)), {
    serving_name: servingName,
  });
  return current.rows.length > 0 ? String(current.rows[0].model_name) : undefined;
}

/**
 * The serving name a command means when none is given: the only one that has a champion. Errors: none has
 * one yet, or several do (named, so the user can choose).
 */
export async function onlyServingName(warehouse: PipelineWarehouse): Promise<string> {
  const { rows } = await warehouse.query(servingNamesQuery(championTables(warehouse)));
  const names = rows.map((r) => String(r.serving_name));
  if (names.length === 1) return names[0];
  if (names.length === 0)
    throw new Error('no serving name has a champion yet: run `bqtune run` until a model is promoted');
  throw new Error(`several serving names have a champion (${names.join(', ')}): name one`);
}

/** Attempts of a rollback whose transaction BigQuery cancelled for a concurrent update of the champions. */
const maxAttempts = 5;

const isConcurrentUpdate = (error: unknown): boolean =>
  error instanceof Error && /concurrent update against table/.test(error.message);

/**
 * Makes the champion before the current one the champion again, the way the pipeline promotes: one
 * transaction moves the serving name's pointer only if it still holds the current champion and appends a
 * `rollback` event (bigquery/registry.ts). A cancellation for a concurrent update is retried; a promotion
 * that landed in between makes the rollback fail instead of silently undoing it.
 */
export async function rollbackChampion(warehouse: PipelineWarehouse, servingName: string): Promise<Rollback> {
  const tables = championTables(warehouse);
  const events = await championHistory(warehouse, servingName);
  const lineage = championLineage(events);
  const from = await currentChampion(warehouse, servingName);
  if (from === undefined) throw new Error(`serving name ${servingName} has no champion to roll back`);
  const standing = lineage.lastIndexOf(from);
  const to = standing > 0 ? lineage[standing - 1] : undefined;
  if (to === undefined) {
    throw new Error(`serving name ${servingName} has no earlier champion than ${from} to roll back to`);
  }
  const promotedTo = [...events].reverse().find((e) => e.model === to && e.event === 'promote');
  const eventId = `rollback_${randomUUID().replace(/-/g, '')}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await warehouse.query(changeChampionScript(tables), {
        serving_name: servingName,
        event: 'rollback',
        model_name: to,
        expected_previous: from,
        event_id: eventId,
        run_id: '',
        metric: promotedTo?.metric ?? '',
        metric_value: promotedTo?.metricValue ?? 0,
      });
      break;
    } catch (error) {
      if (!isConcurrentUpdate(error) || attempt >= maxAttempts) throw error;
    }
  }
  const landed = await warehouse.query(championChangeQuery(tables.registry), { event_id: eventId });
  if (Number(landed.rows[0]?.changed) !== 1) {
    throw new Error(
      `the champion of ${servingName} changed while rolling back (it is no longer ${from}); run the command again`,
    );
  }
  // The stable name follows the champion. DDL cannot run inside the transaction above, so a failure here
  // leaves the rollback in place and is reported; `champion --switch-function` or the next batch-predict
  // run switches the function.
  let servingFunctionError: string | undefined;
  try {
    await switchServingFunction(warehouse, servingName, to);
  } catch (error) {
    servingFunctionError = (error as Error).message;
  }
  return { from, to, ...(servingFunctionError ? { servingFunctionError } : {}) };
}
