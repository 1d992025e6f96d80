import path from 'node:path';
import type { Register } from './index';
import { load } from './lazy';
import type * as Compile from '../../workflows/compile';
import type * as Compiled from '../../workflows/compiled';

const describe = {
  missing: 'is missing',
  differs: 'differs from what the pipeline definition compiles to',
  unexpected: 'has no pipeline definition',
} as const;

export const register: Register = (program) => {
  program
    .command('compile')
    .description(
      'Compile every pipeline definition to Cloud Workflows YAML in workflows/dist/, and beside each YAML its ' +
        'parsed form (JSON) that local runs read',
    )
    .option('--check', 'do not write; exit 1 naming each committed file that is stale')
    .option('--out <dir>', 'write somewhere other than workflows/dist/')
    .addHelpText('after', '\nExamples:\n  $ bqtune compile\n  $ bqtune compile --check   # in CI')
    .action((opts: { check?: boolean; out?: string }) => {
      const { compileTo, findStale } = load<typeof Compile>('../../workflows/compile');
      const dir = opts.out
        ? path.resolve(opts.out)
        : load<typeof Compiled>('../../workflows/compiled').distDir();
      const shown = (file: string) => path.relative(process.cwd(), path.join(dir, file));
      if (opts.check) {
        const stale = findStale(dir);
        for (const s of stale) {
          process.stderr.write(`bqtune compile --check: ${shown(s.file)} ${describe[s.problem]}\n`);
        }
        if (stale.length > 0) {
          process.stderr.write('Run `bqtune compile` and commit the result.\n');
          process.exitCode = 1;
        } else {
          process.stdout.write(`workflows are up to date (${path.relative(process.cwd(), dir) || '.'})\n`);
        }
        return;
      }
      const { written, unchanged } = compileTo(dir);
      for (const file of written) process.stdout.write(`wrote ${shown(file)}\n`);
      for (const file of unchanged) process.stdout.write(`unchanged ${shown(file)}\n`);
    });
};
