import Table from 'cli-table3';
import { colors as pc } from '../colors';
import type { Register } from './index';
import { championServingNote } from '../history/champion-base';
import { championHistory, currentChampion, rollbackChampion, type RegistryEvent } from '../history/champion';
import { addWarehouseOptions, withWarehouse, type WarehouseFlags } from '../history/warehouse-target';

function historyTable(events: readonly RegistryEvent[]): string {
  const table = new Table({
    head: ['when', 'event', 'model', 'previous', 'run', 'metric'],
    style: { head: [], border: [], compact: true },
  });
  for (const e of events) {
    table.push([
      e.recordedAt.replace('T', ' ').slice(0, 19),
      e.event,
      e.model,
      e.previous ?? '—',
      e.runId ?? '—',
      e.metric && e.metricValue !== null ? `${e.metric} ${e.metricValue.toFixed(3)}` : '—',
    ]);
  }
  return table.toString();
}

export const register: Register = (program) => {
  addWarehouseOptions(
    program
      .command('champion')
      .description(
        'Show the champion model of a serving name and its history, or roll back to the previous one',
      )
      .argument('[serving-name]', 'serving name (deploy.servingName of the config)', 'medical_specialty')
      .option('--rollback', 'make the previous champion the champion again (appends a rollback event)'),
  )
    .addHelpText(
      'after',
      [
        '',
        'The registry is append-only: a rollback adds an event, it never rewrites one.',
        '',
        'Examples:',
        '  $ bqtune champion medical_specialty',
        '  $ bqtune champion medical_specialty --rollback',
        '  $ bqtune champion medical_specialty --stack prod',
      ].join('\n'),
    )
    .action(async (servingName: string, opts: WarehouseFlags & { rollback?: boolean }) => {
      await withWarehouse(opts, async (warehouse) => {
        if (opts.rollback) {
          const done = await rollbackChampion(warehouse, servingName);
          process.stdout.write(
            pc.green(`rolled back ${servingName}: ${done.to} is the champion again (was ${done.from})\n`),
          );
        }
        const events = await championHistory(warehouse, servingName);
        const current = await currentChampion(warehouse, servingName);
        process.stdout.write(
          current === undefined
            ? `${servingName} has no champion yet\n`
            : `champion of ${servingName}: ${pc.bold(current)}\n` +
                `${await championServingNote(warehouse, current, new Date())}\n${historyTable(events)}\n`,
        );
      });
    });
};
