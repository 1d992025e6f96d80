import type { RecordedRun } from '../../../cli/history/recorded-runs';

/** A runs-table row as `readRecordedRuns` returns it: a tuning run with nothing recorded but its status. */
export const recordedRun = (runId: string, status: string, over: Partial<RecordedRun> = {}): RecordedRun => ({
  runId,
  status,
  pipeline: 'tune-and-evaluate',
  gateMetric: null,
  baselineMetric: null,
  tunedMetric: null,
  tunedModel: null,
  tuningReused: null,
  gatePassed: null,
  gateReasons: [],
  deployed: null,
  error: null,
  evalFingerprint: null,
  evalKey: null,
  recordedAt: '2026-11-30 10:00:00',
  execution: null,
  ...over,
});
