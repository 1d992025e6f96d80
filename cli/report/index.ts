import path from 'node:path';
import { writeFileAtomic } from '../../emulator/workflows/write-atomic';
import { loadReportData, type ReportSource } from './data';
import { renderReport } from './html';

export const reportFileName = 'report.html';

/**
 * Writes `<runDir>/report.html` (atomically) for a local run folder and returns its path. The rows come
 * from `source`: an open warehouse, or the run's warehouse snapshot, or else the state's live warehouse.
 */
export async function writeReport(runDir: string, source: ReportSource = {}): Promise<string> {
  const data = await loadReportData(runDir, source);
  const file = path.join(runDir, reportFileName);
  writeFileAtomic(file, renderReport(data));
  return file;
}
