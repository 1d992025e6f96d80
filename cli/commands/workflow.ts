import fs from 'node:fs';
import path from 'node:path';
import type { Register } from './index';
import { load } from './lazy';
import type * as Environment from '../local/environment';
import type { LocalEnvironment } from '../local/environment';
import type * as WorkflowRun from '../../emulator/workflows/run';
import type * as Clocks from '../../emulator/workflows/clock';
import type * as JsonValues from '../../emulator/workflows/json-values';
import type * as Facts from '../../workflows/facts';
import type * as Values from '../../emulator/workflows/values';

/** `bqtune workflow run`'s flags as commander parses them. */
interface RunFlags {
  /** `--data`: the execution argument as JSON; absent: the execution gets none. */
  data?: string;
  stateDir: string;
  /** `--log`: also print sys.log entries to stderr; absent: not printed. */
  log?: boolean;
  /** `--virtual-time`: sleeps, retries and polling take no real time; absent: the real clock. */
  virtualTime?: boolean;
}

function fail(code: number, message: string): void {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  process.exitCode = code;
}

export const register: Register = (program) => {
  const workflow = program
    .command('workflow')
    .description('Run Cloud Workflows sources on the local interpreter');
  workflow
    .command('run <file>')
    .description(
      'Run a workflow file like `gcloud workflows run`: the result as JSON on stdout (exit 0), the error as ' +
        'JSON on stderr (exit 1), deploy errors on stderr (exit 2)',
    )
    .option('--data <json>', 'the execution argument, as JSON')
    .option('--log', 'also print sys.log entries to stderr')
    .option('--virtual-time', 'sleeps, retries and polling take no real time')
    .option(
      '--state-dir <dir>',
      'local BigQuery state, for workflows that call BigQuery connectors',
      '.bqtune',
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        `  $ bqtune workflow run examples/workflows/word-count.yaml --data '{"text": "to be or not to be"}'`,
        '  $ bqtune workflow run examples/workflows/word-count.yaml --data \'{"text": 1}\'   # fails: exit 1',
      ].join('\n'),
    )
    .action(async (file: string, flags: RunFlags) => {
      // The interpreter's own modules, not the package index: that also loads the Executions API server.
      const { parseWorkflowSource, runWorkflow } = load<typeof WorkflowRun>('../../emulator/workflows/run');
      const { RealClock, VirtualClock } = load<typeof Clocks>('../../emulator/workflows/clock');
      const { encodeJson, parseJson } = load<typeof JsonValues>('../../emulator/workflows/json-values');
      const { LIMITS } = load<typeof Facts>('../../workflows/facts');
      const { fromJs } = load<typeof Values>('../../emulator/workflows/values');
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        return fail(2, `bqtune workflow run: cannot read ${file}: ${(e as Error).message}`);
      }
      if (flags.data !== undefined) {
        if (Buffer.byteLength(flags.data) > LIMITS.argumentBytes) {
          return fail(
            2,
            `bqtune workflow run: --data is larger than the ${LIMITS.argumentBytes / 1024} KB argument limit`,
          );
        }
        try {
          parseJson(flags.data);
        } catch (e) {
          return fail(2, `bqtune workflow run: --data is not valid JSON: ${(e as Error).message}`);
        }
      }
      const fileName = path.basename(file);
      const parsed = parseWorkflowSource(text, { fileName });
      if (!parsed.program) {
        return fail(2, parsed.deployErrors.map((e) => `deploy error: ${e}`).join('\n'));
      }
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // Only a workflow that calls BigQuery opens (and creates) the local warehouse.
      let env: LocalEnvironment | undefined;
      try {
        if (text.includes('googleapis.bigquery.'))
          env = await load<typeof Environment>('../local/environment').openLocalEnvironment(
            path.resolve(flags.stateDir),
          );
        const outcome = await runWorkflow(parsed.program, {
          argumentJson: flags.data,
          fileName,
          connectors: env?.bigquery.connectors ?? new Map(),
          clock: flags.virtualTime ? new VirtualClock(Date.now() / 1000) : new RealClock(),
          signal: controller.signal,
          keepEvents: false,
          onEvent: (e) => {
            if (flags.log && e.type === 'log') {
              const payload = typeof e.payload === 'string' ? e.payload : encodeJson(fromJs(e.payload));
              process.stderr.write(`[${e.severity}] ${payload}\n`);
            }
          },
        });
        if (outcome.state === 'SUCCEEDED') process.stdout.write(`${outcome.resultJson}\n`);
        else fail(1, `${outcome.errorJson}\n`);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await env?.close();
      }
    });
};
