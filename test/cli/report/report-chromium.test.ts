import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writeReport } from '../../../cli/report';
import { defaultBaseEndpoint } from '../../../bigquery/model-catalog';
import { runLocally } from '../../../cli/local/run-locally';
import { exampleVariant, tempDir } from '../local/fixtures';
import { initProject } from '../../../cli/authoring/init-project';

const chromium = '/usr/bin/chromium';
const haveChromium = fs.existsSync(chromium);
// CI installs it (.ci/run: apt-get install chromium), so there a missing browser fails the test instead of
// skipping it; a developer machine may not have it.
const inCi = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());
if (!haveChromium && !inCi) {
  console.warn(`skipping the report rendering test: ${chromium} is not installed`);
}

function chromiumRun(args: string[]) {
  const result = spawnSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${tempDir('chromium-profile')}`,
      ...args,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
  );
  if (result.status !== 0) throw new Error(`chromium failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

(haveChromium || inCi ? test : test.skip)(
  'the report of a run renders in headless Chromium with its chart, confusion matrices and changed rows',
  async () => {
    if (!haveChromium) {
      throw new Error(
        `${chromium} is not installed; CI must install it (apt-get install chromium, as .ci/run does)`,
      );
    }
    const state = tempDir('report-state');
    const { runDir, summary } = await runLocally({
      configFile: exampleVariant(tempDir('report-config')),
      stateDir: state,
      runId: 'run_report',
    });
    const file = await writeReport(runDir, { stateDir: state });
    expect(file).toBe(path.join(runDir, 'report.html'));
    const html = fs.readFileSync(file, 'utf8');
    // Self-contained: nothing is fetched to view it.
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/);

    const dom = chromiumRun(['--dump-dom', `file://${file}`]);
    const labels = Object.keys(summary.tuned?.perLabel ?? {});
    expect(labels.length).toBe(18);
    expect(dom).toContain('<svg');
    for (const model of ['baseline', 'tuned']) {
      expect(count(dom, new RegExp(`<rect class="bar" data-series="${model}"`, 'g'))).toBe(labels.length);
      expect(dom).toContain(`<table class="confusion" data-model="${model}">`);
    }
    for (const label of ['Allergy / Immunology', 'Sleep Medicine', 'ENT - Otolaryngology']) {
      expect(dom).toContain(`data-category="${label}"`);
    }
    // 18 expected labels per matrix, plus the header row.
    const tuned = dom.slice(dom.indexOf('data-model="tuned"'));
    expect(count(tuned.slice(0, tuned.indexOf('</table>')), /<tr>/g)).toBe(19);
    const changedRows = count(dom, /<tr class="(fixed|broken|changed)">/g);
    expect(changedRows).toBeGreaterThan(0);
    expect(dom).toMatch(new RegExp(`${changedRows} eval rows changed their predicted label`));
    expect(dom).toContain('Every data check passed.');
    expect(dom).toMatch(/<strong>Passed<\/strong> on <code>macro_f1<\/code>/);
    expect(dom).toContain(defaultBaseEndpoint);

    const shot = path.join(tempDir('report-shot'), 'report.png');
    chromiumRun([`--screenshot=${shot}`, '--window-size=1280,2000', `file://${file}`]);
    expect(fs.statSync(shot).size).toBeGreaterThan(50_000);
  },
);

/** Inputs and answers that would run script, load an image or reorder text if the report wrote them raw. */
const hostileRows = [
  [
    '</script><script>document.title="PWNED"</script> the board approved the plan. Marco ships it.',
    'The board approved the plan <img src=x onerror="document.title=\'PWNED\'">.',
  ],
  [
    '{{constructor.constructor("document.title=1")()}} sales rose by 12%. Anna reports.',
    'Sales rose {{7*7}} by 12%.',
  ],
  [
    'Budget \u202Egnp.exe\u202C approved today. Finance pays.',
    'Finance pays the \u202Egnp.exe\u202C budget.',
  ],
  [
    'Zero\u200Bwidth e\u0301 👩‍⚕️ notes \u0000 with NUL \u001b[2J and ESC. More text.',
    'Zero\u200Bwidth notes \u0000.',
  ],
  [`Budget review ${'alpha beta gamma delta. '.repeat(4200)}`, 'Budget review of alpha beta.'],
  ['Line one\r\nline two\nline three of the notes. Done.', 'Multi\nline\r\nsummary.'],
];

(haveChromium || inCi ? test : test.skip)(
  'a free-text report over hostile inputs and answers runs nothing in Chromium and shows them as text',
  async () => {
    if (!haveChromium) throw new Error(`${chromium} is not installed; CI must install it`);
    const dir = tempDir('report-hostile');
    initProject(dir, 'summarization');
    // A prefix without a full stop: the base model answers with the prompt's first sentence, the input's.
    const config = path.join(dir, 'config.yaml');
    fs.writeFileSync(
      config,
      fs.readFileSync(config, 'utf8').replace(/^ {4}prefix: .*$/m, '    prefix: "Notes: "'),
    );
    fs.appendFileSync(
      path.join(dir, 'data', 'eval.jsonl'),
      hostileRows.map(([input_text, output_text]) => JSON.stringify({ input_text, output_text })).join('\n') +
        '\n',
    );
    const state = tempDir('report-hostile-state');
    const { runDir, summary } = await runLocally({
      configFile: config,
      stateDir: state,
      runId: 'run_hostile',
    });
    expect(summary.status).not.toBe('failed');
    const html = fs.readFileSync(await writeReport(runDir, { stateDir: state }), 'utf8');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;document.title=&quot;PWNED&quot;');
    expect(html).toContain('gnp.exe⟨U+202C⟩');
    expect(html).toContain('⟨U+0000⟩');

    const dom = chromiumRun(['--dump-dom', `file://${path.join(runDir, 'report.html')}`]);
    expect(dom).toContain('<title>bqtune · run_hostile · ');
    // The serialized DOM writes a text's < as &lt;: a raw one opens an element.
    expect(dom).not.toMatch(/<script|<img/i);
    expect(dom).toContain('&lt;img src=x onerror="document.title=\'PWNED\'"&gt;');
  },
  120_000,
);
