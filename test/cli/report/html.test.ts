import { catalogEntry, confirmed, defaultBaseEndpoint } from '../../../bigquery/model-catalog';
import type { ReportData } from '../../../cli/report/data';
import { renderReport } from '../../../cli/report/html';
import { groupedBarChart } from '../../../cli/report/svg-chart';

test('the chart draws one bar per category and series, skips missing values and escapes text', () => {
  const svg = groupedBarChart({
    title: 'F1 <per> label',
    categories: ['a & b', 'c'],
    series: [
      { name: 'baseline', color: '#999', values: [0.5, null] },
      { name: 'tuned', color: '#00f', values: [1, 0.25] },
    ],
    valueLabel: 'F1',
    width: 600,
  });
  expect(svg.match(/<rect class="bar"/g)).toHaveLength(3);
  expect(svg).toContain('data-category="a &amp; b"');
  expect(svg).toContain('<title>F1 &lt;per&gt; label</title>');
  expect(svg).not.toContain('a & b');
  // A value of 1 spans the whole plot, 0.5 half of it.
  const widths = [
    ...svg.matchAll(/data-series="(\w+)" data-category="a &amp; b"[^>]* width="([\d.]+)"/g),
  ].map((m) => Number(m[2]));
  expect(widths[1]).toBeCloseTo(2 * widths[0], 0);
});

const failed: ReportData = {
  summary: {
    runId: 'run_bad',
    status: 'failed',
    startedAt: '2026-11-25T07:00:00.000Z',
    finishedAt: '2026-11-25T07:00:02.000Z',
    deployed: false,
    modelInvocations: 0,
    dataChecks: [
      {
        check: 'leakage',
        kind: 'leakage',
        split: 'eval',
        severity: 'fail',
        count: 2,
        unit: 'texts',
        message: '2 eval inputs also appear in train',
        examples: [
          {
            text: '<b>patient</b> notes',
            key: 'k',
            lines: [
              { file: 'data/train&eval.jsonl', line: 7 },
              { file: 'data/eval.jsonl', line: 3 },
            ],
          },
        ],
      },
    ],
    error: { message: 'data checks failed', step: 'main.check_data' },
  },
  args: {
    name: 'demo',
    runId: 'run_bad',
    project: 'my-project',
    location: 'US',
    dataset: 'bqtune',
    connection: 'my-project.us.vertex',
    task: { type: 'classification', labels: ['x', 'y'], promptTemplate: { prefix: 'Label: ' } },
    data: { train: 'gs://b/train.jsonl', eval: 'gs://b/eval.jsonl' },
    model: { baseEndpoint: 'gemini-2.0-flash-001' },
  } as unknown as ReportData['args'],
  labels: ['x', 'y'],
  confusion: { baseline: [], tuned: [] },
  changed: [],
  exampleMetric: null,
  examples: { gains: [], losses: [] },
  distribution: { metric: null, baseline: [], tuned: [] },
  examplesExpired: false,
};

test('a failed run reports its error and data checks, without metrics it does not have', () => {
  const html = renderReport(failed);
  expect(html).toContain('<span class="badge failed">failed</span>');
  expect(html).toContain('The run failed at <code>main.check_data</code>.');
  expect(html).toContain('data checks failed');
  expect(html).toContain('2 eval inputs also appear in train');
  expect(html).toContain('&lt;b&gt;patient&lt;/b&gt; notes');
  expect(html).toContain('<td>2 texts</td>');
  expect(html).toContain('<code>data/train&amp;eval.jsonl:7</code>, <code>data/eval.jsonl:3</code>');
  expect(html).not.toContain('<svg');
  expect(html).not.toContain('class="confusion"');
});

test('the configuration names when models tuned on the base stop serving, as of the given day', () => {
  const retires = (confirmed(catalogEntry(defaultBaseEndpoint)!.retires) as { date: string }).date;
  const fortyDaysBefore = new Date(`${retires}T00:00:00Z`);
  fortyDaysBefore.setUTCDate(fortyDaysBefore.getUTCDate() - 40);
  const data = {
    ...failed,
    args: { ...failed.args, model: { baseEndpoint: defaultBaseEndpoint } },
  } as ReportData;
  expect(renderReport(data, fortyDaysBefore)).toContain(
    `<th scope="row">serving until</th><td>${defaultBaseEndpoint} retires on ${retires} (in 40 days): re-tune on a newer base before models tuned on it stop serving</td>`,
  );
});
