import path from 'node:path';
import type { Register } from './index';
import { load } from './lazy';
import type * as TypesGenerator from '../../schemas/generate-types';
import type * as ValidatorsGenerator from '../../schemas/generate-validators';

export const register: Register = (program) => {
  program
    .command('schemas')
    .description(
      'Generate, from the JSON Schemas in schemas/, their TypeScript types (schemas/types.generated.ts) and ' +
        'precompiled validators (schemas/validators.generated.ts)',
    )
    .option('--check', 'do not write; exit 1 if a committed file is stale')
    .addHelpText('after', '\nExamples:\n  $ bqtune schemas\n  $ bqtune schemas --check   # in CI')
    .action(async (opts: { check?: boolean }) => {
      const check = opts.check === true;
      // The type generator needs json-schema-to-typescript and prettier, development dependencies: loaded
      // only when this sub-command runs, so every other command starts fast and works without them.
      const types = await load<typeof TypesGenerator>('../../schemas/generate-types').syncGeneratedTypes({
        check,
      });
      const validators = load<typeof ValidatorsGenerator>(
        '../../schemas/generate-validators',
      ).syncGeneratedValidators({ check });
      for (const { file, stale } of [types, validators]) {
        const shown = path.relative(process.cwd(), file);
        if (!stale) process.stdout.write(`${shown} is up to date\n`);
        else if (check) {
          process.stderr.write(
            `bqtune schemas --check: ${shown} differs from what the schemas generate\nRun \`bqtune schemas\` and commit the result.\n`,
          );
          process.exitCode = 1;
        } else process.stdout.write(`wrote ${shown}\n`);
      }
    });
};
