import fs from 'node:fs';
import path from 'node:path';
import { loadReportData } from './data';
import { renderReport } from './html';

export const reportFileName = 'report.html';

/**
 * Writes `<runDir>/report.html` for a local run folder and returns its path. The run's warehouse snapshot
 * is read; `stateDir`'s live warehouse stands in when the folder has no snapshot.
 */
export async function writeReport(runDir: string, stateDir?: string): Promise<string> {
  const data = await loadReportData(runDir, stateDir);
  const file = path.join(runDir, reportFileName);
  fs.writeFileSync(file, renderReport(data));
  return file;
}
