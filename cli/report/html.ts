import type { FindingExample, ModelEvaluation, RunSummary } from '../../schemas/types.generated';
import type { ChangedRow, ConfusionCell, DistributionCell, ReportData, SideBySideRow } from './data';
import { isTextTask, taskTypes } from '../../bigquery/task-types';
import { stagingTableHours } from '../../bigquery/table-expiration';
import { escapeXml as x } from './escape';
import { groupedBarChart } from './svg-chart';
import { asExample } from './summary-table';
import { reportStyle } from './style';
import { retirementNote } from '../../bigquery/model-catalog';
import { metric3, signedMetric3 } from '../format';

const colors = { baseline: '#94a3b8', tuned: '#2563eb' };
const f3 = metric3;

function section(id: string, title: string, body: string): string {
  return `<section id="${id}">\n<h2>${x(title)}</h2>\n${body}\n</section>`;
}

function statusBadge(status: RunSummary['status']): string {
  return `<span class="badge ${status}">${status}</span>`;
}

function header(summary: RunSummary, name: string): string {
  const seconds = (Date.parse(summary.finishedAt) - Date.parse(summary.startedAt)) / 1000;
  return [
    `<header>`,
    `<p class="eyebrow">bqtune evaluation report · ${x(name)}</p>`,
    `<h1>Run ${x(summary.runId)} ${statusBadge(summary.status)}</h1>`,
    `<p class="meta">started ${x(summary.startedAt.replace('T', ' ').replace('Z', ' UTC'))} · took ${seconds.toFixed(1)} s · ${summary.modelInvocations} model invocations</p>`,
    `</header>`,
  ].join('\n');
}

function gateSection(summary: RunSummary): string {
  if (summary.status === 'failed') {
    const step = summary.error?.step ? ` at <code>${x(summary.error.step)}</code>` : '';
    return section(
      'gate',
      'Outcome',
      `<div class="callout fail"><strong>The run failed${step}.</strong><p>${x(summary.error?.message ?? '')}</p></div>`,
    );
  }
  const gate = summary.gate;
  const passed = gate?.passed === true;
  const champion = summary.champion;
  const deployed = summary.deployed
    ? `<strong>${x(champion?.after ?? '')}</strong> is now the champion (was ${x(champion?.before ?? 'none')}).`
    : `Nothing was deployed; the champion is still ${x(champion?.before ?? 'none')}.`;
  const reasons = (gate?.reasons ?? []).map((r) => `<li>${x(r)}</li>`).join('');
  const tuning = summary.tuning
    ? `<p class="meta">Tuned model <code>${x(summary.tuning.model)}</code>${summary.tuning.reused ? ' (reused from an earlier run; nothing was tuned)' : ''}.</p>`
    : '';
  return section(
    'gate',
    'Gate decision',
    [
      `<div class="callout ${passed ? 'pass' : 'fail'}">`,
      `<strong>${passed ? 'Passed' : 'Rejected'}</strong> on <code>${x(gate?.metric ?? '')}</code>. ${deployed}`,
      `<ul class="reasons">${reasons}</ul>`,
      `</div>`,
      tuning,
    ].join('\n'),
  );
}

/**
 * The overall-metrics section of either kind of task: a table with one row per metric (`rows`: `<tr>`s whose
 * cells are baseline, champion when there is one, tuned and the change), the models compared, and a paragraph
 * saying how the metrics were computed.
 */
function overallMetricsSection(summary: RunSummary, rows: string, explanation: string): string {
  const { baseline, tuned, championEvaluation: champion } = summary as Required<RunSummary>;
  return section(
    'metrics',
    'Overall metrics',
    [
      `<table class="metrics"><thead><tr><th></th><th>baseline</th>${champion ? '<th>champion</th>' : ''}<th>tuned</th><th>change</th></tr></thead><tbody>`,
      rows,
      `</tbody></table>`,
      `<p class="meta">baseline <code>${x(baseline.model)}</code>${champion ? ` · champion <code>${x(champion.model)}</code>` : ''} · tuned <code>${x(tuned.model)}</code></p>`,
      explanation,
    ].join('\n'),
  );
}

/**
 * One row of the overall-metrics table: the metric's value for baseline, champion (when there is one) and
 * tuned, three decimals (a count as it is, `—` when absent), then tuned minus baseline, marked up or down
 * (not for counts).
 */
function metricRow(
  summary: RunSummary,
  name: string,
  gate: boolean,
  value: (m: ModelEvaluation) => number | undefined,
  count: boolean,
): string {
  const { baseline, tuned, championEvaluation: champion } = summary as Required<RunSummary>;
  const models = [baseline, ...(champion ? [champion] : []), tuned];
  const shown = (m: ModelEvaluation) => {
    const v = value(m);
    return v === undefined ? '—' : count ? String(v) : f3(v);
  };
  const delta = (value(tuned) ?? 0) - (value(baseline) ?? 0);
  const cls = count ? '' : delta > 0.0005 ? 'up' : delta < -0.0005 ? 'down' : '';
  return `<tr${gate ? ' class="gate-metric"' : ''}><th scope="row">${x(name)}${gate ? ' <span class="tag">gate</span>' : ''}</th>${models.map((m) => `<td>${shown(m)}</td>`).join('')}<td class="${cls}">${count ? `${delta >= 0 ? '+' : ''}${delta}` : signedMetric3(delta)}</td></tr>`;
}

function metricsSection(summary: RunSummary, gateMetric?: string): string {
  const rows: [string, string, keyof ModelEvaluation][] = [
    ['macro_f1', 'macro F1', 'macroF1'],
    ['micro_f1', 'micro F1', 'microF1'],
    ['weighted_f1', 'weighted F1', 'weightedF1'],
    ['accuracy', 'accuracy', 'accuracy'],
    ['success_rate', 'rows succeeded', 'successRate'],
    ['invalid_answers', 'invalid answers', 'invalidAnswers'],
    ['failed_rows', 'failed rows', 'failedRows'],
  ];
  const counts = (field: keyof ModelEvaluation) => field === 'invalidAnswers' || field === 'failedRows';
  const number = (field: keyof ModelEvaluation) => (m: ModelEvaluation) => {
    const value = m[field];
    return typeof value === 'number' ? value : undefined;
  };
  const body = rows
    .map(([key, name, field]) => metricRow(summary, name, key === gateMetric, number(field), counts(field)))
    .join('\n');
  return overallMetricsSection(
    summary,
    body,
    `<p class="meta">Every model is scored on the same eval rows, each once with its own label. A row whose generation failed after every retry counts as a wrong answer, and so does an answer outside the label set (an invalid answer). Accuracy is correct rows over all rows; micro F1 combines that recall with micro precision, correct rows over answers inside the label set, so the two differ exactly when some answers were invalid or failed. Macro F1 averages the labels' F1 over the whole label set, labels without eval rows included (support 0).</p>`,
  );
}

/** A free-text task's overall metrics: the ones ML.EVALUATE documents for it, then the rows that failed. */
function textMetricsSection(summary: RunSummary, metrics: readonly string[], gateMetric?: string): string {
  const row = (name: string, value: (m: ModelEvaluation) => number | undefined, count = false) =>
    metricRow(summary, name, name === gateMetric, value, count);
  const body = [
    ...metrics.map((name) => row(name, (m) => m.metrics?.[name])),
    row('rows succeeded', (m) => m.successRate),
    row('failed rows', (m) => m.failedRows, true),
  ].join('\n');
  return overallMetricsSection(
    summary,
    body,
    `<p class="meta">Means over every eval row, under ML.EVALUATE's names. BLEU-4 is sentence BLEU with add-one smoothing of the 2- to 4-gram precisions; ROUGE-L precision, recall and F1 come from the longest common subsequence of words; exact match compares the normalised texts. A row whose generation failed after every retry scores 0 and still counts, so every model is scored on the same rows.</p>`,
  );
}

/** How the rows of a free-text task spread over the metric's ten buckets, per model. */
function distributionSection(
  metric: string,
  baseline: DistributionCell[],
  tuned: DistributionCell[],
): string {
  const buckets = [...new Set([...baseline, ...tuned].map((c) => c.bucket))].sort();
  const rows = (cells: DistributionCell[], bucket: string) =>
    cells.find((c) => c.bucket === bucket)?.rows ?? 0;
  const total = (cells: DistributionCell[]) =>
    Math.max(
      1,
      cells.reduce((sum, c) => sum + c.rows, 0),
    );
  const chart = groupedBarChart({
    title: `Share of eval rows per ${metric} bucket, baseline vs tuned`,
    categories: buckets,
    series: [
      {
        name: 'baseline',
        color: colors.baseline,
        values: buckets.map((b) => rows(baseline, b) / total(baseline)),
      },
      { name: 'tuned', color: colors.tuned, values: buckets.map((b) => rows(tuned, b) / total(tuned)) },
    ],
    valueLabel: 'share of rows',
  });
  const table = buckets
    .map(
      (b) => `<tr><th scope="row">${x(b)}</th><td>${rows(baseline, b)}</td><td>${rows(tuned, b)}</td></tr>`,
    )
    .join('\n');
  return section(
    'distribution',
    `Distribution of ${metric}`,
    [
      `<figure class="chart-frame">${chart}</figure>`,
      `<details><summary>Rows per bucket</summary>`,
      `<table class="per-label"><thead><tr><th>${x(metric)}</th><th>baseline rows</th><th>tuned rows</th></tr></thead><tbody>`,
      table,
      `</tbody></table></details>`,
    ].join('\n'),
  );
}

function sideBySideTable(kind: 'gain' | 'loss', rows: SideBySideRow[], metric: string): string {
  const text = (t: string | null) =>
    t === null
      ? '<em>(failed)</em>'
      : t === ''
        ? '<em>(empty output)</em>'
        : `<div class="text">${x(t)}</div>`;
  const body = rows
    .map((r) => {
      const delta = r.tunedScore - r.baselineScore;
      return `<tr class="${kind === 'gain' ? 'fixed' : 'broken'}" data-example="${x(r.exampleId)}"><td class="input"><div class="text">${x(r.input)}</div></td><td><div class="text">${x(r.reference)}</div></td><td>${text(r.baselineText)}<br><span class="meta">${f3(r.baselineScore)}</span></td><td>${text(r.tunedText)}<br><span class="meta">${f3(r.tunedScore)}</span></td><td class="${kind === 'gain' ? 'up' : 'down'}">${signedMetric3(delta)}</td></tr>`;
    })
    .join('\n');
  return [
    `<h3>${kind === 'gain' ? 'Largest gains' : 'Largest losses'} (${rows.length})</h3>`,
    rows.length === 0
      ? `<p class="meta">No eval row ${kind === 'gain' ? 'gained' : 'lost'} on ${x(metric)}.</p>`
      : `<table class="changed side-by-side"><thead><tr><th>input</th><th>reference</th><th>baseline output</th><th>tuned output</th><th>Δ ${x(metric)}</th></tr></thead><tbody>${body}</tbody></table>`,
  ].join('\n');
}

/** The one line a report shows where the run's example rows would be, once they have expired. */
export const examplesExpiredLine = `<p class="meta">The run's example rows have expired (its staging tables are kept ${stagingTableHours} hours), so they cannot be shown.</p>`;

function sideBySideSection(data: ReportData): string {
  const metric = data.exampleMetric ?? '';
  if (data.examplesExpired) return section('examples', 'Examples side by side', examplesExpiredLine);
  return section(
    'examples',
    'Examples side by side',
    [
      `<p class="meta">The eval rows whose tuned answer changed ${x(metric)} most against the baseline's, each row scored as the metrics are (ties by example id). Regressions are what a reviewer must look at.</p>`,
      sideBySideTable('loss', data.examples.losses, metric),
      sideBySideTable('gain', data.examples.gains, metric),
    ].join('\n'),
  );
}

function perLabelSection(
  labels: string[],
  baseline: ModelEvaluation,
  tuned: ModelEvaluation,
  champion?: ModelEvaluation,
): string {
  const known = labels.filter((l) => l in baseline.perLabel || l in tuned.perLabel);
  const extra = [...new Set([...Object.keys(baseline.perLabel), ...Object.keys(tuned.perLabel)])]
    .filter((l) => !known.includes(l))
    .sort();
  const all = [...known, ...extra];
  const chart = groupedBarChart({
    title: 'F1 per label, baseline vs tuned',
    categories: all,
    series: [
      { name: 'baseline', color: colors.baseline, values: all.map((l) => baseline.perLabel[l]?.f1 ?? null) },
      { name: 'tuned', color: colors.tuned, values: all.map((l) => tuned.perLabel[l]?.f1 ?? null) },
    ],
    valueLabel: 'F1',
  });
  const rows = all
    .map((l) => {
      const b = baseline.perLabel[l];
      const t = tuned.perLabel[l];
      const delta = (t?.f1 ?? 0) - (b?.f1 ?? 0);
      const cls = delta > 0.0005 ? 'up' : delta < -0.0005 ? 'down' : '';
      const c = champion ? `<td>${f3(champion.perLabel[l]?.f1)}</td>` : '';
      return `<tr><th scope="row">${x(l)}</th><td>${t?.support ?? b?.support ?? 0}</td><td>${f3(b?.precision)}</td><td>${f3(b?.recall)}</td><td>${f3(b?.f1)}</td>${c}<td>${f3(t?.precision)}</td><td>${f3(t?.recall)}</td><td>${f3(t?.f1)}</td><td class="${cls}">${signedMetric3(delta)}</td></tr>`;
    })
    .join('\n');
  return section(
    'per-label',
    'F1 per label',
    [
      `<figure class="chart-frame">${chart}</figure>`,
      `<details><summary>Precision, recall and F1 per label</summary>`,
      `<table class="per-label"><thead><tr><th>label</th><th>support</th><th>baseline P</th><th>baseline R</th><th>baseline F1</th>${champion ? '<th>champion F1</th>' : ''}<th>tuned P</th><th>tuned R</th><th>tuned F1</th><th>ΔF1</th></tr></thead><tbody>`,
      rows,
      `</tbody></table></details>`,
    ].join('\n'),
  );
}

const none = '(no label)';

function confusionTable(role: string, labels: string[], cells: ConfusionCell[]): string {
  const expected = [...labels];
  const predicted = [...labels];
  for (const c of cells) {
    if (!expected.includes(c.expected)) expected.push(c.expected);
    const p = c.predicted ?? none;
    if (!predicted.includes(p)) predicted.push(p);
  }
  const count = new Map(cells.map((c) => [`${c.expected}\u0000${c.predicted ?? none}`, c.count]));
  const max = Math.max(1, ...cells.map((c) => c.count));
  const head = predicted.map((p) => `<th class="col"><span>${x(p)}</span></th>`).join('');
  const rows = expected
    .map((e) => {
      const tds = predicted
        .map((p) => {
          const n = count.get(`${e}\u0000${p}`) ?? 0;
          const alpha = n === 0 ? 0 : 0.12 + 0.78 * (n / max);
          const hue = e === p ? '37, 99, 235' : '220, 38, 38';
          const style =
            n === 0
              ? ''
              : ` style="background: rgba(${hue}, ${alpha.toFixed(2)})${alpha > 0.55 ? '; color: #fff' : ''}"`;
          return `<td${e === p ? ' class="diag"' : ''}${style}>${n === 0 ? '' : n}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${x(e)}</th>${tds}</tr>`;
    })
    .join('\n');
  return [
    `<div class="confusion-block"><h3>${x(role)}</h3>`,
    `<div class="scroll"><table class="confusion" data-model="${x(role)}">`,
    `<thead><tr><th class="corner">expected ↓ · predicted →</th>${head}</tr></thead>`,
    `<tbody>${rows}</tbody></table></div></div>`,
  ].join('\n');
}

function confusionSection(data: ReportData): string {
  return section(
    'confusion',
    'Confusion matrices',
    [
      `<p class="meta">Rows are the expected label, columns the predicted one; blue cells are correct, red cells are mistakes, darker means more rows.</p>`,
      confusionTable('baseline', data.labels, data.confusion.baseline),
      confusionTable('tuned', data.labels, data.confusion.tuned),
    ].join('\n'),
  );
}

function changeKind(r: ChangedRow): { cls: string; text: string } {
  if (r.tuned === r.expected) return { cls: 'fixed', text: 'fixed' };
  if (r.baseline === r.expected) return { cls: 'broken', text: 'regressed' };
  return { cls: 'changed', text: 'still wrong' };
}

/**
 * The first `limit` user-perceived characters of `text` and an ellipsis when there are more: cut between
 * grapheme clusters (Unicode UAX #29), never inside a surrogate pair, an emoji sequence or before a
 * combining mark.
 */
function shortened(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)];
  return graphemes.length > limit
    ? `${graphemes
        .slice(0, limit)
        .map((g) => g.segment)
        .join('')}…`
    : text;
}

function changedSection(rows: ChangedRow[], expired: boolean): string {
  if (expired) return section('changed', 'Predictions that changed', examplesExpiredLine);
  if (rows.length === 0) {
    return section('changed', 'Predictions that changed', '<p>No eval row changed its prediction.</p>');
  }
  const counts = { fixed: 0, broken: 0, changed: 0 };
  // Regressions first: they are what a reviewer must look at.
  const order = { broken: 0, fixed: 1, changed: 2 };
  const kinds = rows.map((r) => ({ r, kind: changeKind(r) }));
  kinds.sort((a, b) => order[a.kind.cls as keyof typeof order] - order[b.kind.cls as keyof typeof order]);
  const predicted = (label: string | null, text: string | null, expected: string) =>
    `<td class="${label === expected ? 'right' : 'wrong'}" title="${x(text ?? '')}">${x(label ?? none)}</td>`;
  const body = kinds
    .map(({ r, kind }) => {
      counts[kind.cls as keyof typeof counts]++;
      const input = shortened(r.input, 220);
      return `<tr class="${kind.cls}"><td><span class="pill ${kind.cls}">${kind.text}</span></td><td class="input" title="${x(r.input)}">${x(input)}</td><td>${x(r.expected)}</td>${predicted(r.baseline, r.baselineText, r.expected)}${predicted(r.tuned, r.tunedText, r.expected)}</tr>`;
    })
    .join('\n');
  return section(
    'changed',
    'Predictions that changed',
    [
      `<p class="meta">${rows.length} eval rows changed their predicted label: ${counts.fixed} fixed, ${counts.broken} regressed, ${counts.changed} still wrong.</p>`,
      `<table class="changed"><thead><tr><th></th><th>input</th><th>expected</th><th>baseline</th><th>tuned</th></tr></thead><tbody>`,
      body,
      `</tbody></table>`,
    ].join('\n'),
  );
}

function findingExample(e: FindingExample): string {
  const text = e.text === '' ? '(empty input)' : e.text;
  const label =
    e.labels && e.labels.length > 0
      ? ` · labels ${e.labels.map((l) => `<code>${x(l)}</code>`).join(', ')}`
      : e.with_label
        ? ` · output_text ${e.label === null || e.label === undefined ? '(missing)' : `<code>${x(e.label)}</code>`}`
        : '';
  const lines = (e.lines ?? []).map((l) => `<code>${x(`${l.file}:${l.line}`)}</code>`).join(', ');
  return `<li>${x(text)}${label}${lines ? ` · ${lines}` : ''}</li>`;
}

function warningsList(summary: RunSummary): string {
  const warnings = summary.warnings ?? [];
  return warnings.length === 0
    ? ''
    : `<ul class="reasons">${warnings.map((w) => `<li>warning: ${x(w)}</li>`).join('')}</ul>`;
}

function dataChecksSection(summary: RunSummary): string {
  if (summary.dataChecks.length === 0) {
    return section(
      'data-checks',
      'Data checks',
      `<p class="ok">Every data check passed.</p>${warningsList(summary)}`,
    );
  }
  const rows = summary.dataChecks
    .map(
      (d) =>
        `<tr><td><span class="pill ${d.severity}">${x(d.severity)}</span></td><td><code>${x(d.check)}</code></td><td>${x(d.split)}</td><td>${d.count} ${x(d.unit ?? 'rows')}</td><td>${x(d.message)}${
          d.examples && d.examples.length > 0
            ? `<ul class="examples">${d.examples.map((e) => findingExample(asExample(e))).join('')}</ul>`
            : ''
        }</td></tr>`,
    )
    .join('\n');
  return section(
    'data-checks',
    'Data checks',
    `<table class="checks"><thead><tr><th>severity</th><th>check</th><th>split</th><th>count</th><th>finding</th></tr></thead><tbody>${rows}</tbody></table>${warningsList(summary)}`,
  );
}

function configSection(data: ReportData, today: Date): string {
  const { args } = data;
  const m = args.model;
  const items: [string, unknown][] = [
    ['task', isTextTask(args.task.type) ? args.task.type : `${args.task.type}, ${data.labels.length} labels`],
    ['base endpoint', m.baseEndpoint],
    // A tuned model shares its base model's retirement date.
    ['serving until', retirementNote(m.baseEndpoint, today)],
    ['tuning', m.tuning],
    ['generation', m.generation],
    ['gate', args.gate],
    ['checks', args.checks],
    ['serving name', args.deploy?.servingName],
    ['train data', args.data.train],
    ['eval data', args.data.eval],
    ['target', `${args.project}.${args.dataset} (${args.location}), connection ${args.connection}`],
  ];
  const value = (v: unknown) =>
    v === undefined
      ? '—'
      : typeof v === 'object' && v !== null
        ? Object.entries(v)
            .map(([k, w]) => `<span class="kv"><code>${x(k)}</code> ${x(JSON.stringify(w))}</span>`)
            .join(' ')
        : x(String(v));
  const rows = items.map(([k, v]) => `<tr><th scope="row">${x(k)}</th><td>${value(v)}</td></tr>`).join('\n');
  return section(
    'config',
    'Configuration',
    [
      `<table class="config"><tbody>${rows}</tbody></table>`,
      `<details><summary>Run arguments (JSON)</summary><pre>${x(JSON.stringify(args, null, 2))}</pre></details>`,
    ].join('\n'),
  );
}

/** The whole report as one HTML document: inline style and SVG, no script, nothing fetched. */
export function renderReport(data: ReportData, today: Date = new Date()): string {
  const { summary } = data;
  const sections = [gateSection(summary)];
  const task = data.args.task.type;
  if (summary.baseline && summary.tuned && isTextTask(task)) {
    // Free text has no labels: the task's metrics, how they spread, and the answers side by side.
    sections.push(textMetricsSection(summary, taskTypes[task].reported, summary.gate?.metric));
    if (data.distribution.metric !== null) {
      sections.push(
        distributionSection(data.distribution.metric, data.distribution.baseline, data.distribution.tuned),
      );
    }
    sections.push(sideBySideSection(data));
  } else if (summary.baseline && summary.tuned) {
    sections.push(
      metricsSection(summary, summary.gate?.metric),
      perLabelSection(data.labels, summary.baseline, summary.tuned, summary.championEvaluation),
      confusionSection(data),
      changedSection(data.changed, data.examplesExpired),
    );
  }
  sections.push(dataChecksSection(summary), configSection(data, today));
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>bqtune · ${x(summary.runId)} · ${summary.status}</title>`,
    `<style>${reportStyle}</style>`,
    '</head>',
    '<body>',
    '<main>',
    header(summary, data.args.name ?? 'pipeline'),
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
