import path from 'node:path';
import type { Register } from './index';
import type * as Generator from '../../schemas/generate-types';

/**
 * The generator needs json-schema-to-typescript and prettier, development dependencies: load them only when this
 * sub-command runs, so every other command starts fast and works without them.
 */
function loadGenerator(): typeof Generator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../schemas/generate-types') as typeof Generator;
}

export const register: Register = (program) => {
  program
    .command('schemas')
    .description('Generate schemas/types.generated.ts, the TypeScript types of the JSON Schemas in schemas/')
    .option('--check', 'do not write; exit 1 if the committed file is stale')
    .addHelpText('after', '\nExamples:\n  $ bqtune schemas\n  $ bqtune schemas --check   # in CI')
    .action(async (opts: { check?: boolean }) => {
      const { file, stale } = await loadGenerator().syncGeneratedTypes({ check: opts.check === true });
      const shown = path.relative(process.cwd(), file);
      if (!stale) process.stdout.write(`${shown} is up to date\n`);
      else if (opts.check) {
        process.stderr.write(
          `bqtune schemas --check: ${shown} differs from what the schemas generate\nRun \`bqtune schemas\` and commit the result.\n`,
        );
        process.exitCode = 1;
      } else process.stdout.write(`wrote ${shown}\n`);
    });
};
