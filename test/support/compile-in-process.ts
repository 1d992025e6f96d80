/**
 * Every test runs the pipeline as the TypeScript definition compiles now, not the committed YAML: a change
 * to the definition (or to the SQL builders it embeds) is what the tests execute, even before
 * `bqtune compile` is run again. test/workflows/committed-yaml.test.ts keeps the committed YAML equal to this
 * compile, so what the tests run is also what deploys.
 *
 * Wired in as a jest `setupFilesAfterEnv` entry (jest.config.js). Only `compiledWorkflowSource` and
 * `compiledWorkflowForLocalRun` (the parsed form, made from that compile as `bqtune compile` makes it) are
 * replaced; `distDir` still names the committed folder.
 */
import type * as CompileModule from '../../workflows/compile';
import type * as CompiledModule from '../../workflows/compiled';
import type * as PipelinesModule from '../../workflows/pipelines';

type Compile = typeof CompileModule;
type Compiled = typeof CompiledModule;
type Pipelines = typeof PipelinesModule;

jest.mock('../../workflows/compiled', () => {
  const actual = jest.requireActual<Compiled>('../../workflows/compiled');
  const compiled = new Map<string, string>();
  const parsed = new Map<string, string>();
  const replacement: Compiled = {
    ...actual,
    compiledWorkflowSource(name) {
      const { pipelines } = jest.requireActual<Pipelines>('../../workflows/pipelines');
      const build = pipelines[name];
      if (build === undefined) throw new Error(`no pipeline named ${name}`);
      if (!compiled.has(name)) compiled.set(name, build());
      return compiled.get(name)!;
    },
    compiledWorkflowForLocalRun(name) {
      const { parsedForm } = jest.requireActual<Compile>('../../workflows/compile');
      if (!parsed.has(name))
        parsed.set(name, parsedForm(replacement.compiledWorkflowSource(name), `${name}.yaml`));
      return { source: parsed.get(name)!, fileName: `${name}.json` };
    },
  };
  return replacement;
});
