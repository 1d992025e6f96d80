import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { bindSql, stringArrayParam } from '../../bigquery';
import { createBigQueryEmulator } from '../../emulator/bigquery';
import { runWorkflow, VirtualClock } from '../../emulator/workflows';
import type { DataCheckFinding, PipelineConfig, RunArguments } from '../../schemas/types.generated';
import { compiledWorkflowSource } from '../../workflows/compiled';
import { buildRunArguments } from '../deployment/run-arguments';
import { localTarget } from '../deployment/target';
import { statements } from '../../workflows/pipelines/tune-and-evaluate/statements';
import { locateFindings, type ExampleFile } from '../local/data-files';
import { PipelineTag } from '../../workflows/pipelines/error-tags';

export interface OfflinePipelineChecks {
  /** What the workflow's own argument validation refuses, one line each (the run would stop there). */
  problems: string[];
  /** Every data-check finding, as the run would record it, with the user's files and lines. */
  findings: DataCheckFinding[];
  /** True when at least one finding fails the run (the pipeline would stop before any model call). */
  failed: boolean;
}

/** Names the throwaway warehouse uses; values the pipeline's placeholders accept. */
const scratch = {
  project: 'bqtune-check',
  dataset: 'check',
  train_table: 'train_examples',
  eval_table: 'eval_examples',
  runId: 'check',
};

/** The committed tune-and-evaluate program, parsed once. */
let compiledPipeline: Record<string, unknown> | undefined;

/**
 * Calls one subworkflow of the committed `workflows/dist/tune-and-evaluate.yaml` in the Workflows
 * interpreter: the compiled program with its main replaced by a call of `name` on the given arguments,
 * so what it decides is what the run decides, not a copy of its rules.
 */
async function callCompiledSubworkflow(name: string, args: Record<string, unknown>) {
  const compiled = (compiledPipeline ??= parse(compiledWorkflowSource('tune-and-evaluate')) as Record<
    string,
    unknown
  >);
  if (compiled[name] === undefined) throw new Error(`the compiled pipeline has no ${name} subworkflow`);
  const program = {
    ...compiled,
    main: {
      params: ['args'],
      steps: [
        {
          call_it: {
            call: name,
            args: Object.fromEntries(Object.keys(args).map((k) => [k, `\${args.${k}}`])),
            result: 'outcome',
          },
        },
        { done: { return: '${outcome}' } },
      ],
    },
  };
  return runWorkflow(stringify(program), { argument: args, clock: new VirtualClock(), keepEvents: false });
}

/** Signals that end a check early (Ctrl-C, a kill, a closed terminal). */
const interruptSignals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The run's own checks, without running the pipeline: the run arguments `bqtune run` would build from the
 * config (buildRunArguments, local target) through the workflow's validate_arguments; then its LOAD DATA
 * and data-checks statements (the same builders' SQL, placeholders bound to a scratch dataset) in a local
 * BigQuery emulator whose warehouse lives in a temporary folder removed afterwards; then its
 * judge_data_checks subworkflow. A load the emulator refuses is an Error naming the user's file.
 */
export async function checkPipelineOffline(
  configFile: string,
  config: PipelineConfig,
  files: ExampleFiles,
): Promise<OfflinePipelineChecks> {
  return inScratchFolder(async (tmp) => {
    const gcsDir = path.join(tmp, 'gcs');
    const args = buildRunArguments({
      configFile,
      config,
      target: localTarget,
      runId: scratch.runId,
      localGcsDir: gcsDir,
    });
    const problems = await argumentProblems(args);
    const rows = await dataCheckRows(args, files, { dataDir: path.join(tmp, 'warehouse'), gcsDir });
    return { problems, ...(await judgeDataChecks(args, rows, files)) };
  });
}

type ExampleFiles = { train: ExampleFile; eval: ExampleFile };

/**
 * Calls `body` with a new temporary folder and removes the folder afterwards, also when a signal ends the
 * process (where `finally` does not run): the folder is removed, then the process dies of the same signal.
 */
async function inScratchFolder<T>(body: (tmp: string) => Promise<T>): Promise<T> {
  let tmp: string | undefined;
  const remove = () => {
    if (tmp !== undefined) fs.rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    process.kill(process.pid, signal);
  };
  // The handlers stand before the folder exists and until it is gone: a signal that lands in between would
  // otherwise kill the process by default and leave the folder behind (Node runs a handler on its event
  // loop, so one that arrives during mkdtempSync or rmSync waits for them).
  for (const signal of interruptSignals) process.once(signal, onSignal);
  try {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-check-'));
    return await body(tmp);
  } finally {
    remove();
    for (const signal of interruptSignals) process.off(signal, onSignal);
  }
}

/** What the workflow's validate_arguments refuses in `args`, one line each; none when it accepts them. */
async function argumentProblems(args: RunArguments): Promise<string[]> {
  const validation = await callCompiledSubworkflow('validate_arguments', {
    args,
    run_id: args.runId,
    project: args.project,
    location: args.location,
    dataset: args.dataset,
    connection: args.connection,
  });
  return validation.state === 'SUCCEEDED'
    ? []
    : ((validation.error as { problems?: string[] }).problems ?? [
        String((validation.error as { message?: unknown }).message),
      ]);
}

/**
 * Loads both splits into a BigQuery emulator over `where` (LOAD DATA as the pipeline writes it) and returns
 * the rows of the pipeline's data-checks statement. A load the emulator refuses names the user's file.
 */
async function dataCheckRows(
  args: RunArguments,
  files: ExampleFiles,
  where: { dataDir: string; gcsDir: string },
): Promise<unknown[]> {
  const bigquery = await createBigQueryEmulator({
    ...where,
    projectId: scratch.project,
    datasets: [`${scratch.project}.${scratch.dataset}`],
  });
  try {
    const dataset = { project: scratch.project, dataset: scratch.dataset };
    const loads = [
      [
        'train',
        bindSql(statements.loadTrain, {
          ...dataset,
          train_table: scratch.train_table,
          train_uri: args.data.train,
        }),
      ],
      [
        'eval',
        bindSql(statements.loadEval, {
          ...dataset,
          eval_table: scratch.eval_table,
          eval_uri: args.data.eval,
        }),
      ],
    ] as const;
    for (const [split, sql] of loads) {
      try {
        await bigquery.query(sql.text);
      } catch (err) {
        const uri = args.data[split];
        throw new Error((err as Error).message.split(uri).join(files[split].file), { cause: err });
      }
    }
    const checks = bindSql(statements.dataChecks, {
      ...dataset,
      train_table: scratch.train_table,
      eval_table: scratch.eval_table,
    });
    return (await bigquery.query(checks.text, [stringArrayParam('labels', args.task.labels ?? [])])).rows;
  } finally {
    await bigquery.close();
  }
}

/** The findings judge_data_checks makes of the data-check rows, located in the user's files. */
async function judgeDataChecks(
  args: RunArguments,
  rows: unknown[],
  files: ExampleFiles,
): Promise<Omit<OfflinePipelineChecks, 'problems'>> {
  // As the pipeline's context says (context.ts): label checks apply to classification only.
  const judged = await callCompiledSubworkflow('judge_data_checks', {
    checks: args.checks,
    rows,
    classify: args.task.type === 'classification',
  });
  if (judged.state === 'SUCCEEDED') {
    return { findings: locateFindings(judged.result as DataCheckFinding[], files), failed: false };
  }
  const error = judged.error as { tags?: string[]; findings?: DataCheckFinding[]; message?: string };
  if (error?.tags?.includes(PipelineTag.DataCheckError) && Array.isArray(error.findings)) {
    return { findings: locateFindings(error.findings, files), failed: true };
  }
  throw new Error(`data checks could not be judged: ${error?.message ?? JSON.stringify(error)}`);
}
