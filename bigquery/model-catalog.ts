/**
 * The model catalog: every Vertex AI endpoint bqtune knows, what BigQuery ML can do with it, and when it
 * retires. Each fact names the Google page it was read from and the day it was read; a fact the stored
 * pages did not confirm is `unconfirmed` and is never treated as a yes.
 *
 * Lifecycle rules (Vertex AI "Model versions and lifecycle"): a stable model is available until its
 * retirement date, the last day it can be used; one month before that date new access for online
 * inference, batch inference and tuning is blocked; a tuned model shares its base model's retirement date.
 * The page says a listed date may be extended but never moved earlier, so a date shown as "or later" is
 * read as the earliest retirement.
 */

/** The pages the catalog was read from, and when. */
export const catalogPages = {
  modelVersions: {
    url: 'https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/model-versions',
    read: '2026-11-30',
  },
  legacyModelVersions: {
    url: 'https://docs.cloud.google.com/vertex-ai/generative-ai/docs/learn/model-versioning',
    read: '2026-11-30',
  },
  deprecations: {
    url: 'https://cloud.google.com/vertex-ai/generative-ai/docs/deprecations',
    read: '2026-11-30',
  },
  bigqueryTuningHowTo: {
    url: 'https://docs.cloud.google.com/bigquery/docs/generate-text-tuning',
    read: '2026-11-30',
  },
  createModelTuned: {
    url: 'https://docs.cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-create-remote-model-tuned',
    read: '2026-11-30',
  },
  createModelRemote: {
    url: 'https://cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-create-remote-model',
    read: '2026-11-30',
  },
  vertexSupervisedTuning: {
    url: 'https://docs.cloud.google.com/vertex-ai/generative-ai/docs/models/gemini-supervised-tuning',
    read: '2026-11-30',
  },
  // The model pages: "Token limits" gives "Maximum input tokens" (older pages) or "Context window" (newer).
  gemini35FlashGuide: {
    url: 'https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/guides/gemini-3-5-flash',
    read: '2026-11-30',
  },
  gemini35FlashLite: {
    url: 'https://docs.cloud.google.com/vertex-ai/generative-ai/docs/models/gemini/3-5-flash-lite',
    read: '2026-11-30',
  },
  gemini31FlashLite: {
    url: 'https://docs.cloud.google.com/vertex-ai/generative-ai/docs/models/gemini/3-1-flash-lite',
    read: '2026-11-30',
  },
  gemini25Pro: {
    url: 'https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/gemini/2-5-pro',
    read: '2026-11-30',
  },
  gemini25Flash: {
    url: 'https://cloud.google.com/vertex-ai/generative-ai/docs/models/gemini/2-5-flash',
    read: '2026-11-30',
  },
  gemini25FlashLite: {
    url: 'https://cloud.google.com/vertex-ai/generative-ai/docs/models/gemini/2-5-flash-lite',
    read: '2026-11-30',
  },
  gemini20Flash: {
    url: 'https://docs.cloud.google.com/vertex-ai/generative-ai/docs/models/gemini/2-0-flash',
    read: '2026-11-30',
  },
  gemini20FlashLite: {
    url: 'https://cloud.google.com/vertex-ai/generative-ai/docs/models/gemini/2-0-flash-lite',
    read: '2026-11-30',
  },
} as const;

export type CatalogPage = keyof typeof catalogPages;

/** A fact and the page that states it, or a note of why it is not known. */
export type Fact<T> = { value: T; page: CatalogPage } | { unconfirmed: string };

/** `YYYY-MM-DD`; `orLater` when the page gives the date as "or later". */
export interface RetirementDate {
  date: string;
  orLater: boolean;
}

export interface CatalogEntry {
  model: string;
  /** BigQuery ML can create a supervised-tuning remote model over it. */
  bigqueryTuning: Fact<boolean>;
  /** A BigQuery ML remote model over it can generate (AI.GENERATE_TEXT, ML.EVALUATE). */
  bigqueryGeneration: Fact<boolean>;
  released: Fact<string>;
  retires: Fact<RetirementDate | 'none announced'>;
  /** What the model-versions page recommends instead, when it names one. */
  replacement?: Fact<string>;
  /** Input plus output tokens of one training example. */
  maxTrainingTokens: Fact<number>;
  /** LoRA adapter sizes the tuning service accepts. */
  adapterSizes: Fact<readonly number[]>;
  /**
   * Tokens one request's input may hold: the model page's "Maximum input tokens" or, on pages that give only
   * a "Context window", that window (the input cannot be larger). Absent when no stored page states it.
   */
  maxInputTokens?: Fact<number>;
}

/** Functions a BigQuery ML remote model over a Gemini endpoint serves. */
export const remoteModelFunctions: Fact<readonly string[]> = {
  value: ['AI.GENERATE_TEXT', 'AI.GENERATE_TABLE', 'ML.EVALUATE'],
  page: 'createModelTuned',
};

const yes = (page: CatalogPage): Fact<boolean> => ({ value: true, page });
const no = (page: CatalogPage): Fact<boolean> => ({ value: false, page });
const on = (date: string, orLater = false): Fact<RetirementDate> => ({
  value: { date, orLater },
  page: 'modelVersions',
});
const released = (date: string, page: CatalogPage = 'modelVersions'): Fact<string> => ({ value: date, page });
const inputTokens = (value: number, page: CatalogPage): Fact<number> => ({ value, page });
const notStated = (what: string): { unconfirmed: string } => ({
  unconfirmed: `the stored pages do not state ${what}`,
});

/** Gemini 2.5 limits from the supervised-tuning page's table for 2.5 Flash and 2.5 Flash-Lite. */
const gemini25TuningTokens: Fact<number> = { value: 131072, page: 'vertexSupervisedTuning' };
const gemini25AdapterSizes: Fact<readonly number[]> = {
  value: [1, 2, 4, 8, 16],
  page: 'vertexSupervisedTuning',
};

export const modelCatalog: readonly CatalogEntry[] = [
  {
    model: 'gemini-3.5-flash',
    // The CREATE MODEL page for tuning accepts Vertex AI's supervised-tuning models; that page has a limits
    // table for Gemini 3.5 Flash. (The older how-to page still lists only the 2.x models.)
    bigqueryTuning: yes('createModelTuned'),
    bigqueryGeneration: yes('createModelRemote'),
    released: released('2026-05-19'),
    retires: on('2027-05-19', true),
    maxTrainingTokens: notStated('the Gemini 3.5 Flash training-token limit'),
    adapterSizes: notStated('the Gemini 3.5 Flash adapter sizes'),
    maxInputTokens: inputTokens(1048576, 'gemini35FlashGuide'),
  },
  {
    model: 'gemini-3.5-flash-lite',
    bigqueryTuning: yes('createModelTuned'),
    bigqueryGeneration: yes('createModelRemote'),
    released: released('2026-07-21'),
    retires: on('2027-07-21', true),
    maxTrainingTokens: notStated('the Gemini 3.5 Flash-Lite training-token limit'),
    adapterSizes: notStated('the Gemini 3.5 Flash-Lite adapter sizes'),
    maxInputTokens: inputTokens(1048576, 'gemini35FlashLite'),
  },
  {
    model: 'gemini-3.1-flash-lite',
    bigqueryTuning: notStated('supervised tuning of gemini-3.1-flash-lite'),
    bigqueryGeneration: yes('createModelRemote'),
    released: released('2026-05-07'),
    retires: on('2027-05-07', true),
    maxTrainingTokens: notStated('a training-token limit (not tunable)'),
    adapterSizes: notStated('adapter sizes (not tunable)'),
    maxInputTokens: inputTokens(1048576, 'gemini31FlashLite'),
  },
  {
    model: 'gemini-2.5-pro',
    bigqueryTuning: yes('bigqueryTuningHowTo'),
    bigqueryGeneration: yes('createModelRemote'),
    released: released('2025-06-17'),
    retires: on('2026-10-20'),
    replacement: { value: 'gemini-3.5-flash', page: 'modelVersions' },
    maxTrainingTokens: notStated('the Gemini 2.5 Pro training-token limit in full'),
    adapterSizes: notStated('the Gemini 2.5 Pro adapter sizes'),
    maxInputTokens: inputTokens(1048576, 'gemini25Pro'),
  },
  {
    model: 'gemini-2.5-flash',
    // Vertex AI tunes it, but BigQuery's tuning how-to does not list it.
    bigqueryTuning: no('bigqueryTuningHowTo'),
    bigqueryGeneration: yes('createModelRemote'),
    released: released('2025-06-17'),
    retires: on('2026-10-20'),
    replacement: { value: 'gemini-3.5-flash-lite', page: 'modelVersions' },
    maxTrainingTokens: gemini25TuningTokens,
    adapterSizes: gemini25AdapterSizes,
    maxInputTokens: inputTokens(1048576, 'gemini25Flash'),
  },
  {
    model: 'gemini-2.5-flash-lite',
    bigqueryTuning: yes('bigqueryTuningHowTo'),
    bigqueryGeneration: yes('createModelRemote'),
    released: released('2025-07-22'),
    retires: on('2026-10-20'),
    replacement: { value: 'gemini-3.5-flash-lite', page: 'modelVersions' },
    maxTrainingTokens: gemini25TuningTokens,
    adapterSizes: gemini25AdapterSizes,
    maxInputTokens: inputTokens(1048576, 'gemini25FlashLite'),
  },
  {
    model: 'gemini-2.0-flash-001',
    bigqueryTuning: yes('bigqueryTuningHowTo'),
    bigqueryGeneration: yes('createModelRemote'),
    released: released('2025-02-05', 'legacyModelVersions'),
    retires: { value: { date: '2026-02-05', orLater: false }, page: 'legacyModelVersions' },
    maxTrainingTokens: notStated('the Gemini 2.0 Flash training-token limit in full'),
    adapterSizes: notStated('the Gemini 2.0 Flash adapter sizes'),
    maxInputTokens: inputTokens(1048576, 'gemini20Flash'),
  },
  {
    model: 'gemini-2.0-flash-lite-001',
    bigqueryTuning: yes('bigqueryTuningHowTo'),
    bigqueryGeneration: yes('createModelRemote'),
    released: released('2025-02-25', 'legacyModelVersions'),
    retires: { value: { date: '2026-02-25', orLater: false }, page: 'legacyModelVersions' },
    maxTrainingTokens: notStated('the Gemini 2.0 Flash-Lite training-token limit in full'),
    adapterSizes: notStated('the Gemini 2.0 Flash-Lite adapter sizes'),
    maxInputTokens: inputTokens(1048576, 'gemini20FlashLite'),
  },
];

/**
 * The base model every shipped config uses: on BigQuery's supervised-tuning list and, on the day the
 * catalog was read, far from its retirement date. Tests check both against the catalog.
 */
export const defaultBaseEndpoint = 'gemini-3.5-flash';

/** The generation model recommended in place of retired ones. */
export const defaultGenerationEndpoint = 'gemini-3.5-flash';

/** Days before a retirement date from which a warning is given unless configured otherwise. */
export const defaultRetirementWarningDays = 90;

export function confirmed<T>(fact: Fact<T>): T | undefined {
  return 'value' in fact ? fact.value : undefined;
}

export function catalogEntry(model: string): CatalogEntry | undefined {
  return modelCatalog.find((e) => e.model === model);
}

/**
 * The documented input token limit of a base endpoint (a catalog model name), or undefined when the catalog
 * does not hold the model or no stored page states its limit: callers say so rather than guess.
 */
export function inputTokenLimit(model: string): number | undefined {
  const fact = catalogEntry(model)?.maxInputTokens;
  return fact === undefined ? undefined : confirmed(fact);
}

/** Models BigQuery ML confirmedly tunes, in catalog order. */
export const catalogTunableModels: readonly string[] = modelCatalog
  .filter((e) => confirmed(e.bigqueryTuning) === true)
  .map((e) => e.model);

/** Models a BigQuery ML remote model confirmedly generates with, in catalog order. */
export const catalogGenerationModels: readonly string[] = modelCatalog
  .filter((e) => confirmed(e.bigqueryGeneration) === true)
  .map((e) => e.model);

export type LifecycleState = 'available' | 'warning' | 'blocked' | 'retired';

export interface Lifecycle {
  state: LifecycleState;
  /** The retirement date, or undefined when none is announced. */
  retires?: string;
  /** Whole days from `today` to the retirement date (negative once past). */
  daysLeft?: number;
}

const dayMs = 24 * 60 * 60 * 1000;

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** The date one calendar month earlier, clamped to the month's last day (2027-03-31 → 2027-02-28). */
function oneMonthBefore(day: number): number {
  const d = new Date(day);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() - 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay));
}

/**
 * Where a model stands on `today` (UTC days): `retired` after its retirement date, `blocked` from one
 * month before it (Vertex AI blocks new tuning and inference access), `warning` within `warningDays`,
 * otherwise `available`. An unconfirmed retirement date is `available` with no date: nothing is invented.
 */
export function lifecycleOf(entry: CatalogEntry, today: Date, warningDays: number): Lifecycle {
  const retires = confirmed(entry.retires);
  if (retires === undefined || retires === 'none announced') return { state: 'available' };
  const end = Date.parse(`${retires.date}T00:00:00Z`);
  const now = utcDay(today);
  const daysLeft = Math.round((end - now) / dayMs);
  const state: LifecycleState =
    now > end
      ? 'retired'
      : now >= oneMonthBefore(end)
        ? 'blocked'
        : daysLeft <= warningDays
          ? 'warning'
          : 'available';
  return { state, retires: retires.date, daysLeft };
}

export type EndpointUse = 'tuning' | 'generation';

/**
 * The model to use instead of `entry` on `today`, or undefined when the catalog has none: the page's
 * replacement when the catalog holds it for that use and it is available that day, else the shipped default,
 * else the available model of that use that retires last. Never `entry` itself.
 */
export function replacementFor(entry: CatalogEntry, use: EndpointUse, today: Date): string | undefined {
  const serves = (e: CatalogEntry) =>
    e.model !== entry.model &&
    confirmed(use === 'tuning' ? e.bigqueryTuning : e.bigqueryGeneration) === true &&
    lifecycleOf(e, today, 0).state === 'available';
  const named = entry.replacement === undefined ? undefined : confirmed(entry.replacement);
  const preferred = [named, use === 'tuning' ? defaultBaseEndpoint : defaultGenerationEndpoint];
  for (const model of preferred) {
    const candidate = model === undefined ? undefined : catalogEntry(model);
    if (candidate !== undefined && serves(candidate)) return candidate.model;
  }
  const lastToRetire = (e: CatalogEntry) => {
    const r = confirmed(e.retires);
    return r === undefined ? '' : r === 'none announced' ? '9999-12-31' : r.date;
  };
  return modelCatalog.filter(serves).sort((a, b) => lastToRetire(b).localeCompare(lastToRetire(a)))[0]?.model;
}

/** "use X instead", or what to do when the catalog knows no replacement. */
function insteadText(entry: CatalogEntry, use: EndpointUse, today: Date): string {
  const model = replacementFor(entry, use, today);
  return model === undefined
    ? "the model catalog has no available replacement: update bigquery/model-catalog.ts from Google's model versions page"
    : `use ${model} instead`;
}

export interface LifecycleFinding {
  level: 'error' | 'warning';
  message: string;
}

/**
 * The finding for using `model` on `today`, or undefined when there is nothing to say. Messages start with
 * `field` and name the retirement date and, for errors, the replacement. Models outside the catalog are
 * the endpoint parser's business, not this check's.
 */
export function endpointLifecycleFinding(
  model: string,
  use: EndpointUse,
  field: string,
  today: Date,
  warningDays = defaultRetirementWarningDays,
  catalog: (model: string) => CatalogEntry | undefined = catalogEntry,
): LifecycleFinding | undefined {
  const entry = catalog(model);
  if (entry === undefined) return undefined;
  const life = lifecycleOf(entry, today, warningDays);
  switch (life.state) {
    case 'available':
      return undefined;
    case 'retired':
      return {
        level: 'error',
        message: `${field}: ${model} retired on ${life.retires}; ${insteadText(entry, use, today)}`,
      };
    case 'blocked':
      return {
        level: 'error',
        message: `${field}: ${model} retires on ${life.retires} and Vertex AI blocks new tuning and inference access in its last month; ${insteadText(entry, use, today)}`,
      };
    case 'warning':
      return {
        level: 'warning',
        message: `${field}: ${model} retires on ${life.retires} (in ${life.daysLeft} days); models tuned on it stop serving then, so re-tune on a newer base`,
      };
  }
}

/**
 * The gate's retirement rule: true when the base model of a candidate retires within `days` of `today`
 * (a tuned model shares its base model's retirement date). Unknown models and unannounced dates are false.
 */
export function retiresWithin(model: string, today: Date, days: number): boolean {
  const entry = catalogEntry(model);
  if (entry === undefined) return false;
  const { daysLeft } = lifecycleOf(entry, today, days);
  return daysLeft !== undefined && daysLeft <= days;
}

/**
 * One line on when `model` (or a model tuned on it) stops serving, for the report and `bqtune champion`:
 * the retirement date and days left, with what to do once inside the warning window.
 */
export function retirementNote(
  model: string,
  today: Date,
  warningDays = defaultRetirementWarningDays,
  catalog: (model: string) => CatalogEntry | undefined = catalogEntry,
): string {
  const entry = catalog(model);
  if (entry === undefined) return `${model} is not in the model catalog; its retirement date is unknown`;
  const retires = confirmed(entry.retires);
  if (retires === 'none announced') return `${model}: no retirement date announced`;
  const life = lifecycleOf(entry, today, warningDays);
  if (life.retires === undefined) return `${model}: retirement date not confirmed`;
  switch (life.state) {
    case 'retired':
      return `${model} retired on ${life.retires}: models tuned on it no longer serve`;
    case 'blocked':
      return `${model} retires on ${life.retires} (in ${life.daysLeft} days); Vertex AI already blocks new tuning and inference access: re-tune on a newer base now`;
    case 'warning':
      return `${model} retires on ${life.retires} (in ${life.daysLeft} days): re-tune on a newer base before models tuned on it stop serving`;
    case 'available':
      return `${model} retires on ${life.retires} (in ${life.daysLeft} days)`;
  }
}
