import { renderWorkflow } from '../dsl';
import { batchPredict } from './batch-predict';
import { tuneAndEvaluate } from './tune-and-evaluate';

/** Every pipeline, by the name its compiled YAML is written under in workflows/dist/. */
export const pipelines: Record<string, () => string> = {
  'tune-and-evaluate': () => renderWorkflow(tuneAndEvaluate()),
  'batch-predict': () => renderWorkflow(batchPredict()),
};
