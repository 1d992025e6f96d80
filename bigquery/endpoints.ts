import {
  catalogGenerationModels,
  catalogTunableModels,
  defaultBaseEndpoint,
  defaultGenerationEndpoint,
} from './model-catalog';

/**
 * Vertex AI endpoints a BigQuery ML remote model may name, read from the model catalog
 * (`model-catalog.ts`), which cites the page behind each. Whether a model is past its retirement date is a
 * question of the day, answered by the catalog's lifecycle check, not here. Exported so a workflow's
 * validation step can embed them.
 */
export const tunableBaseModels: readonly string[] = catalogTunableModels;

export const generationModels: readonly string[] = catalogGenerationModels;

export interface RetiredModel {
  /** Matches the model itself and its versions (`text-bison`, `text-bison@002`, `text-bison-32k`). */
  prefix: string;
  why: string;
  forTuning: string;
  forGeneration: string;
}

// https://cloud.google.com/vertex-ai/generative-ai/docs/deprecations
const palm = 'PaLM 2 models were shut down on 2025-04-09 (no new tuning jobs since 2024-10-09)';
const gemini10 = 'Gemini 1.0 models were shut down on 2025-04-09';
// https://docs.cloud.google.com/vertex-ai/generative-ai/docs/learn/model-versioning (retired models)
const gemini15 = 'Gemini 1.5 models are retired';

/** Model families retired before the catalog's oldest entry; the shipped defaults replace them. */
export const retiredModels: readonly RetiredModel[] = [
  ['text-bison', palm],
  ['chat-bison', palm],
  ['code-bison', palm],
  ['codechat-bison', palm],
  ['text-unicorn', palm],
  ['gemini-pro', gemini10],
  ['gemini-1.0', gemini10],
  ['gemini-1.5-pro', gemini15],
  ['gemini-1.5-flash', gemini15],
].map(([prefix, why]) => ({
  prefix,
  why,
  forTuning: defaultBaseEndpoint,
  forGeneration: defaultGenerationEndpoint,
}));

export type EndpointPurpose = 'tuning' | 'generation';

export interface ParsedEndpoint {
  model: string;
  /** Set when the endpoint was a full URL: the location it names (`global` for the global endpoint). */
  location?: string;
}

// https://{region}-aiplatform.googleapis.com/v1/projects/P/locations/{region}/publishers/google/models/M, or
// the global host with locations/global.
const endpointUrl =
  /^https:\/\/(?:([a-z]+-[a-z]+[0-9]{1,2})-)?aiplatform\.googleapis\.com\/v1(?:beta1)?\/projects\/([a-z0-9.:-]+)\/locations\/([a-z0-9-]+)\/publishers\/google\/models\/([^/]+)$/;
const projectNumberOrId = /^([0-9]{1,20}|([a-z0-9][a-z0-9.-]{0,61}[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9])$/;

export function retiredModel(model: string): RetiredModel | undefined {
  return retiredModels.find(
    (r) => model === r.prefix || model.startsWith(`${r.prefix}-`) || model.startsWith(`${r.prefix}@`),
  );
}

/** Checks a bare model name or a full endpoint URL for the given use; errors name `field`. */
export function parseEndpoint(endpoint: string, purpose: EndpointPurpose, field: string): ParsedEndpoint {
  if (typeof endpoint !== 'string') throw new Error(`${field}: expected an endpoint string`);
  let model = endpoint;
  let location: string | undefined;
  if (endpoint.startsWith('https://')) {
    const m = endpointUrl.exec(endpoint);
    if (!m) {
      throw new Error(
        `${field}: ${JSON.stringify(endpoint)} is not a Vertex AI publisher model URL (https://REGION-aiplatform.googleapis.com/v1/projects/P/locations/REGION/publishers/google/models/MODEL)`,
      );
    }
    const [, hostRegion, project, urlLocation, urlModel] = m;
    if ((hostRegion ?? 'global') !== urlLocation) {
      throw new Error(`${field}: the host region and locations/${urlLocation} of ${endpoint} disagree`);
    }
    if (!projectNumberOrId.test(project))
      throw new Error(`${field}: ${project} in ${endpoint} is not a project`);
    model = urlModel;
    location = urlLocation;
  }
  const retired = retiredModel(model);
  if (retired) {
    const replacement = purpose === 'tuning' ? retired.forTuning : retired.forGeneration;
    throw new Error(`${field}: ${model} is retired (${retired.why}); use ${replacement} instead`);
  }
  const allowed: readonly string[] = purpose === 'tuning' ? tunableBaseModels : generationModels;
  if (!allowed.includes(model)) {
    throw new Error(
      `${field}: ${JSON.stringify(model)} is not a ${purpose === 'tuning' ? 'tunable base model' : 'supported Gemini model'}; expected one of ${allowed.join(', ')}`,
    );
  }
  return location === undefined ? { model } : { model, location };
}

/**
 * The id of the base remote model over an endpoint: `base_` and the endpoint with every character other
 * than a letter or digit replaced by `_` (gemini-3.5-flash → base_gemini_3_5_flash). Pulumi creates
 * it under this id and the pipeline's CREATE MODEL IF NOT EXISTS finds it; the workflow computes the same
 * id with text.replace_all_regex.
 */
export function baseModelId(endpoint: string): string {
  return `base_${endpoint.replace(/[^A-Za-z0-9]/g, '_')}`;
}
