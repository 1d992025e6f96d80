import fs from 'node:fs';
import { writeReport } from '../../../cli/report';
import { runLocally } from '../../../cli/local/run-locally';
import { exampleVariant, tempDir } from '../local/fixtures';

test('a run that failed its data checks still gets a report: the error and the findings', async () => {
  const config = exampleVariant(tempDir('report-failed'), { checks: { minTrainRows: 100000 } });
  const stateDir = tempDir('report-failed-state');
  const { runDir, summary } = await runLocally({ configFile: config, stateDir });
  expect(summary.status).toBe('failed');
  const html = fs.readFileSync(await writeReport(runDir, { stateDir }), 'utf8');
  expect(html).toContain('<span class="badge failed">failed</span>');
  expect(html).toMatch(/The run failed at <code>[\w.]+<\/code>/);
  expect(html).toContain('<code>minTrainRows</code>');
  expect(html).not.toContain('class="confusion"');
});
