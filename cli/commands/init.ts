import path from 'node:path';
import type { Register } from './index';
import { load } from './lazy';
import type * as InitProject from '../authoring/init-project';

export const register: Register = (program) => {
  program
    .command('init')
    .description('Write a starting point for your own task: a config, a few example rows, next steps')
    .argument('[dir]', 'folder to write into (created if missing; must be empty unless --force)', '.')
    .option(
      '--task <type>',
      'classification, text_generation, summarization or question_answering',
      'classification',
    )
    .option('--force', 'write into a folder that is not empty, replacing the starter files there')
    .addHelpText(
      'after',
      [
        '',
        'Writes DIR/config.yaml (with a $schema line for editors) and DIR/data/{train,eval}.jsonl, rows of',
        '{"input_text": ..., "output_text": ...}. A file it replaces (--force) is named.',
        '',
        'Examples:',
        '  $ bqtune init ticket-triage',
        '  $ bqtune init meeting-notes --task summarization',
        '  $ bqtune init ticket-triage                    # not empty: exit 1',
      ].join('\n'),
    )
    .action((dir: string, opts: { task: string; force?: boolean }) => {
      const { initProject, nextSteps, parseTaskType } = load<typeof InitProject>('../authoring/init-project');
      const task = parseTaskType(opts.task);
      const result = initProject(path.resolve(dir), task, { force: opts.force });
      for (const file of result.written) {
        const replaced = result.replaced.includes(file) ? ' (replaced the existing file)' : '';
        process.stdout.write(`wrote ${path.join(dir, file)}${replaced}\n`);
      }
      process.stdout.write(nextSteps(dir, task).join('\n') + '\n');
    });
};
