import { colors as pc } from '../colors';
import { renderTable, type Column } from '../text-table';
import type { RunSummary } from '../../schemas/types.generated';

const f = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(3));

/** The end-of-run report: metrics per label for baseline and tuned, then the gate and what was deployed. */
export function renderSummary(
  summary: RunSummary,
  runDir: string,
  options: { snapshot?: boolean } = {},
): string {
  const lines: string[] = [];
  if (summary.status === 'failed') {
    lines.push(
      pc.red(`✗ run ${summary.runId} failed${summary.error?.step ? ` at ${summary.error.step}` : ''}`),
    );
    lines.push(summary.error?.message ?? '');
  }
  const { baseline, tuned } = summary;
  if (baseline && tuned) {
    const metric = (header: string): Column => ({ header, align: 'right' });
    const columns: Column[] = [
      { header: 'label', shrink: true },
      { header: 'n', align: 'right' },
      metric('P'),
      metric('R'),
      metric('F1'),
      metric('P'),
      metric('R'),
      metric('F1'),
    ];
    const rows: string[][] = [];
    const labels = [...new Set([...Object.keys(baseline.perLabel), ...Object.keys(tuned.perLabel)])].sort();
    for (const label of labels) {
      const b = baseline.perLabel[label];
      const t = tuned.perLabel[label];
      const better = (t?.f1 ?? 0) > (b?.f1 ?? 0);
      rows.push([
        label,
        String(t?.support ?? b?.support ?? 0),
        f(b?.precision),
        f(b?.recall),
        f(b?.f1),
        f(t?.precision),
        f(t?.recall),
        better ? pc.green(f(t?.f1)) : f(t?.f1),
      ]);
    }
    rows.push(
      [],
      ['macro F1', '', '', '', f(baseline.macroF1), '', '', f(tuned.macroF1)],
      ['micro F1', '', '', '', f(baseline.microF1), '', '', f(tuned.microF1)],
      ['weighted F1', '', '', '', f(baseline.weightedF1), '', '', f(tuned.weightedF1)],
      ['accuracy', '', '', '', f(baseline.accuracy), '', '', f(tuned.accuracy)],
      ['rows succeeded', '', '', '', f(baseline.successRate), '', '', f(tuned.successRate)],
    );
    const groups = [
      { title: '', span: 2 },
      { title: 'baseline', span: 3 },
      { title: 'tuned', span: 3 },
    ];
    lines.push(renderTable(columns, rows, { groups }).trimEnd());
    lines.push(`baseline: ${baseline.model}`);
    lines.push(`tuned:    ${tuned.model}`);
  }
  if (summary.tuning) {
    lines.push(
      summary.tuning.reused
        ? `tuning: reused the finished tuning of ${summary.tuning.model}; nothing was tuned this run`
        : `tuning: tuned ${summary.tuning.model}`,
    );
  }
  for (const finding of summary.dataChecks) {
    lines.push(
      `${finding.severity === 'fail' ? pc.red('data check') : pc.yellow('data check')}: ${finding.message}`,
    );
  }
  if (summary.gate) {
    const verdict = summary.gate.passed ? pc.green('passed') : pc.red('rejected');
    lines.push(`gate (${summary.gate.metric}): ${verdict}`);
    for (const reason of summary.gate.reasons) lines.push(`  - ${reason}`);
  }
  if (summary.status !== 'failed') {
    lines.push(
      summary.deployed
        ? pc.green(
            `deployed: ${summary.champion?.after} is now the champion (was ${summary.champion?.before ?? 'none'})`,
          )
        : `deployed: nothing; the champion is still ${summary.champion?.before ?? 'none'}`,
    );
  }
  lines.push(`model invocations: ${summary.modelInvocations}`);
  lines.push(`summary: ${runDir}/summary.json`);
  if (options.snapshot) lines.push(`warehouse: ${runDir}/warehouse.duckdb`);
  return lines.join('\n') + '\n';
}
