/**
 * The tags the pipelines raise beside Google's (`Tag`, workflows/facts/error-tags.ts), declared once for the
 * steps that raise them and the CLI that reads them back from a failed execution's error map.
 */
export const PipelineTag = {
  /** A second execution under a run id whose claim row exists (tune-and-evaluate, before any load). */
  RunIdInUseError: 'RunIdInUseError',
  /** A data check configured to fail found rows (both pipelines, before any model call). */
  DataCheckError: 'DataCheckError',
  /** The champion the gate compared against was replaced by another run first (deploy, recorded). */
  ChampionMovedError: 'ChampionMovedError',
  /** The promotion committed but the serving name's table function was not switched (deploy, recorded). */
  ServingFunctionError: 'ServingFunctionError',
  /** The serving name has no champion, or no run that promoted it (batch-predict, before any model call). */
  NoChampionError: 'NoChampionError',
  /** None of the rows sent to the champion was answered (batch-predict). */
  GenerationError: 'GenerationError',
} as const;
