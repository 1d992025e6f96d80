import { harness, project, type Harness, type Resource } from './harness';
import { outcome, type Example, type Outcome } from './reference-examples/example';
import { aggregate } from './reference-examples/aggregate';
import { date } from './reference-examples/date';
import { json } from './reference-examples/json';
import { mathematical } from './reference-examples/mathematical';
import { string } from './reference-examples/string';

/**
 * The examples of BigQuery's function reference pages, run through the local emulator. Each must answer
 * exactly as its page shows or be refused ("not supported by the local emulator"); none may answer
 * differently, and at least 90% must answer.
 */
const examples: Example[] = [...mathematical, ...json, ...string, ...date, ...aggregate];

let h: Harness;
const outcomes = new Map<Example, Outcome>();
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.emulator.close());

describe.each([...new Set(examples.map((e) => e.page))])('%s', (page) => {
  test.each(examples.filter((e) => e.page === page).map((e) => [e.sql, e] as const))(
    '%s',
    async (_sql, example) => {
      const result = await outcome(
        (sql) =>
          h.call('googleapis.bigquery.v2.jobs.query', {
            projectId: project,
            body: { query: sql, useLegacySql: false },
          }) as Promise<Resource>,
        example,
      );
      outcomes.set(example, result);
      expect(result.kind === 'wrong' ? `${example.sql}: ${result.detail}` : result.kind).not.toMatch(/:/);
    },
  );
});

test('at least 90% of the examples answer exactly as their page shows', () => {
  const exact = [...outcomes.values()].filter((o) => o.kind === 'exact').length;
  if (process.env.REFERENCE_EXAMPLES_REPORT)
    for (const [example, result] of outcomes)
      if (result.kind === 'refused') process.stderr.write(`refused: ${example.sql}\n  ${result.message}\n`);
  if (process.env.REFERENCE_EXAMPLES_REPORT)
    process.stderr.write(
      `${exact} of ${examples.length} answer exactly, ${examples.length - exact} refused\n`,
    );
  expect(outcomes.size).toBe(examples.length);
  expect(exact / examples.length).toBeGreaterThanOrEqual(0.9);
});
