import path from 'node:path';
import { colors as pc } from '../colors';
import type { Register } from './index';
import { load } from './lazy';
import { rejectedExitCode } from './run';
import { exampleConfig } from '../local/example-config';
import type * as Executions from '../deployment/executions';
import type { ExecutionView } from '../deployment/executions';
import type * as ExecutionDisplay from '../deployment/execution-display';
import type * as RunArgumentsModule from '../deployment/run-arguments';
import type * as PredictArgumentsModule from '../deployment/predict-arguments';
import type * as StackOutputsModule from '../deployment/stack-outputs';
import type * as Target from '../deployment/target';
import type { TargetFlags } from '../deployment/target';
import type * as ApiErrors from '../deployment/api-errors';
import type * as EmulatorToken from '../local/emulator-token';
import type * as RunLocally from '../local/run-locally';
import type { BatchPredictArguments, RunArguments } from '../../schemas/types.generated';

/** `bqtune trigger`'s flags as commander parses them. */
interface TriggerOptions extends TargetFlags {
  /** `--stack`: read the target from this Pulumi stack's outputs; absent: not read. */
  stack?: string;
  /** `--outputs`: read it from a file saved with `pulumi stack output --json`; absent: not read. */
  outputs?: string;
  /** `--endpoint`: a local Executions API; absent: Cloud Workflows. */
  endpoint?: string;
  stateDir: string;
  /** `--run-id`; absent: `run_<timestamp>_<random>` (`predict_...` for batch-predict). */
  runId?: string;
  /** `--train`: training data URI; absent: the config's. */
  train?: string;
  /** `--eval`: eval data URI; absent: the config's. */
  eval?: string;
  /** `--watch`: follow the execution until it ends; absent: return once it has started. */
  watch?: boolean;
  pipeline: string;
}

/** Rewrites one status line on a terminal; elsewhere prints a line only when the state or step changes. */
function statusWriter(stream: NodeJS.WriteStream) {
  const { currentStep, progressLine } = load<typeof ExecutionDisplay>('../deployment/execution-display');
  let last: string | undefined;
  let shown = false;
  return {
    update(e: ExecutionView, since: Date) {
      const line = progressLine(e, since);
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${line}`);
        shown = true;
        return;
      }
      const key = `${e.state} ${currentStep(e)}`;
      if (key !== last) stream.write(`${line}\n`);
      last = key;
    },
    end() {
      if (shown) stream.write('\n');
    },
  };
}

function printOutcome(done: ExecutionView): void {
  const { describeError, describeResult } = load<typeof ExecutionDisplay>('../deployment/execution-display');
  if (done.state === 'SUCCEEDED') {
    process.stdout.write(`${pc.green('✓ execution succeeded')}\n${describeResult(done.result)}\n`);
    const status = (JSON.parse(done.result ?? 'null') as { status?: string } | null)?.status;
    if (status === 'rejected') process.exitCode = rejectedExitCode;
    return;
  }
  const at = done.error?.step ? ` at ${done.error.step}` : '';
  process.stdout.write(
    `${pc.red(`✗ execution ${done.state.toLowerCase()}${at}`)}\n${describeError(done.error)}\n`,
  );
  process.exitCode = 1;
}

/** What one execution needs: the target it runs on, its run id and its validated arguments. */
function prepareExecution(
  config: string,
  opts: TriggerOptions,
): { target: Target.TriggerTarget; runId: string; args: RunArguments | BatchPredictArguments } {
  const { stackOutputs } = load<typeof StackOutputsModule>('../deployment/stack-outputs');
  const { localTarget, resolveTarget } = load<typeof Target>('../deployment/target');
  const { newRunId } = load<typeof RunLocally>('../local/run-locally');
  if (opts.pipeline !== 'tune-and-evaluate' && opts.pipeline !== 'batch-predict')
    throw new Error(`--pipeline: expected tune-and-evaluate or batch-predict, got ${opts.pipeline}`);
  const predict = opts.pipeline === 'batch-predict';
  if (predict && config === path.relative(process.cwd(), exampleConfig))
    throw new Error('--pipeline batch-predict needs an arguments file (servingName, source, ...)');
  const outputs = stackOutputs(opts);
  const target = resolveTarget(
    predict ? { ...opts, workflow: opts.workflow ?? outputs.predictWorkflowName } : opts,
    outputs,
    opts.endpoint ? { ...localTarget, workflow: opts.pipeline } : undefined,
  );
  const localGcsDir = opts.endpoint ? path.resolve(opts.stateDir, 'gcs') : undefined;
  const runId = opts.runId ?? (predict ? newRunId().replace(/^run_/, 'predict_') : newRunId());
  const args = predict
    ? load<typeof PredictArgumentsModule>('../deployment/predict-arguments').buildPredictArguments({
        argumentsFile: path.resolve(config),
        target,
        runId,
        localGcsDir,
      })
    : load<typeof RunArgumentsModule>('../deployment/run-arguments').buildRunArguments({
        configFile: path.resolve(config),
        target,
        runId,
        train: opts.train,
        eval: opts.eval,
        localGcsDir,
      });
  return { target, runId, args };
}

/** `bqtune trigger`: starts one execution and, with --watch, follows it to its end. */
async function trigger(config: string, opts: TriggerOptions): Promise<void> {
  const { executionsClient, startExecution, watchExecution } =
    load<typeof Executions>('../deployment/executions');
  const { apiError } = load<typeof ApiErrors>('../deployment/api-errors');
  const { readEmulatorToken } = load<typeof EmulatorToken>('../local/emulator-token');
  const { target, runId, args } = prepareExecution(config, opts);
  const client = executionsClient(
    opts.endpoint === undefined
      ? undefined
      : { endpoint: opts.endpoint, token: readEmulatorToken(path.resolve(opts.stateDir)) },
  );
  try {
    const started = await startExecution(client, target, args);
    process.stdout.write(`started ${started.name} (run ${runId})\n`);
    if (!opts.watch) return;
    const since = started.startTime ?? new Date();
    const status = statusWriter(process.stderr);
    const done = await watchExecution(client, started.name, {
      intervalMs: opts.endpoint ? 250 : 5000,
      onUpdate: (e) => status.update(e, since),
    });
    status.end();
    printOutcome(done);
  } catch (err) {
    throw apiError(err, opts.endpoint ?? 'workflowexecutions.googleapis.com');
  } finally {
    await client.close();
  }
}

export const register: Register = (program) => {
  program
    .command('trigger')
    .description('Start an execution of the deployed pipeline on Cloud Workflows (or a local Executions API)')
    .argument(
      '[config]',
      'pipeline config (JSON or YAML); with --pipeline batch-predict, its arguments file',
      path.relative(process.cwd(), exampleConfig),
    )
    .option(
      '--pipeline <name>',
      'tune-and-evaluate, or batch-predict (workflow: stack output predictWorkflowName)',
      'tune-and-evaluate',
    )
    .option('--stack <name>', 'read project, region, workflow, dataset, ... from this Pulumi stack')
    .option('--outputs <file>', 'read them from a file saved with `pulumi stack output --json`')
    .option('--project <id>', 'Google Cloud project (stack output project)')
    .option('--region <region>', 'region of the workflow (stack output region)')
    .option('--workflow <name>', 'workflow name (stack output workflowName)')
    .option('--location <location>', 'BigQuery location (stack output location)')
    .option('--dataset <id>', 'pipeline dataset (stack output dataset)')
    .option(
      '--connection <id>',
      'Vertex AI connection, project.location.connection_id (stack output connection)',
    )
    .option('--train <gs-uri>', 'training data in Cloud Storage (default: the config)')
    .option('--eval <gs-uri>', 'eval data in Cloud Storage (default: the config)')
    .option('--run-id <id>', 'run id (default: run_<timestamp>_<random>)')
    .option('--endpoint <url>', 'a local Executions API (`bqtune emulator`), e.g. http://127.0.0.1:8787')
    .option(
      '--state-dir <dir>',
      'with --endpoint: the emulator state (its token; its gcs/ folder receives local data files)',
      '.bqtune',
    )
    .option('--watch', 'follow the execution until it ends; exit 0 only if it succeeded')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes with --watch: 0 succeeded, 1 failed or cancelled, 3 rejected by the gate.',
        '',
        'Examples:',
        '  $ bqtune trigger --stack dev --train gs://my-bucket/train.jsonl --eval gs://my-bucket/eval.jsonl',
        '  $ bqtune trigger my-task/pipeline.yaml --outputs outputs.json   # saved by pulumi stack output --json',
        '  $ bqtune trigger --endpoint http://127.0.0.1:8787 --watch      # while bqtune emulator serves',
        '  $ bqtune trigger --pipeline batch-predict predict.json --outputs outputs.json',
      ].join('\n'),
    )
    .action(trigger);
};
