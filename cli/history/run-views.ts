import { colors as pc } from '../colors';
import { renderTable, type Column } from '../text-table';
import type { ModelEvaluation, RunSummary } from '../../schemas/types.generated';
import type { LocalRunEntry } from './local-runs';
import type { RecordedRun } from './recorded-runs';
import { metric3 } from '../format';

const metricField: Record<string, keyof ModelEvaluation> = {
  macro_f1: 'macroF1',
  micro_f1: 'microF1',
  weighted_f1: 'weightedF1',
  accuracy: 'accuracy',
};

const f = metric3;

function gateMetric(summary: RunSummary, role: 'baseline' | 'tuned'): number | undefined {
  const metric = summary.gate?.metric;
  const evaluation = summary[role];
  if (metric === undefined || evaluation === undefined) return undefined;
  // Every metric by its name; summaries from before the free-text tasks only have the F1 fields.
  return evaluation.metrics?.[metric] ?? (evaluation[metricField[metric]] as number | undefined);
}

const status = (s: string) => (s === 'succeeded' ? pc.green(s) : s === 'failed' ? pc.red(s) : pc.yellow(s));
const gate = (passed: boolean | null | undefined) =>
  passed === undefined || passed === null ? '—' : passed ? 'passed' : 'rejected';
const yesNo = (b: boolean | null | undefined) => (b === undefined || b === null ? '—' : b ? 'yes' : 'no');

/**
 * The status says what the gate decided (succeeded = passed, rejected = not); `runs show` and `--json`
 * give the rest. Fits 80 columns with run ids of the default form.
 */
const columns: Column[] = [
  { header: 'run' },
  { header: 'status' },
  { header: 'metric', shrink: true },
  { header: 'base', align: 'right' },
  { header: 'tuned', align: 'right' },
  { header: 'started', shrink: true },
];

const when = (iso: string) => iso.replace('T', ' ').slice(0, 16);

/** The runs, and under the table what is wrong with each unreadable run folder. */
export function localRunsTable(runs: readonly LocalRunEntry[]): string {
  const problems: string[] = [];
  const table = renderTable(
    columns,
    runs.map((run) => {
      if (!('summary' in run)) {
        problems.push(`${run.id}: ${run.problem}\n`);
        return [run.id, pc.red('unreadable'), '—', '—', '—', '—'];
      }
      const s = run.summary;
      return [
        s.runId,
        status(s.status),
        s.gate?.metric ?? '—',
        f(gateMetric(s, 'baseline')),
        f(gateMetric(s, 'tuned')),
        when(s.startedAt),
      ];
    }),
  );
  return problems.length === 0 ? table : `${table}\n${problems.join('')}`;
}

export function recordedRunsTable(runs: readonly RecordedRun[]): string {
  return renderTable(
    columns,
    runs.map((r) => [
      r.runId,
      status(r.status),
      r.gateMetric ?? '—',
      f(r.baselineMetric),
      f(r.tunedMetric),
      when(r.recordedAt),
    ]),
  );
}

export function recordedRunDetails(r: RecordedRun): string {
  const lines = [
    `run ${r.runId}: ${status(r.status)} (recorded ${r.recordedAt})`,
    `${r.gateMetric ?? 'metric'}: baseline ${f(r.baselineMetric)}, tuned ${f(r.tunedMetric)}`,
  ];
  if (r.tunedModel) lines.push(`tuned model: ${r.tunedModel}${r.tuningReused ? ' (reused)' : ''}`);
  if (r.gatePassed !== null) lines.push(`gate: ${gate(r.gatePassed)}`);
  for (const reason of r.gateReasons) lines.push(`  - ${reason}`);
  if (r.deployed !== null) lines.push(`deployed: ${yesNo(r.deployed)}`);
  if (r.error) lines.push(pc.red(`error: ${r.error}`));
  return lines.join('\n') + '\n';
}
