/**
 * Every text the report shows from a run (labels, inputs, model answers, gate reasons, data-check findings,
 * configuration, errors) is rendered once with every character HTML and SVG treat specially and once with
 * plain text. An HTML5 parser (the algorithm browsers use) must then find the same elements and attributes
 * in both, and every hostile text back verbatim as text or attribute value: nothing breaks out of its text
 * node or attribute, in HTML or in the inline SVG chart, and nothing is escaped twice.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { ReportData } from '../../../cli/report/data';
import { examplesExpiredLine, renderReport } from '../../../cli/report/html';

/** Each of & < > " ' raw, an entity that must stay literal, and closers of every context the report uses. */
const hostile = `<b x='1'>&amp;"</b></title></text></svg></td><script>'&'</script>`;

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) walk(child, visit);
  if (node.nodeName === 'template') walk((node as DefaultTreeAdapterMap['template']).content, visit);
}

/** The element and attribute names in document order, and every text and attribute value. */
function read(html: string) {
  const shape: string[] = [];
  const texts: string[] = [];
  walk(parse(html), (node) => {
    if ('tagName' in node) {
      const el = node as Element;
      shape.push(
        `${el.namespaceURI.split('/').pop()}:${el.tagName}[${el.attrs.map((a) => a.name).join(' ')}]`,
      );
      texts.push(...el.attrs.map((a) => a.value));
    } else if (node.nodeName === '#text') {
      texts.push((node as DefaultTreeAdapterMap['textNode']).value);
    }
  });
  return { shape, texts: texts.join('\u0000') };
}

/** Report data whose every free text is `t(name)`: the name, plus the hostile suffix or a plain one. */
function reportData(t: (name: string) => string, status: 'rejected' | 'failed' | 'text'): ReportData {
  if (status === 'text') return textReportData(t);
  const labels = [t('label one'), t('label two')];
  const evaluation = (model: string, f1: number) => ({
    model: t(model),
    metrics: { macro_f1: f1, micro_f1: f1, weighted_f1: f1, accuracy: f1, success_share: 1 },
    macroF1: f1,
    microF1: f1,
    weightedF1: f1,
    accuracy: f1,
    successRate: 1,
    perLabel: {
      [labels[0]]: { precision: f1, recall: f1, f1, support: 3 },
      [labels[1]]: { precision: 1 - f1, recall: 1 - f1, f1: 1 - f1, support: 2 },
      // A label the model answered that is not in the label set.
      [t('label extra')]: { precision: 0, recall: 0, f1: 0, support: 0 },
    },
  });
  return {
    summary: {
      runId: 'run_escaping',
      status,
      startedAt: '2026-11-25T07:00:00.000Z',
      finishedAt: '2026-11-25T07:00:02.000Z',
      deployed: false,
      modelInvocations: 10,
      ...(status === 'failed'
        ? { error: { message: t('error message'), step: t('main.step') } }
        : {
            baseline: evaluation('baseline model', 0.4),
            tuned: evaluation('tuned model', 0.6),
            tuning: { model: t('tuned model'), reused: false },
            gate: { passed: false, metric: 'macro_f1', reasons: [t('reason one'), t('reason two')] },
            champion: { before: t('champion'), after: t('champion') },
          }),
      dataChecks: [
        {
          check: 'duplicates',
          split: 'train',
          severity: 'warn',
          count: 2,
          message: t('finding message'),
          examples: [t('example input')],
        },
      ],
    },
    args: {
      name: t('pipeline name'),
      runId: 'run_escaping',
      project: 'my-project',
      location: 'US',
      dataset: 'bqtune',
      connection: 'my-project.us.vertex',
      task: { type: 'classification', labels, promptTemplate: { prefix: t('prompt prefix') } },
      data: { train: t('train.jsonl'), eval: t('eval.jsonl') },
      model: { baseEndpoint: t('endpoint'), tuning: { note: t('tuning value') } },
      deploy: { servingName: t('serving name') },
    } as unknown as ReportData['args'],
    labels,
    ...(status === 'failed'
      ? { confusion: { baseline: [], tuned: [] }, changed: [] }
      : shownAfterRun(t, labels)),
    exampleMetric: null,
    examples: { gains: [], losses: [] },
    distribution: { metric: null, baseline: [], tuned: [] },
    examplesExpired: false,
  };
}

/** A rejected summarization run: text metrics, their distribution and the answers side by side. */
function textReportData(t: (name: string) => string): ReportData {
  const evaluation = (model: string, f1: number) => ({
    model: t(model),
    metrics: { 'rouge-l_precision': f1, 'rouge-l_recall': f1, 'rouge-l_f1': f1, success_share: 1 },
    successRate: 1,
    failedRows: 0,
    perLabel: {},
  });
  const row = (id: string, baselineScore: number, tunedScore: number, tunedText: string | null) => ({
    exampleId: id,
    input: t(`input ${id}`),
    reference: t(`reference ${id}`),
    baselineText: t(`baseline output ${id}`),
    tunedText,
    baselineScore,
    tunedScore,
  });
  return {
    summary: {
      runId: 'run_escaping',
      status: 'rejected',
      task: 'summarization',
      startedAt: '2026-11-25T07:00:00.000Z',
      finishedAt: '2026-11-25T07:00:02.000Z',
      deployed: false,
      modelInvocations: 10,
      baseline: evaluation('baseline model', 0.4),
      tuned: evaluation('tuned model', 0.5),
      tuning: { model: t('tuned model'), reused: false },
      gate: { passed: false, metric: 'rouge-l_f1', reasons: [t('reason one')] },
      champion: { before: null, after: null },
      dataChecks: [],
    },
    args: {
      name: t('pipeline name'),
      runId: 'run_escaping',
      project: 'my-project',
      location: 'US',
      dataset: 'bqtune',
      connection: 'my-project.us.vertex',
      task: { type: 'summarization', promptTemplate: { prefix: t('prompt prefix') } },
      data: { train: t('train.jsonl'), eval: t('eval.jsonl') },
      model: { baseEndpoint: t('endpoint'), tuning: { note: t('tuning value') } },
      deploy: { servingName: t('serving name') },
    } as unknown as ReportData['args'],
    labels: [],
    confusion: { baseline: [], tuned: [] },
    changed: [],
    exampleMetric: 'rouge-l_f1',
    examples: {
      gains: [row('e1', 0.2, 0.9, t('tuned output e1'))],
      losses: [row('e2', 0.7, 0, null)],
    },
    distribution: {
      metric: 'rouge-l_f1',
      baseline: [
        { bucket: '0.0-0.1', rows: 1 },
        { bucket: '0.9-1.0', rows: 1 },
      ],
      tuned: [{ bucket: '0.9-1.0', rows: 2 }],
    },
    examplesExpired: false,
  };
}

/** What a run that got as far as evaluating shows: confusion matrices and the rows whose answer changed. */
function shownAfterRun(
  t: (name: string) => string,
  labels: string[],
): Pick<ReportData, 'confusion' | 'changed'> {
  return {
    confusion: {
      baseline: [
        { expected: labels[0], predicted: labels[1], count: 2 },
        { expected: labels[1], predicted: t('unknown answer'), count: 1 },
        { expected: t('label outside the set'), predicted: null, count: 1 },
      ],
      tuned: [{ expected: labels[0], predicted: labels[0], count: 3 }],
    },
    changed: [
      {
        exampleId: 'e1',
        input: t('input text'),
        expected: labels[0],
        baseline: labels[1],
        tuned: labels[0],
        baselineText: t('baseline answer'),
        tunedText: t('tuned answer'),
      },
      {
        exampleId: 'e2',
        input: t('x'.repeat(230)),
        expected: labels[1],
        baseline: labels[1],
        tuned: null,
        baselineText: t('baseline answer two'),
        tunedText: null,
      },
    ],
  };
}

const plainText = (name: string) => `${name} plain`;

describe.each(['rejected', 'failed', 'text'] as const)('a %s run', (status) => {
  const shown: string[] = [];
  const html = renderReport(
    reportData((name) => {
      const text = `${name} ${hostile}`;
      shown.push(text);
      return text;
    }, status),
  );
  const plain = renderReport(reportData(plainText, status));
  const parsed = read(html);

  test('has exactly the elements and attributes of the same report over plain text', () => {
    expect(parsed.shape).toEqual(read(plain).shape);
  });

  test('shows every hostile text verbatim (inside JSON where the report shows JSON)', () => {
    expect(shown.length).toBeGreaterThan(10);
    for (const text of shown) {
      const asJson = JSON.stringify(text).slice(1, -1);
      expect([text, parsed.texts.includes(text) || parsed.texts.includes(asJson)]).toEqual([text, true]);
    }
  });

  test('has no raw < > " or \' of its own text: each is written as an entity', () => {
    for (const c of ['<', '>', '"', "'"]) {
      expect([c, html.split(c).length]).toEqual([c, plain.split(c).length]);
    }
    expect(html).toContain('&lt;b x=&#39;1&#39;&gt;&amp;amp;&quot;&lt;/b&gt;');
  });
});

describe.each(['rejected', 'text'] as const)('a %s run whose example rows expired', (status) => {
  const shown = reportData(plainText, status);
  const expired = renderReport({
    ...shown,
    changed: [],
    examples: { gains: [], losses: [] },
    examplesExpired: true,
  });

  test('says so in one line where the rows would be, and shows no rows table', () => {
    expect(expired.split(examplesExpiredLine).length - 1).toBe(1);
    expect(expired).not.toContain('<table class="changed');
    expect(renderReport(shown)).toContain('<table class="changed');
    expect(renderReport(shown)).not.toContain(examplesExpiredLine);
  });
});

/**
 * Characters a reader cannot see, or that reorder what follows them, in every text of the report: each is
 * shown as ⟨U+XXXX⟩ (an HTML parser would drop a NUL, and U+202E would show the rest of the cell reversed),
 * while line breaks, zero-width joiners of an emoji sequence, combining marks and `{{` stay as they are.
 */
const hidden =
  'a\u0000b\u0007c\u001b[31md\u202Ee\u2066f\u200Bg\uFEFFh\u0085i\rj\r\nk\uD800l 👩‍⚕️ e\u0301 {{x}}';
/** `hidden` as a browser reads it back from the report (its CRLF is one line break to an HTML parser). */
const hiddenShown =
  'a⟨U+0000⟩b⟨U+0007⟩c⟨U+001B⟩[31md⟨U+202E⟩e⟨U+2066⟩f⟨U+200B⟩g⟨U+FEFF⟩h⟨U+0085⟩i⟨U+000D⟩j\nk⟨U+D800⟩l 👩‍⚕️ e\u0301 {{x}}';
/** `hidden` inside the report's JSON (JSON escapes C0 controls and a lone surrogate itself). */
const hiddenInJson =
  'a\\u0000b\\u0007c\\u001b[31md⟨U+202E⟩e⟨U+2066⟩f⟨U+200B⟩g⟨U+FEFF⟩h⟨U+0085⟩i\\rj\\r\\nk\\ud800l 👩‍⚕️ e\u0301 {{x}}';

describe.each(['rejected', 'failed', 'text'] as const)('a %s run with hidden characters', (status) => {
  const names: string[] = [];
  const html = renderReport(
    reportData((name) => {
      names.push(name);
      return `${name} ${hidden}`;
    }, status),
  );
  const parsed = read(html);

  test('has the elements and attributes of the same report over plain text', () => {
    expect(parsed.shape).toEqual(read(renderReport(reportData(plainText, status))).shape);
  });

  test('shows each text with every hidden character visible and the rest intact', () => {
    for (const name of names) {
      const shown = [`${name} ${hiddenShown}`, `${name} ${hiddenInJson}`].some((t) =>
        parsed.texts.includes(t),
      );
      expect([name, shown]).toEqual([name, true]);
    }
  });

  test('writes none of them raw', () => {
    expect(html).not.toMatch(
      // eslint-disable-next-line no-control-regex -- control characters are what must not be written
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\uFEFF]|\r(?!\n)/,
    );
    expect(Buffer.from(html, 'utf8').toString('utf8')).toBe(html);
  });
});

test('an empty answer is shown as an empty output, a failed one as failed', () => {
  const data = reportData(plainText, 'text');
  const [gain] = data.examples.gains;
  data.examples.gains = [{ ...gain, baselineText: '' }];
  const html = renderReport(data);
  const cells = (html.match(/<tr class="(fixed|broken)"[^]*?<\/tr>/g) ?? []).join('\n');
  expect(cells.match(/\(empty output\)/g)).toHaveLength(1);
  // The loss row's tuned answer is null: its generation failed.
  expect(cells.match(/\(failed\)/g)).toHaveLength(1);
});
