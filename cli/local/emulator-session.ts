import fs from 'node:fs';
import { validateRunArguments } from '../../schemas/validate';
import type { ExecutionSession, FinishedExecution } from '../../emulator/workflows/server';
import { openLocalEnvironment, type LocalEnvironment } from './environment';
import { recordRun, runFolder } from './run-folder';
import { checkRunId } from './run-id';
import { pipelineName } from './run-locally';
import { recordRunHolder, type StateHolder } from './state-holder';

/**
 * What `bqtune emulator` runs executions against. The warehouse is open only while an execution runs
 * (shared by those running at once), so between executions `bqtune champion`, `report` and `run` can
 * use the state folder. An execution of the pipeline is recorded as a run folder like `bqtune run`'s.
 */
export class EmulatorSessions {
  private env: Promise<LocalEnvironment> | undefined;
  private users = 0;
  /**
   * Run ids admitted and not yet recorded (two executions cannot claim one run folder), each with the
   * removal of its run holder record (see `recordRunHolder`).
   */
  private readonly pending = new Map<string, () => void>();

  constructor(
    private readonly stateDir: string,
    private readonly holder: StateHolder,
  ) {}

  /** Refuses a pipeline execution whose run id is not valid or already taken, before anything is written. */
  admit = (workflow: string, argument: unknown): (() => void) | undefined => {
    if (workflow !== pipelineName) return undefined;
    const runId = checkRunId((argument as { runId?: unknown } | null)?.runId, 'argument.runId');
    if (this.pending.has(runId) || fs.existsSync(runFolder(this.stateDir, runId))) {
      throw new Error(`argument.runId: run ${runId} already exists in ${runFolder(this.stateDir, runId)}`);
    }
    this.pending.set(runId, recordRunHolder(this.stateDir, runId, this.holder));
    return () => this.settle(runId);
  };

  /** The run is recorded, or will not run: it is no longer pending, and this process no longer holds it. */
  private settle(runId: string): void {
    this.pending.get(runId)?.();
    this.pending.delete(runId);
  }

  open = async (): Promise<ExecutionSession> => {
    this.users++;
    let env: LocalEnvironment;
    try {
      this.env ??= openLocalEnvironment(this.stateDir, undefined, this.holder);
      env = await this.env;
    } catch (error) {
      this.env = undefined;
      this.users--;
      throw error;
    }
    const invocationsBefore = env.bigquery.stats.modelInvocations;
    return {
      connectors: env.bigquery.connectors,
      finished: (execution) => this.record(env, execution, invocationsBefore),
      release: async () => {
        if (--this.users > 0) return;
        this.env = undefined;
        await env.close();
      },
    };
  };

  private async record(env: LocalEnvironment, execution: FinishedExecution, invocationsBefore: number) {
    if (execution.workflow !== pipelineName) return;
    const argument = JSON.parse(execution.argument || 'null') as { runId?: string } | null;
    const runId = argument?.runId;
    if (runId === undefined) return;
    try {
      // Arguments the workflow refused (and failed on) make no run: `runs` shows runs of the pipeline.
      const args = validateRunArguments(argument, 'argument');
      const { outcome } = execution;
      const failed = outcome.events.find((e) => e.type === 'error');
      await recordRun(env, runFolder(this.stateDir, args.runId), args, {
        runId: args.runId,
        startedAt: execution.startTime,
        finishedAt: execution.endTime,
        state: outcome.state,
        result: outcome.result,
        error: outcome.error,
        // Executions running at once share the counter; each is charged what ran while it did.
        modelInvocations: env.bigquery.stats.modelInvocations - invocationsBefore,
        labels: args.task.labels ?? [],
        failedStep: failed ? `${failed.routine}.${failed.step}` : undefined,
      });
    } finally {
      this.settle(runId);
    }
  }
}
