import fs from 'node:fs';
import path from 'node:path';
import type { RunArguments, RunSummary } from '../../schemas/types.generated';
import { writeFileAtomic } from '../../emulator/workflows/write-atomic';
import { localWarehouse } from '../history/warehouse';
import { writeReport } from '../report';
import type { LocalEnvironment } from './environment';
import { buildSummary, type SummaryInput } from './summary';

/** `<state-dir>/runs/<run-id>`; the id must have passed `checkRunId`. */
export const runFolder = (stateDir: string, runId: string): string => path.join(stateDir, 'runs', runId);

/** Writes a value as indented JSON with a final newline, atomically. */
const writeJson = (file: string, value: unknown) =>
  writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n');

/**
 * Records a finished execution of the pipeline as a run folder: `arguments.json`, `summary.json`,
 * `findings.json` and `report.html`, from the rows the run left in the (still open) warehouse. They are written into a
 * hidden sibling folder that is renamed into place at the end, so the folder appears whole or not at
 * all, and a run that never started leaves none behind.
 */
export async function recordRun(
  env: LocalEnvironment,
  runDir: string,
  args: RunArguments,
  input: Omit<SummaryInput, 'task'> & {
    /** What the caller adds to the summary built from the warehouse (finding lines, warnings). */
    refine?: (summary: RunSummary) => RunSummary;
  },
): Promise<RunSummary> {
  const built = await buildSummary(env.bigquery, { ...input, task: args.task.type });
  const summary = input.refine ? input.refine(built) : built;
  const partial = path.join(path.dirname(runDir), `.${path.basename(runDir)}.partial`);
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  try {
    writeJson(path.join(partial, 'arguments.json'), args);
    writeJson(path.join(partial, 'summary.json'), summary);
    // The data-check findings alone, machine-readable, with the user's files and lines.
    writeJson(path.join(partial, 'findings.json'), summary.dataChecks);
    await writeReport(partial, { warehouse: localWarehouse(env) });
    fs.renameSync(partial, runDir);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  return summary;
}
