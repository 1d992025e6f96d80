export { parseExampleRows } from './example-rows';
export { SchemaValidationError } from './messages';
export type { SchemaIssue } from './messages';
export { loadPipelineConfig } from './pipeline-config-file';
export type * from './types.generated';
export {
  promptLabelWarnings,
  validateEvaluationRecord,
  validateExampleRow,
  validatePipelineConfig,
  validateRunArguments,
  validateRunSummary,
} from './validate';
