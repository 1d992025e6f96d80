import type { Register } from './index';
import { load } from './lazy';
import type { RegistryEvent } from '../history/champion';
import { addWarehouseOptions, type WarehouseFlags } from '../history/warehouse-flags';
import type * as ColorsModule from '../colors';
import { metric3 } from '../format';
import type * as ChampionModule from '../history/champion';
import type * as ChampionBaseModule from '../history/champion-base';
import type * as ServingFunctionModule from '../history/serving-function';
import type * as WarehouseTargetModule from '../history/warehouse-target';
import type * as TextTableModule from '../text-table';

type ChampionFlags = WarehouseFlags & { rollback?: boolean; switchFunction?: boolean; json?: boolean };

/** The model's name without `project.dataset.` when that is the dataset all the events are in. */
function shortName(model: string, dataset: string): string {
  return model.startsWith(`${dataset}.`) ? model.slice(dataset.length + 1) : model;
}

async function historyTable(events: readonly RegistryEvent[], dataset: string): Promise<string> {
  const { renderTable } = load<typeof TextTableModule>('../text-table');
  return renderTable(
    [
      { header: 'when', shrink: true },
      { header: 'event' },
      { header: 'model', shrink: true },
      { header: 'run', shrink: true },
      { header: 'metric' },
    ],
    events.map((e) => [
      e.recordedAt.replace('T', ' ').slice(0, 16),
      e.event,
      shortName(e.model, dataset),
      e.runId || '—',
      e.metric && e.metricValue !== null ? `${e.metric} ${metric3(e.metricValue)}` : '—',
    ]),
  );
}

export const register: Register = (program) => {
  addWarehouseOptions(
    program
      .command('champion')
      .description(
        'Show the champion model of a serving name and its history, or roll back to the previous one',
      )
      .argument(
        '[serving-name]',
        'serving name (deploy.servingName of the config; default: the only one with a champion)',
      )
      .option('--rollback', 'make the previous champion the champion again (appends a rollback event)')
      .option(
        '--switch-function',
        "point the serving name's table function at the current champion (repairs a switch that failed)",
      )
      .option('--json', 'print {servingName, champion, history} as JSON'),
  )
    .addHelpText(
      'after',
      [
        '',
        'The registry is append-only: a rollback adds an event, it never rewrites one. The table shows',
        'model names without the dataset; --json gives every field in full. A promotion and a rollback',
        'also replace the table function named after the serving name; if that failed after the change',
        'landed, --switch-function points it at the current champion.',
        '',
        'Examples:',
        '  $ bqtune champion medical_specialty',
        '  $ bqtune champion medical_specialty --json',
        '  $ bqtune champion medical_specialty --rollback',
        '  $ bqtune champion medical_specialty --switch-function',
        '  $ bqtune champion medical_specialty --stack prod',
      ].join('\n'),
    )
    .action(async (servingNameArgument: string | undefined, opts: ChampionFlags) => {
      const { colors: pc } = load<typeof ColorsModule>('../colors');
      const { withWarehouse } = load<typeof WarehouseTargetModule>('../history/warehouse-target');
      const { championHistory, currentChampion, onlyServingName, rollbackChampion } =
        load<typeof ChampionModule>('../history/champion');
      const { championServingNote } = load<typeof ChampionBaseModule>('../history/champion-base');
      if (opts.rollback && opts.switchFunction)
        throw new Error('--switch-function and --rollback: give one (a rollback switches the function too)');
      await withWarehouse(opts, async (warehouse) => {
        const servingName = servingNameArgument ?? (await onlyServingName(warehouse));
        let rolledBack: { from: string; to: string; servingFunctionError?: string } | undefined;
        if (opts.rollback) {
          rolledBack = await rollbackChampion(warehouse, servingName);
          if (!opts.json) {
            process.stdout.write(
              pc.green(
                `rolled back ${servingName}: ${rolledBack.to} is the champion again (was ${rolledBack.from})\n`,
              ),
            );
            if (rolledBack.servingFunctionError) {
              process.stderr.write(
                `warning: the table function ${servingName} still serves the previous champion: ${rolledBack.servingFunctionError} (bqtune champion ${servingName} --switch-function switches it)\n`,
              );
            }
          }
        }
        let switchedTo: string | undefined;
        if (opts.switchFunction) {
          const champion = await currentChampion(warehouse, servingName);
          if (champion === undefined) throw new Error(`serving name ${servingName} has no champion yet`);
          const { switchServingFunction } = load<typeof ServingFunctionModule>('../history/serving-function');
          await switchServingFunction(warehouse, servingName, champion);
          switchedTo = champion;
          if (!opts.json)
            process.stdout.write(pc.green(`the table function ${servingName} serves ${champion}\n`));
        }
        const events = await championHistory(warehouse, servingName);
        // The pointer row (or, before it existed, the latest event) is what the serving name resolves to.
        const current = await currentChampion(warehouse, servingName);
        if (opts.json) {
          const out = {
            servingName,
            champion: current ?? null,
            history: events,
            ...(rolledBack ? { rolledBack } : {}),
            ...(switchedTo ? { servingFunction: switchedTo } : {}),
          };
          process.stdout.write(JSON.stringify(out, null, 2) + '\n');
          return;
        }
        const dataset = `${warehouse.project}.${warehouse.dataset}`;
        process.stdout.write(
          current === undefined
            ? `${servingName} has no champion yet\n`
            : `champion of ${servingName}: ${pc.bold(current)}\n` +
                `${await championServingNote(warehouse, current, new Date())}\n${await historyTable(events, dataset)}`,
        );
      });
    });
};
