import fs from 'node:fs';
import path from 'node:path';

/** The pipeline names a run can carry, as the runs table's `pipeline` column records them. */
export const pipelineNames = { tune: 'tune-and-evaluate', predict: 'batch-predict' } as const;

/**
 * One local `bqtune predict` run: `<state-dir>/predictions/<id>/summary.json` as predict writes it
 * (`{runId, pipeline, startedAt, servingName, state, outcome, out}`; runs written before `pipeline` and
 * `startedAt` existed lack them). `outcome` is the execution's result (on success) or its error.
 */
export interface LocalPredictRun {
  id: string;
  dir: string;
  summary: {
    runId: string;
    pipeline?: string;
    startedAt?: string;
    servingName: string;
    state: string;
    outcome?: {
      message?: string;
      predictions?: {
        champion?: string;
        sourceRows?: number;
        pending?: number;
        succeeded?: number;
        failed?: number;
      };
    };
    out?: string;
  };
}

/** The predict runs of a state folder; a folder without a readable summary.json is skipped. */
export function listLocalPredictRuns(stateDir: string): LocalPredictRun[] {
  const root = path.join(stateDir, 'predictions');
  if (!fs.existsSync(root)) return [];
  const runs: LocalPredictRun[] = [];
  for (const id of fs.readdirSync(root)) {
    const run = readPredictRun(path.join(root, id));
    if (run !== undefined) runs.push(run);
  }
  return runs;
}

/** `<state-dir>/predictions/<id>`, or undefined when there is no such run (or its summary is unreadable). */
export function readPredictRun(dir: string): LocalPredictRun | undefined {
  const file = path.join(dir, 'summary.json');
  if (!fs.existsSync(file)) return undefined;
  try {
    const summary = JSON.parse(fs.readFileSync(file, 'utf8')) as LocalPredictRun['summary'];
    return { id: path.basename(dir), dir, summary: { ...summary, pipeline: pipelineNames.predict } };
  } catch {
    return undefined;
  }
}

/** The run's status in the runs table's words: an execution that succeeded is `succeeded`. */
export const predictStatus = (state: string): string =>
  state === 'SUCCEEDED' ? 'succeeded' : state.toLowerCase();
