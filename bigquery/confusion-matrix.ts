import type { TableRef } from './identifiers';
import { latestScopeRowsQuery } from './latest-scope-rows';
import type { Sql } from './sql';

/**
 * The confusion counts of every model role in run @run_id (scope `confusion`, metric `count`), from the
 * latest metric write of each role only, so a cell that a later write no longer has does not linger.
 */
export function confusionMatrixQuery(evaluations: TableRef): Sql {
  return latestScopeRowsQuery({
    evaluations,
    scope: 'confusion',
    columns: 'e.model_role, e.model_name, e.label, e.predicted_label, e.value',
    where: `e.metric = 'count'`,
    orderBy: 'e.model_role, e.label, e.predicted_label',
    caller: 'confusionMatrixQuery',
  });
}
