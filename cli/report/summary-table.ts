import { colors as pc } from '../colors';
import { renderTable, type Column } from '../text-table';
import type {
  DataCheckFinding,
  FindingExample,
  ModelEvaluation,
  RunSummary,
} from '../../schemas/types.generated';
import { metric3 } from '../format';
import { taskTypes } from '../../bigquery/task-types';
import { quoted, showHidden } from '../visible-text';

const f = metric3;
const n = (x: number | undefined) => (x === undefined ? '—' : String(x));

/** A finding's example; runs from before findings carried lines stored the input text alone. */
export const asExample = (e: string | FindingExample): FindingExample =>
  typeof e === 'string' ? { text: e } : e;

/** One finding, printed once: its message, then each example with its value and the lines it is on. */
export function renderFinding(finding: DataCheckFinding): string[] {
  const tag = finding.severity === 'fail' ? pc.red('data check') : pc.yellow('data check (warn)');
  const lines = [`${tag}: ${showHidden(finding.message)}`];
  for (const e of (finding.examples ?? []).map(asExample)) {
    const value = e.text === '' ? '(empty input)' : quoted(e.text);
    const label =
      e.labels && e.labels.length > 0
        ? ` labels ${e.labels.map(quoted).join(' vs ')}`
        : e.with_label
          ? ` output_text ${e.label === null || e.label === undefined ? '(missing)' : quoted(e.label)}`
          : '';
    const where = (e.lines ?? []).map((l) => `${showHidden(l.file)}:${l.line}`).join(', ');
    lines.push(`    ${where ? `${where}: ` : ''}${value}${label}`);
  }
  return lines;
}

/** Classification: precision, recall and F1 per label for each model, then the overall metrics. */
function labelTable(models: [string, ModelEvaluation][]): string {
  const [[, baseline]] = models;
  const tuned = models[models.length - 1][1];
  const metric = (header: string): Column => ({ header, align: 'right' });
  const columns: Column[] = [
    { header: 'label', shrink: true },
    { header: 'n', align: 'right' },
    ...models.flatMap(() => [metric('P'), metric('R'), metric('F1')]),
  ];
  const rows: string[][] = [];
  const labels = [...new Set(models.flatMap(([, m]) => Object.keys(m.perLabel)))].sort();
  for (const label of labels) {
    const b = baseline.perLabel[label];
    const t = tuned.perLabel[label];
    const better = (t?.f1 ?? 0) > (b?.f1 ?? 0);
    rows.push([
      showHidden(label),
      String(t?.support ?? b?.support ?? 0),
      ...models.flatMap(([role, m]) => {
        const p = m.perLabel[label];
        const f1 = role === 'tuned' && better ? pc.green(f(p?.f1)) : f(p?.f1);
        return [f(p?.precision), f(p?.recall), f1];
      }),
    ]);
  }
  const overall = (name: string, value: (m: ModelEvaluation) => string) => [
    name,
    '',
    ...models.flatMap(([, m]) => ['', '', value(m)]),
  ];
  rows.push(
    [],
    overall('macro F1', (m) => f(m.macroF1)),
    overall('micro F1', (m) => f(m.microF1)),
    overall('weighted F1', (m) => f(m.weightedF1)),
    overall('accuracy', (m) => f(m.accuracy)),
    overall('rows succeeded', (m) => f(m.successRate)),
    overall('invalid answers', (m) => n(m.invalidAnswers)),
    overall('failed rows', (m) => n(m.failedRows)),
  );
  const groups = [{ title: '', span: 2 }, ...models.map(([role]) => ({ title: role, span: 3 }))];
  return renderTable(columns, rows, { groups }).trimEnd();
}

/**
 * A free-text task: the overall metrics ML.EVALUATE documents for it (the gate's marked), one column per
 * model, then how many rows succeeded.
 */
function metricTable(models: [string, ModelEvaluation][], metrics: readonly string[], gate?: string): string {
  const columns: Column[] = [
    { header: 'metric', shrink: true },
    ...models.map(([role]): Column => ({ header: role, align: 'right' })),
  ];
  const tuned = models[models.length - 1][1];
  const baseline = models[0][1];
  const rows = metrics.map((name) => {
    const better = (tuned.metrics?.[name] ?? 0) > (baseline.metrics?.[name] ?? 0);
    return [
      name === gate ? `${name} (gate)` : name,
      ...models.map(([role, m]) =>
        role === 'tuned' && better ? pc.green(f(m.metrics?.[name])) : f(m.metrics?.[name]),
      ),
    ];
  });
  rows.push(
    [],
    ['rows succeeded', ...models.map(([, m]) => f(m.successRate))],
    ['failed rows', ...models.map(([, m]) => n(m.failedRows))],
  );
  return renderTable(columns, rows).trimEnd();
}

/**
 * The end-of-run report: for classification metrics per label, for the other tasks the task's overall
 * metrics, of baseline, champion (when there is another one) and tuned; then each data-check finding once, the gate with every reason, and what was deployed. The table fits the
 * terminal (labels are shortened first).
 */
export function renderSummary(
  summary: RunSummary,
  runDir: string,
  options: { snapshot?: boolean } = {},
): string {
  const lines: string[] = [];
  const dataCheckFailure =
    summary.status === 'failed' && summary.dataChecks.some((d) => d.severity === 'fail');
  if (summary.status === 'failed') {
    lines.push(
      pc.red(`✗ run ${summary.runId} failed${summary.error?.step ? ` at ${summary.error.step}` : ''}`),
    );
    // The error of failed data checks only repeats the findings, which follow with their lines.
    if (!dataCheckFailure) lines.push(showHidden(summary.error?.message ?? ''));
  }
  for (const warning of summary.warnings ?? []) lines.push(`${pc.yellow('warning')}: ${showHidden(warning)}`);
  const { baseline, tuned, championEvaluation: champion } = summary;
  if (baseline && tuned) {
    const models: [string, ModelEvaluation][] = [['baseline', baseline]];
    if (champion) models.push(['champion', champion]);
    models.push(['tuned', tuned]);
    const task = summary.task ?? 'classification';
    lines.push(
      task === 'classification'
        ? labelTable(models)
        : metricTable(models, taskTypes[task].reported, summary.gate?.metric),
    );
    for (const [role, m] of models) lines.push(`${`${role}:`.padEnd(10)}${m.model}`);
  }
  if (summary.tuning) {
    lines.push(
      summary.tuning.reused
        ? `tuning: reused the finished tuning of ${summary.tuning.model}; nothing was tuned this run`
        : `tuning: tuned ${summary.tuning.model}`,
    );
  }
  for (const finding of summary.dataChecks) lines.push(...renderFinding(finding));
  if (summary.gate) {
    const verdict = summary.gate.passed ? pc.green('passed') : pc.red('rejected');
    lines.push(`gate (${summary.gate.metric}): ${verdict}`);
    for (const reason of summary.gate.reasons) lines.push(`  - ${showHidden(reason)}`);
  }
  if (summary.status !== 'failed') {
    lines.push(
      summary.deployed
        ? pc.green(
            `deployed: ${summary.champion?.after} is now the champion (was ${summary.champion?.before ?? 'none'})`,
          )
        : `deployed: nothing; the champion is still ${summary.champion?.before ?? 'none'}`,
    );
    if (summary.servingFunctionError) {
      lines.push(
        pc.yellow(
          `warning: ${summary.servingFunctionError} (bqtune champion NAME --switch-function replaces it)`,
        ),
      );
    }
  }
  lines.push(`model invocations: ${summary.modelInvocations}`);
  lines.push(`summary: ${runDir}/summary.json`);
  if (summary.dataChecks.length > 0) lines.push(`data-check findings: ${runDir}/findings.json`);
  if (options.snapshot) lines.push(`warehouse: ${runDir}/warehouse.duckdb`);
  return lines.join('\n') + '\n';
}
