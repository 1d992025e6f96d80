/**
 * Vertex AI endpoints a BigQuery ML remote model may name. The lists follow Google's BigQuery ML pages as
 * of 2026: the tunable bases are the ones the supervised-tuning how-to lists; the rest are Gemini models
 * the remote-model page accepts for generation. Exported so a workflow's validation step can embed them.
 */
export const tunableBaseModels = [
  'gemini-2.5-pro',
  'gemini-2.5-flash-lite',
  'gemini-2.0-flash-001',
  'gemini-2.0-flash-lite-001',
] as const;

export const generationModels = [
  ...tunableBaseModels,
  'gemini-2.5-flash',
  // Served only from the us, eu and global endpoints.
  'gemini-3.1-flash-lite',
  'gemini-3.5-flash',
] as const;

export type TunableBaseModel = (typeof tunableBaseModels)[number];
export type GenerationModel = (typeof generationModels)[number];

export interface RetiredModel {
  /** Matches the model itself and its versions (`text-bison`, `text-bison@002`, `text-bison-32k`). */
  prefix: string;
  why: string;
  forTuning: TunableBaseModel;
  forGeneration: GenerationModel;
}

const palm = 'PaLM 2 models were shut down on 2025-04-09 (no new tuning jobs since 2024-10-09)';

export const retiredModels: readonly RetiredModel[] = [
  { prefix: 'text-bison', why: palm, forTuning: 'gemini-2.0-flash-001', forGeneration: 'gemini-2.5-flash' },
  { prefix: 'chat-bison', why: palm, forTuning: 'gemini-2.0-flash-001', forGeneration: 'gemini-2.5-flash' },
  { prefix: 'code-bison', why: palm, forTuning: 'gemini-2.0-flash-001', forGeneration: 'gemini-2.5-flash' },
  {
    prefix: 'codechat-bison',
    why: palm,
    forTuning: 'gemini-2.0-flash-001',
    forGeneration: 'gemini-2.5-flash',
  },
  { prefix: 'text-unicorn', why: palm, forTuning: 'gemini-2.5-pro', forGeneration: 'gemini-2.5-pro' },
  {
    prefix: 'gemini-pro',
    why: 'Gemini 1.0 models are retired',
    forTuning: 'gemini-2.0-flash-001',
    forGeneration: 'gemini-2.5-flash',
  },
  {
    prefix: 'gemini-1.0',
    why: 'Gemini 1.0 models are retired',
    forTuning: 'gemini-2.0-flash-001',
    forGeneration: 'gemini-2.5-flash',
  },
  {
    prefix: 'gemini-1.5-pro',
    why: 'Gemini 1.5 models are retired',
    forTuning: 'gemini-2.5-pro',
    forGeneration: 'gemini-2.5-pro',
  },
  {
    prefix: 'gemini-1.5-flash',
    why: 'Gemini 1.5 models are retired',
    forTuning: 'gemini-2.5-flash-lite',
    forGeneration: 'gemini-2.5-flash',
  },
];

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
 * than a letter or digit replaced by `_` (gemini-2.0-flash-001 → base_gemini_2_0_flash_001). Pulumi creates
 * it under this id and the pipeline's CREATE MODEL IF NOT EXISTS finds it; the workflow computes the same
 * id with text.replace_all_regex.
 */
export function baseModelId(endpoint: string): string {
  return `base_${endpoint.replace(/[^A-Za-z0-9]/g, '_')}`;
}
