import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { Register } from './index';
import { load } from './lazy';
import type * as CheckProject from '../authoring/check-project';
import type * as CheckReportModule from '../authoring/check-report';

/** Exit code of a check whose input cannot be checked at all (missing file, invalid config, bad line). */
export const unusableExitCode = 2;

function positiveInteger(flag: string) {
  return (value: string): number => {
    if (!/^[1-9]\d{0,9}$/.test(value))
      throw new InvalidArgumentError(`${flag} must be a positive integer, got ${value}`);
    return Number(value);
  };
}

export const register: Register = (program) => {
  program
    .command('check')
    .description(
      'Check a config and its data without running anything: schema, data checks, label list, token counts',
    )
    .argument('[config]', 'pipeline config (JSON or YAML)', 'config.yaml')
    .option(
      '--input-token-limit <n>',
      "compare each prompt with n tokens instead of the base model's documented input limit",
      positiveInteger('--input-token-limit'),
    )
    .option('--json', 'print the report as JSON')
    .allowExcessArguments(false)
    // A usage error means the input cannot be checked: exit 2, not commander's 1, which here would say
    // "the run would fail". Help and version (exit 0) keep commander's own exit.
    .exitOverride((err) => {
      if (err.exitCode !== 0) process.exit(unusableExitCode);
    })
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 nothing would fail the run (warnings may be printed), 1 findings that would fail',
        'the run, 2 input that cannot be checked (missing file, invalid config, a line that is not JSON,',
        'an unknown option).',
        'Nothing is written: the data checks run on a throwaway copy of the data.',
        '',
        'Examples:',
        '  $ bqtune check ticket-triage/config.yaml',
        '  $ bqtune check ticket-triage/config.yaml --json',
        '  $ bqtune check ticket-triage/config.yaml --input-token-limit 20     # prompts are longer: exit 1',
        '  $ bqtune check no-such-folder/config.yaml                          # exit 2',
      ].join('\n'),
    )
    .action(async (config: string, opts: { inputTokenLimit?: number; json?: boolean }) => {
      const { checkProject } = load<typeof CheckProject>('../authoring/check-project');
      let report: CheckProject.CheckReport;
      try {
        report = await checkProject(path.resolve(config), { inputTokenLimit: opts.inputTokenLimit });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (opts.json) {
          process.stdout.write(
            JSON.stringify({ config, exitCode: unusableExitCode, error: message }, null, 2) + '\n',
          );
        }
        process.stderr.write(`bqtune: ${message}\n`);
        process.exitCode = unusableExitCode;
        return;
      }
      process.exitCode = report.exitCode;
      if (opts.json) {
        process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        return;
      }
      const { renderCheckReport } = load<typeof CheckReportModule>('../authoring/check-report');
      process.stdout.write(renderCheckReport(report));
    });
};
