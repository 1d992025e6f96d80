import { colors as pc } from '../colors';
import { renderFinding } from '../report/summary-table';
import type { CheckItem, CheckReport } from './check-project';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The terminal form of a check report, one finding once each, in the order a run meets them: the
 * config and the workflow's argument validation, the data checks (with the lines they point at), the
 * rest; then the token counts and a last line saying whether the run would fail.
 */
export function renderCheckReport(report: CheckReport): string {
  const out = [`checked ${report.config}: train ${report.rows.train} rows, eval ${report.rows.eval} rows`];
  const line = (item: CheckItem) =>
    `${item.level === 'error' ? pc.red('error') : pc.yellow('warning')}: ${item.message}`;
  const first = (i: CheckItem) => i.check === 'config' || i.check === 'run_arguments';
  out.push(...report.items.filter(first).map(line));
  for (const finding of report.dataChecks) out.push(...renderFinding(finding));
  out.push(...report.items.filter((i) => !first(i) && i.check !== 'data_checks').map(line));
  const { tokens } = report;
  if (tokens.largest !== undefined) {
    const source = tokens.limitSource === 'option' ? '--input-token-limit' : `${tokens.model}, model catalog`;
    const limit = tokens.limit === undefined ? 'no documented limit' : `limit ${tokens.limit} (${source})`;
    out.push(`tokens: longest prompt ${tokens.largest}; ${limit}`);
  }
  for (const note of report.notes) out.push(`note: ${note}`);
  const errors = report.items.filter((i) => i.level === 'error').length;
  const warnings = report.items.length - errors;
  out.push(
    errors > 0
      ? `check: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}: the run would fail`
      : `check: ok${warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''}`,
  );
  return out.join('\n') + '\n';
}
