#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { commands } from './commands';
import { packageRoot } from '../package-root';
import { showHidden } from './visible-text';

const { version } = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
  version: string;
};

const program = new Command()
  .name('bqtune')
  .description('LLM fine-tuning and evaluation in BigQuery ML, as infrastructure code.')
  .version(version, '-V, --version', 'print the version of bqtune')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

for (const register of commands) register(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`bqtune: ${showHidden(err instanceof Error ? err.message : String(err))}\n`);
  process.exit(1);
});
