import path from 'node:path';
import type { Register } from './index';
import { load } from './lazy';
import type * as CheckProject from '../authoring/check-project';
import type * as SummaryTable from '../report/summary-table';
import type { colors as Colors } from '../colors';

/** Exit code of a check whose input cannot be checked at all (missing file, invalid config, bad line). */
export const unusableExitCode = 2;

function positiveInteger(flag: string) {
  return (value: string): number => {
    if (!/^[1-9]\d{0,9}$/.test(value)) throw new Error(`${flag} must be a positive integer, got ${value}`);
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
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 nothing would fail the run (warnings may be printed), 1 findings that would fail',
        'the run, 2 input that cannot be checked (missing file, invalid config, a line that is not JSON).',
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
      const pc = load<{ colors: typeof Colors }>('../colors').colors;
      const { renderFinding } = load<typeof SummaryTable>('../report/summary-table');
      const out: string[] = [
        `checked ${report.config}: train ${report.rows.train} rows, eval ${report.rows.eval} rows`,
      ];
      const line = (item: CheckProject.CheckItem) =>
        `${item.level === 'error' ? pc.red('error') : pc.yellow('warning')}: ${item.message}`;
      // In the order the run meets them: its config and arguments, then the data checks, then the rest.
      const first = (i: CheckProject.CheckItem) => i.check === 'config' || i.check === 'run_arguments';
      out.push(...report.items.filter(first).map(line));
      for (const finding of report.dataChecks) out.push(...renderFinding(finding));
      out.push(...report.items.filter((i) => !first(i) && i.check !== 'data_checks').map(line));
      const { tokens } = report;
      if (tokens.largest !== undefined) {
        const limit =
          tokens.limit === undefined
            ? 'no documented limit'
            : `limit ${tokens.limit} (${tokens.limitSource === 'option' ? '--input-token-limit' : `${tokens.model}, model catalog`})`;
        out.push(`tokens: longest prompt ${tokens.largest}; ${limit}`);
      }
      for (const note of report.notes) out.push(`note: ${note}`);
      const errors = report.items.filter((i) => i.level === 'error').length;
      const warnings = report.items.length - errors;
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      out.push(
        errors > 0
          ? `check: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}: the run would fail`
          : `check: ok${warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''}`,
      );
      process.stdout.write(out.join('\n') + '\n');
    });
};
