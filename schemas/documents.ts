import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root';
import batchPredictArguments from './batch-predict-arguments.schema.json';
import definitions from './definitions.schema.json';
import evaluationRecord from './evaluation-record.schema.json';
import exampleRow from './example-row.schema.json';
import pipelineConfig from './pipeline-config.schema.json';
import runArguments from './run-arguments.schema.json';
import runSummary from './run-summary.schema.json';
import stackConfig from './stack-config.schema.json';

/** One schema file: its name (also its `$id`, which other files' `$ref`s resolve against) and its content. */
export interface SchemaDocument {
  file: string;
  schema: object;
}

/** The schema files, as compiled into the program; the generators list them from here. */
export const schemaDocuments: readonly SchemaDocument[] = [
  { file: 'definitions.schema.json', schema: definitions },
  { file: 'pipeline-config.schema.json', schema: pipelineConfig },
  { file: 'run-arguments.schema.json', schema: runArguments },
  { file: 'batch-predict-arguments.schema.json', schema: batchPredictArguments },
  { file: 'example-row.schema.json', schema: exampleRow },
  { file: 'evaluation-record.schema.json', schema: evaluationRecord },
  { file: 'run-summary.schema.json', schema: runSummary },
  { file: 'stack-config.schema.json', schema: stackConfig },
];

/** The source folder of the schemas, which the type generator reads and writes. */
export const schemasDir = path.join(packageRoot(), 'schemas');

/** The schema files as they are on disk now, so the generator sees edits made since the last build. */
export function sourceSchemaDocuments(): SchemaDocument[] {
  return schemaDocuments.map(({ file }) => ({
    file,
    schema: JSON.parse(fs.readFileSync(path.join(schemasDir, file), 'utf8')) as object,
  }));
}
