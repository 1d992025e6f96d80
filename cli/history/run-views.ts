import { colors as pc } from '../colors';
import { renderTable, type Column } from '../text-table';
import type { ModelEvaluation, RunSummary } from '../../schemas/types.generated';
import type { ListedRun, ReconciledLocalRun } from './local-runs';
import { pipelineNames, predictStatus, type LocalPredictRun } from './predict-runs';
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

const status = (s: string) =>
  s === 'succeeded' ? pc.green(s) : s === 'failed' || s === 'abandoned' ? pc.red(s) : pc.yellow(s);
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

/** batch-predict runs have no gate: their own table, under a heading that names the pipeline. */
const predictColumns: Column[] = [
  { header: 'run' },
  { header: 'status' },
  { header: 'serving name', shrink: true },
  { header: 'sent', align: 'right' },
  { header: 'ok', align: 'right' },
  { header: 'started', shrink: true },
];

const when = (iso: string) => iso.replace('T', ' ').slice(0, 16);
const count = (n: number | undefined) => (n === undefined ? '—' : String(n));
const predictHeading = `\n${pipelineNames.predict} runs:\n`;

/**
 * The tuning runs, under them the batch-predict runs (newest first, with `<state-dir>/predictions/`'s
 * runs when given), then what is wrong with each unreadable run folder and why each run without a summary
 * has its status.
 */
export function localRunsTable(
  runs: readonly ListedRun[],
  predictRuns: readonly LocalPredictRun[] = [],
): string {
  const notes: string[] = [];
  let table = renderTable(
    columns,
    runs.map((run) => {
      if ('reason' in run) {
        notes.push(`${run.id}: ${run.reason}\n`);
        const r = run.recorded;
        return [
          run.id,
          status(run.status),
          r?.gateMetric ?? '—',
          f(r?.baselineMetric),
          f(r?.tunedMetric),
          run.startedAt ? when(run.startedAt) : '—',
        ];
      }
      if (!('summary' in run)) {
        notes.push(`${run.id}: ${run.problem}\n`);
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
  if (predictRuns.length > 0) {
    const newest = [...predictRuns].sort(
      (a, b) =>
        (b.summary.startedAt ?? '').localeCompare(a.summary.startedAt ?? '') || b.id.localeCompare(a.id),
    );
    table +=
      predictHeading +
      renderTable(
        predictColumns,
        newest.map(({ summary: s }) => [
          s.runId,
          status(predictStatus(s.state)),
          s.servingName,
          count(s.outcome?.predictions?.pending),
          count(s.outcome?.predictions?.succeeded),
          s.startedAt ? when(s.startedAt) : '—',
        ]),
      );
  }
  return notes.length === 0 ? table : `${table}\n${notes.join('')}`;
}

/** A local run without a summary: its status and why, then what the runs table recorded of it, if anything. */
export function reconciledRunDetails(run: ReconciledLocalRun): string {
  const head = `run ${run.id}: ${status(run.status)}\nwhy: ${run.reason}\n`;
  if (!run.recorded) return head;
  return `${head}runs table, latest row:\n${recordedRunDetails(run.recorded).replace(/^/gm, '  ')}`.replace(
    / +$/,
    '',
  );
}

/** `runs show` of a local predict run: its serving name, champion and row counts, or its error. */
export function localPredictRunDetails(run: LocalPredictRun): string {
  const s = run.summary;
  const p = s.outcome?.predictions;
  const lines = [
    `run ${s.runId}: ${status(predictStatus(s.state))} (${pipelineNames.predict}${s.startedAt ? `, started ${when(s.startedAt)}` : ''})`,
    `serving name: ${s.servingName}`,
  ];
  if (p?.champion) lines.push(`champion: ${p.champion}`);
  if (p)
    lines.push(
      `rows: ${p.sourceRows} in the source, ${p.pending} sent, ${p.succeeded} succeeded, ${p.failed} failed`,
    );
  if (s.out) lines.push(`predictions: ${s.out}`);
  if (s.state !== 'SUCCEEDED' && s.outcome?.message) lines.push(pc.red(`error: ${s.outcome.message}`));
  return lines.join('\n') + '\n';
}

/** The runs table's runs: tuning runs, then batch-predict runs under their heading (no gate metric). */
export function recordedRunsTable(runs: readonly RecordedRun[]): string {
  const predict = runs.filter((r) => r.pipeline === pipelineNames.predict);
  const tune = runs.filter((r) => r.pipeline !== pipelineNames.predict);
  const table = renderTable(
    columns,
    tune.map((r) => [
      r.runId,
      status(r.status),
      r.gateMetric ?? '—',
      f(r.baselineMetric),
      f(r.tunedMetric),
      when(r.recordedAt),
    ]),
  );
  if (predict.length === 0) return table;
  return (
    table +
    predictHeading +
    renderTable(
      [{ header: 'run' }, { header: 'status' }, { header: 'recorded', shrink: true }],
      predict.map((r) => [r.runId, status(r.status), when(r.recordedAt)]),
    )
  );
}

export function recordedRunDetails(r: RecordedRun): string {
  const lines = [
    `run ${r.runId}: ${status(r.status)} (recorded ${r.recordedAt})`,
    `pipeline: ${r.pipeline}`,
    `${r.gateMetric ?? 'metric'}: baseline ${f(r.baselineMetric)}, tuned ${f(r.tunedMetric)}`,
  ];
  if (r.tunedModel) lines.push(`tuned model: ${r.tunedModel}${r.tuningReused ? ' (reused)' : ''}`);
  if (r.gatePassed !== null) lines.push(`gate: ${gate(r.gatePassed)}`);
  for (const reason of r.gateReasons) lines.push(`  - ${reason}`);
  if (r.deployed !== null) lines.push(`deployed: ${yesNo(r.deployed)}`);
  if (r.error) lines.push(pc.red(`error: ${r.error}`));
  return lines.join('\n') + '\n';
}
