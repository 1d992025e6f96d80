import { escapeXml as x } from './escape';
import { reportStyle } from './style';
import { groupedBarChart } from './svg-chart';
import { metric3 } from '../format';

/** What a batch-predict run's outcome says of its drift check (see the batch-predict pipeline). */
export interface DriftOutcome {
  computed: boolean;
  reason?: string;
  statistic?: string;
  by?: string;
  psi?: number;
  threshold?: number;
  warning?: boolean;
  minRows?: number;
  rows?: number;
  categories?: { category: string; reference: number; current: number; contribution: number }[];
}

export interface PredictReportData {
  runId: string;
  servingName: string;
  state: string;
  /** The workflow's error message when the run failed. */
  error?: string;
  outcome?: {
    champion: string;
    sourceRows: number;
    pending: number;
    succeeded: number;
    failed: number;
    retryable: number;
    drift: DriftOutcome;
  };
  /** The first rows of the output, as written. */
  sample: { id: string; generated_text: string | null; status: string; run_id: string }[];
}

const f3 = metric3;

function driftSection(drift: DriftOutcome): string {
  if (!drift.computed) return `<p>Not computed: ${x(drift.reason ?? 'no reference')}.</p>`;
  const few = drift.rows !== undefined && drift.minRows !== undefined && drift.rows < drift.minRows;
  const verdict = drift.warning
    ? `<div class="callout fail"><strong>Drift warning:</strong> population stability index ${f3(drift.psi)} is above the threshold ${f3(drift.threshold)}.</div>`
    : few
      ? `<div class="callout">Population stability index ${f3(drift.psi)} over only ${drift.rows} rows (fewer than ${drift.minRows}): too few to judge drift.</div>`
      : `<div class="callout pass">Population stability index ${f3(drift.psi)} is within the threshold ${f3(drift.threshold)}.</div>`;
  const categories = drift.categories ?? [];
  const chart = groupedBarChart({
    title: `Share of predictions by ${drift.by ?? 'category'}`,
    categories: categories.map((c) => c.category),
    series: [
      { name: "champion's evaluation", color: '#94a3b8', values: categories.map((c) => c.reference) },
      { name: 'this run', color: '#2563eb', values: categories.map((c) => c.current) },
    ],
    valueLabel: 'share of successful predictions',
  });
  const rows = categories
    .map(
      (c) =>
        `<tr><th>${x(c.category)}</th><td>${f3(c.reference)}</td><td>${f3(c.current)}</td><td>${f3(c.contribution)}</td></tr>`,
    )
    .join('\n');
  return [
    verdict,
    `<p class="meta">PSI = Σ (current − reference) × ln(current / reference) over categories, each share floored at 0.0001. It grows on small samples.</p>`,
    chart,
    `<table class="metrics"><thead><tr><th>${x(drift.by ?? 'category')}</th><th>reference share</th><th>this run</th><th>contribution</th></tr></thead><tbody>${rows}</tbody></table>`,
  ].join('\n');
}

/** One self-contained HTML page (no script, no network) for a batch-predict run: counts, drift, sample rows. */
export function renderPredictReport(data: PredictReportData): string {
  const badge = data.state === 'SUCCEEDED' ? 'succeeded' : 'failed';
  const o = data.outcome;
  const body: string[] = [
    `<header><p class="eyebrow">bqtune batch-predict report · ${x(data.servingName)}</p>`,
    `<h1>Run ${x(data.runId)} <span class="badge ${badge}">${badge}</span></h1></header>`,
  ];
  if (data.error !== undefined) {
    body.push(
      `<section><div class="callout fail"><strong>The run failed.</strong><p>${x(data.error)}</p></div></section>`,
    );
  }
  if (o !== undefined) {
    body.push(
      `<section id="counts"><h2>Rows</h2><p>Champion <code>${x(o.champion)}</code>.</p>`,
      `<table class="metrics"><tbody>`,
      `<tr><th>input rows</th><td>${o.sourceRows}</td></tr>`,
      `<tr><th>sent to the champion (not answered before)</th><td>${o.pending}</td></tr>`,
      `<tr><th>succeeded</th><td>${o.succeeded}</td></tr>`,
      `<tr><th>failed</th><td>${o.failed}</td></tr>`,
      `<tr><th>still retryable</th><td>${o.retryable}</td></tr>`,
      `</tbody></table></section>`,
      `<section id="drift"><h2>Drift against the champion's evaluation</h2>${driftSection(o.drift)}</section>`,
    );
  }
  if (data.sample.length > 0) {
    const rows = data.sample
      .map(
        (r) =>
          `<tr><td><code>${x(r.id)}</code></td><td>${x(r.generated_text ?? '')}</td><td>${x(r.status)}</td><td><code>${x(r.run_id)}</code></td></tr>`,
      )
      .join('\n');
    body.push(
      `<section id="sample"><h2>First predictions</h2><table class="changed"><thead><tr><th>id</th><th>prediction</th><th>status</th><th>answered by run</th></tr></thead><tbody>${rows}</tbody></table></section>`,
    );
  }
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>bqtune batch-predict ${x(data.runId)}</title>`,
    `<style>${reportStyle}</style></head>`,
    `<body><main>${body.join('\n')}</main></body></html>`,
    '',
  ].join('\n');
}
