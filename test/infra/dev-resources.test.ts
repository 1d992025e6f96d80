import { runProgram, stackConfig } from './harness';
import { resourceList } from './resource-list';

/* The dev example stack's resources, names, URNs, inputs and outputs stay exactly as recorded. */

test('the dev stack registers exactly the recorded resources and outputs', async () => {
  const run = await runProgram('dev', { ...stackConfig('dev'), 'gcp:project': 'fresh-project-4821' });
  expect(resourceList(run)).toMatchSnapshot();
});
