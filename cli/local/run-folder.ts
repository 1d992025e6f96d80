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

/** Writes a file through JSON with a final newline, atomically. */
const writeJson = (file: string, value: unknown) =>
  writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n');

/**
 * Records a finished execution of the pipeline as a run folder: `arguments.json`, `summary.json` and
 * `report.html`, each written atomically, from the rows the run left in the (still open) warehouse. The
 * folder appears only now, so a run that never started leaves none behind.
 */
export async function recordRun(
  env: LocalEnvironment,
  runDir: string,
  args: RunArguments,
  input: SummaryInput,
): Promise<RunSummary> {
  const summary = await buildSummary(env.bigquery, input);
  fs.mkdirSync(runDir, { recursive: true });
  writeJson(path.join(runDir, 'arguments.json'), args);
  writeJson(path.join(runDir, 'summary.json'), summary);
  await writeReport(runDir, { warehouse: localWarehouse(env) });
  return summary;
}
