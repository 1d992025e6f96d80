import type { TableRef } from './identifiers';
import { latestScopeRowsQuery } from './latest-scope-rows';
import type { Sql } from './sql';
import { sql } from './sql-template';

/**
 * The confusion counts of every model role in run @run_id (scope `confusion`, metric `count`), from the
 * latest metric write of each role only, so a cell that a later write no longer has does not linger.
 */
export function confusionMatrixQuery(evaluations: TableRef): Sql {
  return latestScopeRowsQuery({
    evaluations,
    scope: 'confusion',
    columns: sql`e.model_role, e.model_name, e.label, e.predicted_label, e.value`,
    where: sql`e.metric = 'count'`,
    orderBy: sql`e.model_role, e.label, e.predicted_label`,
    caller: 'confusionMatrixQuery',
  });
}
