import fs from 'node:fs';
import path from 'node:path';
import type { Register } from './index';
import { localConnectors } from '../../emulator/connectors';
import { RealClock, startExecutionsServer } from '../../emulator/workflows';
import { distDir } from '../../workflows/compiled';

export const register: Register = (program) => {
  program
    .command('emulator')
    .description(
      'Serve the Workflows Executions API (v1 REST) locally for every workflow file in a folder; ' +
        '`tune-and-evaluate.yaml` becomes projects/*/locations/*/workflows/tune-and-evaluate',
    )
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8787')
    .option('--workflows <dir>', 'folder of workflow sources (default: workflows/dist/)')
    .action(async (opts: { port: string; workflows?: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`--port must be an integer between 0 and 65535, got ${opts.port}`);
      }
      const workflowsDir = opts.workflows ? path.resolve(opts.workflows) : distDir();
      if (!fs.existsSync(workflowsDir)) {
        throw new Error(
          `workflows folder ${workflowsDir} does not exist (run \`bqtune compile\` or pass --workflows)`,
        );
      }
      const server = await startExecutionsServer({
        port,
        workflowsDir,
        connectors: localConnectors(),
        clock: new RealClock(),
      });
      process.stdout.write(
        `Workflows Executions API listening on ${server.url} (workflows from ${workflowsDir})\n`,
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
      process.stdout.write('emulator stopped\n');
    });
};
