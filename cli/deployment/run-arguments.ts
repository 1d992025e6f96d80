import fs from 'node:fs';
import { ensureData } from '../local/example-config';
import { loadPipelineConfig } from '../../schemas/pipeline-config-file';
import type { PipelineConfig, RunArguments } from '../../schemas/types.generated';
import { validateRunArguments } from '../../schemas/validate';
import { localBucket, uploadToLocalBucket } from '../local/environment';
import type { TriggerTarget } from './target';

export interface RunArgumentsInput {
  configFile: string;
  /**
   * The config as `loadPipelineConfig` read it, when the caller has it already (read once, warned once);
   * absent: read from `configFile`.
   */
  config?: PipelineConfig;
  target: TriggerTarget;
  runId: string;
  /** Training data URI that replaces the config's; absent: the config's. */
  train?: string;
  /** Eval data URI that replaces the config's; absent: the config's. */
  eval?: string;
  /**
   * The local Executions API's stand-in for Cloud Storage (`<state-dir>/gcs`): local data files are copied
   * into its bucket. Without it, data must already be gs:// URIs.
   */
  localGcsDir?: string;
}

/** The data's gs:// URI, and for a local file, the upload that puts it there (done once all is valid). */
function dataUri(
  location: string,
  split: 'train' | 'eval',
  input: RunArgumentsInput,
): { uri: string; upload?: () => void } {
  if (location.startsWith('gs://')) return { uri: location };
  const gcsDir = input.localGcsDir;
  if (gcsDir === undefined) {
    throw new Error(
      `data.${split}: ${location} is a local file; upload it to Cloud Storage and pass --${split} gs://BUCKET/OBJECT`,
    );
  }
  if (!fs.existsSync(location)) throw new Error(`data.${split}: file not found: ${location}`);
  const object = `${input.runId}/${split}.jsonl`;
  return {
    uri: `gs://${localBucket}/${object}`,
    upload: () => uploadToLocalBucket(gcsDir, location, object),
  };
}

/** The pipeline config minus `$schema`, with gs:// data and the target's names: valid run arguments. */
export function buildRunArguments(input: RunArgumentsInput): RunArguments {
  if (!fs.existsSync(input.configFile)) throw new Error(`config file not found: ${input.configFile}`);
  const config = input.config ?? loadPipelineConfig(input.configFile);
  // The bundled example's data is generated on first use; flags may replace either file with a gs:// URI.
  ensureData(input.configFile, {
    train: input.train ?? config.data.train,
    eval: input.eval ?? config.data.eval,
  });
  const { $schema: _schema, ...rest } = config as typeof config & { $schema?: string };
  const { project, location, dataset, connection } = input.target;
  const train = dataUri(input.train ?? config.data.train, 'train', input);
  const evalSet = dataUri(input.eval ?? config.data.eval, 'eval', input);
  const args = validateRunArguments(
    {
      ...rest,
      runId: input.runId,
      project,
      location,
      dataset,
      connection,
      data: { train: train.uri, eval: evalSet.uri },
    },
    'run arguments',
  );
  train.upload?.();
  evalSet.upload?.();
  return args;
}
