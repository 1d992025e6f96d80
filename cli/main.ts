#!/usr/bin/env node
import { Command } from 'commander';
import { commands } from './commands';

const program = new Command()
  .name('bqtune')
  .description('LLM fine-tuning and evaluation in BigQuery ML, as infrastructure code.')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

for (const register of commands) register(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`bqtune: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
