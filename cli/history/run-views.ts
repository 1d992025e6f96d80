import Table from 'cli-table3';
import { colors as pc } from '../colors';
import type { ModelEvaluation, RunSummary } from '../../schemas/types.generated';
import type { LocalRun } from './local-runs';
import type { RecordedRun } from './recorded-runs';

const metricField: Record<string, keyof ModelEvaluation> = {
  macro_f1: 'macroF1',
  micro_f1: 'microF1',
  weighted_f1: 'weightedF1',
  accuracy: 'accuracy',
};

const f = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));

function gateMetric(summary: RunSummary, role: 'baseline' | 'tuned'): number | undefined {
  const metric = summary.gate?.metric;
  const evaluation = summary[role];
  if (metric === undefined || evaluation === undefined) return undefined;
  return evaluation[metricField[metric]] as number;
}

const status = (s: string) => (s === 'succeeded' ? pc.green(s) : s === 'failed' ? pc.red(s) : pc.yellow(s));
const gate = (passed: boolean | null | undefined) =>
  passed === undefined || passed === null ? '—' : passed ? 'passed' : 'rejected';
const yesNo = (b: boolean | null | undefined) => (b === undefined || b === null ? '—' : b ? 'yes' : 'no');

const head = ['run', 'status', 'metric', 'baseline', 'tuned', 'gate', 'deployed', 'when'];
const style = { head: [], border: [], compact: true };

export function localRunsTable(runs: readonly LocalRun[]): string {
  const table = new Table({ head, style });
  for (const { summary: s } of runs) {
    table.push([
      s.runId,
      status(s.status),
      s.gate?.metric ?? '—',
      f(gateMetric(s, 'baseline')),
      f(gateMetric(s, 'tuned')),
      gate(s.gate?.passed),
      yesNo(s.deployed),
      s.startedAt.replace('T', ' ').slice(0, 19),
    ]);
  }
  return table.toString() + '\n';
}

export function recordedRunsTable(runs: readonly RecordedRun[]): string {
  const table = new Table({ head, style });
  for (const r of runs) {
    table.push([
      r.runId,
      status(r.status),
      r.gateMetric ?? '—',
      f(r.baselineMetric),
      f(r.tunedMetric),
      gate(r.gatePassed),
      yesNo(r.deployed),
      r.recordedAt.replace('T', ' ').slice(0, 19),
    ]);
  }
  return table.toString() + '\n';
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
