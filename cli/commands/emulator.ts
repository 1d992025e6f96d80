import fs from 'node:fs';
import path from 'node:path';
import type { Register } from './index';
import { load } from './lazy';
import type * as Workflows from '../../emulator/workflows';
import type * as EmulatorSession from '../local/emulator-session';
import type * as EmulatorToken from '../local/emulator-token';
import type * as Compiled from '../../workflows/compiled';

export const register: Register = (program) => {
  program
    .command('emulator')
    .description(
      'Serve the Workflows Executions API (v1 REST) locally for every workflow file in a folder; ' +
        '`tune-and-evaluate.yaml` becomes projects/*/locations/*/workflows/tune-and-evaluate',
    )
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8787')
    .option('--workflows <dir>', 'folder of workflow sources (default: workflows/dist/)')
    .option('--state-dir <dir>', 'local BigQuery state the workflows run against', '.bqtune')
    .option('--real-time', 'sleeps, backoff and polling take real time (default: a virtual clock)')
    .addHelpText(
      'after',
      [
        '',
        'Every request needs the bearer token in <state-dir>/emulator-token (created owner-only);',
        '`bqtune trigger --endpoint` reads it from its --state-dir.',
        '',
        'Examples:',
        '  $ bqtune emulator --port 8787',
        '  $ bqtune trigger --endpoint http://127.0.0.1:8787 --watch      # in another terminal',
      ].join('\n'),
    )
    .action(async (opts: { port: string; workflows?: string; stateDir: string; realTime?: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`--port must be an integer between 0 and 65535, got ${opts.port}`);
      }
      const { RealClock, VirtualClock, startExecutionsServer } =
        load<typeof Workflows>('../../emulator/workflows');
      const { EmulatorSessions } = load<typeof EmulatorSession>('../local/emulator-session');
      const { emulatorTokenFile, ensureEmulatorToken } =
        load<typeof EmulatorToken>('../local/emulator-token');
      const workflowsDir = opts.workflows
        ? path.resolve(opts.workflows)
        : load<typeof Compiled>('../../workflows/compiled').distDir();
      if (!fs.existsSync(workflowsDir)) {
        throw new Error(
          `workflows folder ${workflowsDir} does not exist (run \`bqtune compile\` or pass --workflows)`,
        );
      }
      const stateDir = path.resolve(opts.stateDir);
      const token = ensureEmulatorToken(stateDir);
      const holder = { command: 'bqtune emulator', url: '' };
      const sessions = new EmulatorSessions(stateDir, holder);
      const server = await startExecutionsServer({
        port,
        workflowsDir,
        token,
        openSession: sessions.open,
        admit: sessions.admit,
        historyDir: path.join(stateDir, 'executions'),
        // One virtual clock per execution, starting at the real time it is started.
        clock: opts.realTime ? new RealClock() : () => new VirtualClock(Date.now() / 1000),
      });
      holder.url = server.url;
      process.stdout.write(
        `Workflows Executions API listening on ${server.url} (workflows from ${workflowsDir})\n` +
          `every request needs Authorization: Bearer <the token in ${emulatorTokenFile(stateDir)}>\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          server.close().then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      process.stderr.write('emulator stopped\n');
    });
};
