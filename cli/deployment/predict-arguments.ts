import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { BatchPredictArguments } from '../../schemas/types.generated';
import { validateBatchPredictArguments } from '../../schemas/validate';
import { localBucket, uploadToLocalBucket } from '../local/environment';
import type { TriggerTarget } from './target';

/** Where batch-predict's own arguments come from: a JSON or YAML file, or an object the caller built. */
export type PredictArgumentsSource =
  /** JSON or YAML: servingName, source ({ uri } or { table }), and optionally keyColumn, inputColumn, drift, retries. */
  | { argumentsFile: string }
  /**
   * The same fields, built by a caller (`bqtune predict` from its flags); `origin` names them in errors, and a
   * local `source.uri` is read as it is (an absolute path, or relative to the working folder).
   */
  | { arguments: Record<string, unknown>; origin: string };

export type PredictArgumentsInput = PredictArgumentsSource & {
  target: TriggerTarget;
  runId: string;
  /**
   * As for run arguments: with a local Executions API, a local source file is copied into its bucket.
   * Absent: the source must already be a gs:// URI or a table.
   */
  localGcsDir?: string;
};

/** The file's arguments object; errors name the file. */
function readArgumentsFile(file: string): Record<string, unknown> {
  if (!fs.existsSync(file)) throw new Error(`arguments file not found: ${file}`);
  const yaml = /\.ya?ml$/i.test(file);
  let parsed: unknown;
  try {
    parsed = yaml ? parseYaml(fs.readFileSync(file, 'utf8')) : JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file} is not valid ${yaml ? 'YAML' : 'JSON'}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${file} must hold an object of batch-predict arguments`);
  return parsed as Record<string, unknown>;
}

/**
 * The arguments of one batch-predict execution, on every path (trigger, deployed or local endpoint, and
 * `bqtune predict`): the given fields, plus the run id and the target's project, location and dataset,
 * validated with `schemas/batch-predict-arguments.schema.json`. Errors name the file (or `origin`) and the
 * field (SchemaValidationError); a local source file is uploaded only once all is valid.
 */
export function buildPredictArguments(input: PredictArgumentsInput): BatchPredictArguments {
  const fromFile = 'argumentsFile' in input;
  const origin = fromFile ? input.argumentsFile : input.origin;
  const given = fromFile ? readArgumentsFile(input.argumentsFile) : input.arguments;
  const baseDir = fromFile ? path.dirname(input.argumentsFile) : process.cwd();
  const source = given.source as Record<string, unknown> | undefined;
  let upload: (() => void) | undefined;
  let sourceValue: unknown = source;
  if (typeof source?.uri === 'string' && !source.uri.startsWith('gs://')) {
    const local = path.resolve(baseDir, source.uri);
    const gcsDir = input.localGcsDir;
    if (gcsDir === undefined)
      throw new Error(
        `${origin}: source.uri ${source.uri} is a local file; upload it to Cloud Storage first`,
      );
    if (!fs.existsSync(local)) throw new Error(`${origin}: source.uri: file not found: ${local}`);
    const object = `${input.runId}/source.jsonl`;
    sourceValue = { ...source, uri: `gs://${localBucket}/${object}` };
    upload = () => uploadToLocalBucket(gcsDir, local, object);
  }
  const args = validateBatchPredictArguments(
    {
      ...given,
      source: sourceValue,
      runId: input.runId,
      project: input.target.project,
      location: input.target.location,
      dataset: input.target.dataset,
    },
    origin,
  );
  upload?.();
  return args;
}
