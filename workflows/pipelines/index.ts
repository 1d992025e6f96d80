import { renderWorkflow } from '../dsl';
import { tuneAndEvaluate } from './tune-and-evaluate';

/** Every pipeline, by the name its compiled YAML is written under in workflows/dist/. */
export const pipelines: Record<string, () => string> = {
  'tune-and-evaluate': () => renderWorkflow(tuneAndEvaluate()),
};
