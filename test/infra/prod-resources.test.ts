import { runProgram, stackConfig } from './harness';
import { resourceList } from './resource-list';

/* The prod example stack's resources, names, URNs, inputs and outputs stay exactly as recorded. */

test('the prod stack registers exactly the recorded resources and outputs', async () => {
  const run = await runProgram('prod', { ...stackConfig('prod'), 'gcp:project': 'fresh-project-4821' });
  expect(resourceList(run)).toMatchSnapshot();
});
