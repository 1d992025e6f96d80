import { parse } from 'yaml';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../support/bin';
import {
  catalogEntry,
  catalogPages,
  confirmed,
  defaultBaseEndpoint,
  defaultGenerationEndpoint,
  defaultRetirementWarningDays,
  endpointLifecycleFinding,
  inputTokenLimit,
  lifecycleOf,
  modelCatalog,
  replacementFor,
  retiresWithin,
  retirementNote,
  type CatalogEntry,
  type RetirementDate,
  type Fact,
} from '../../bigquery/model-catalog';

/** A fixed "today", while the shipped default is available: the rules never read the clock. */
const today = new Date('2026-12-01T12:00:00Z');

function isoDaysFrom(date: Date, days: number): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

/** A made-up model retiring `days` after `today`; no real model id is pinned. */
function retiringIn(days: number, model = `test-model-${days}`): CatalogEntry {
  return {
    model,
    bigqueryTuning: { value: true, page: 'bigqueryTuningHowTo' },
    bigqueryGeneration: { value: true, page: 'createModelRemote' },
    released: { value: '2029-01-01', page: 'modelVersions' },
    retires: { value: { date: isoDaysFrom(today, days), orLater: false }, page: 'modelVersions' },
    maxTrainingTokens: { unconfirmed: 'not stated' },
    adapterSizes: { unconfirmed: 'not stated' },
  };
}

const fixtures = new Map(
  [retiringIn(10), retiringIn(40), retiringIn(400), retiringIn(-3)].map((e) => [e.model, e]),
);
const lookup = (model: string) => fixtures.get(model);

describe('lifecycle rules on fixed dates', () => {
  test('a model retiring in 10 days is blocked: inside the one-month block, an error', () => {
    expect(lifecycleOf(retiringIn(10), today, 90)).toEqual({
      state: 'blocked',
      retires: '2026-12-11',
      daysLeft: 10,
    });
    const finding = endpointLifecycleFinding(
      'test-model-10',
      'tuning',
      'model.baseEndpoint',
      today,
      90,
      lookup,
    );
    expect(finding).toEqual({
      level: 'error',
      message: `model.baseEndpoint: test-model-10 retires on 2026-12-11 and Vertex AI blocks new tuning and inference access in its last month; use ${defaultBaseEndpoint} instead`,
    });
  });

  test('a model retiring in 40 days warns inside a 90-day window and is silent with a 30-day one', () => {
    expect(lifecycleOf(retiringIn(40), today, 90)).toEqual({
      state: 'warning',
      retires: '2027-01-10',
      daysLeft: 40,
    });
    expect(endpointLifecycleFinding('test-model-40', 'tuning', 'f', today, 90, lookup)).toEqual({
      level: 'warning',
      message:
        'f: test-model-40 retires on 2027-01-10 (in 40 days); models tuned on it stop serving then, so re-tune on a newer base',
    });
    expect(lifecycleOf(retiringIn(40), today, 30).state).toBe('available');
    expect(endpointLifecycleFinding('test-model-40', 'tuning', 'f', today, 30, lookup)).toBeUndefined();
  });

  test('a model retiring in 400 days is available', () => {
    expect(lifecycleOf(retiringIn(400), today, 90)).toEqual({
      state: 'available',
      retires: isoDaysFrom(today, 400),
      daysLeft: 400,
    });
    expect(endpointLifecycleFinding('test-model-400', 'generation', 'f', today, 90, lookup)).toBeUndefined();
  });

  test('a retired model is an error naming the replacement for its use', () => {
    expect(lifecycleOf(retiringIn(-3), today, 90).state).toBe('retired');
    expect(endpointLifecycleFinding('test-model--3', 'generation', 'f', today, 90, lookup)).toEqual({
      level: 'error',
      message: `f: test-model--3 retired on 2026-11-28; use ${defaultGenerationEndpoint} instead`,
    });
  });

  test('the retirement date itself is the last day: still blocked, retired the day after', () => {
    expect(lifecycleOf(retiringIn(0), today, 90).state).toBe('blocked');
    expect(lifecycleOf(retiringIn(-1), today, 90).state).toBe('retired');
  });

  test('the block starts one calendar month before, clamped to the shorter month', () => {
    const entry = retiringIn(0);
    entry.retires = { value: { date: '2031-03-31', orLater: false }, page: 'modelVersions' };
    expect(lifecycleOf(entry, new Date('2031-02-27T23:59:59Z'), 0).state).toBe('available');
    expect(lifecycleOf(entry, new Date('2031-02-28T00:00:00Z'), 0).state).toBe('blocked');
  });

  test('no announced or no confirmed date: available, no date invented', () => {
    const none = {
      ...retiringIn(5),
      retires: { value: 'none announced' as const, page: 'modelVersions' as const },
    };
    expect(lifecycleOf(none, today, 90)).toEqual({ state: 'available' });
    const unknown = { ...retiringIn(5), retires: { unconfirmed: 'not stated' } };
    expect(lifecycleOf(unknown, today, 90)).toEqual({ state: 'available' });
  });

  test('models outside the catalog are left to the endpoint parser', () => {
    expect(endpointLifecycleFinding('not-in-catalog', 'tuning', 'f', today, 90, lookup)).toBeUndefined();
  });
});

describe('the gate rule: the base retires within N days', () => {
  const first = modelCatalog.find((e) => {
    const r = confirmed(e.retires);
    return r !== undefined && r !== 'none announced';
  })!;
  const retires = confirmed(first.retires) as { date: string };
  const day = (iso: string, days: number) =>
    new Date(`${isoDaysFrom(new Date(`${iso}T00:00:00Z`), days)}T08:00:00Z`);

  test('true exactly when the retirement date is at most N days away', () => {
    expect(retiresWithin(first.model, day(retires.date, -30), 30)).toBe(true);
    expect(retiresWithin(first.model, day(retires.date, -31), 30)).toBe(false);
    expect(retiresWithin(first.model, day(retires.date, 5), 30)).toBe(true);
  });

  test('unknown models never trip it', () => {
    expect(retiresWithin('not-in-catalog', today, 10000)).toBe(false);
  });
});

describe('the catalog itself', () => {
  const readDate = new Date(`${catalogPages.modelVersions.read}T00:00:00Z`);

  test('every fact names a known page or says why it is unconfirmed', () => {
    const facts: Fact<unknown>[] = modelCatalog.flatMap(
      (e) =>
        [
          e.bigqueryTuning,
          e.bigqueryGeneration,
          e.released,
          e.retires,
          e.maxTrainingTokens,
          e.adapterSizes,
          e.replacement,
          e.maxInputTokens,
        ].filter((f) => f !== undefined) as Fact<unknown>[],
    );
    expect(facts.length).toBeGreaterThan(modelCatalog.length * 5);
    for (const fact of facts) {
      if ('value' in fact) expect(Object.keys(catalogPages)).toContain(fact.page);
      else expect(fact.unconfirmed).toMatch(/\S/);
    }
    for (const page of Object.values(catalogPages)) {
      expect(page.url).toMatch(/^https:\/\/(docs\.)?cloud\.google\.com\//);
      expect(page.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('the shipped default is BigQuery-tunable and outside the warning window on the day the catalog was read', () => {
    const entry = catalogEntry(defaultBaseEndpoint)!;
    expect(confirmed(entry.bigqueryTuning)).toBe(true);
    expect(lifecycleOf(entry, readDate, defaultRetirementWarningDays).state).toBe('available');
    const generation = catalogEntry(defaultGenerationEndpoint)!;
    expect(confirmed(generation.bigqueryGeneration)).toBe(true);
    expect(lifecycleOf(generation, readDate, defaultRetirementWarningDays).state).toBe('available');
  });

  test('every replacement offered on the read date is another model, usable for its purpose that day', () => {
    for (const entry of modelCatalog) {
      for (const use of ['tuning', 'generation'] as const) {
        const model = replacementFor(entry, use, readDate);
        expect(model).not.toBe(entry.model);
        const instead = catalogEntry(model!)!;
        expect(confirmed(use === 'tuning' ? instead.bigqueryTuning : instead.bigqueryGeneration)).toBe(true);
        expect(lifecycleOf(instead, readDate, 0).state).toBe('available');
      }
    }
  });

  test('a replacement the page names is preferred while it is available', () => {
    const named = modelCatalog.find(
      (e) => e.replacement !== undefined && confirmed(e.replacement) !== defaultGenerationEndpoint,
    )!;
    const target = confirmed(named.replacement!)!;
    expect(replacementFor(named, 'generation', readDate)).toBe(target);
  });

  test('the default, blocked itself, is replaced by another model, and by none once every model is retired', () => {
    const entry = catalogEntry(defaultBaseEndpoint)!;
    const retires = (confirmed(entry.retires) as RetirementDate).date;
    const tenDaysBefore = new Date(`${isoDaysFrom(new Date(`${retires}T00:00:00Z`), -10)}T00:00:00Z`);
    const other = replacementFor(entry, 'tuning', tenDaysBefore);
    expect(other).toBeDefined();
    expect(other).not.toBe(defaultBaseEndpoint);
    const farFuture = new Date('2200-01-01T00:00:00Z');
    expect(replacementFor(entry, 'tuning', farFuture)).toBeUndefined();
    expect(endpointLifecycleFinding(defaultBaseEndpoint, 'tuning', 'f', farFuture)?.message).toBe(
      `f: ${defaultBaseEndpoint} retired on ${retires}; the model catalog has no available replacement: update bigquery/model-catalog.ts from Google's model versions page`,
    );
  });

  test('the shipped example config uses the catalog default, not a pinned id of its own', () => {
    const example = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'examples', 'medical-specialty', 'pipeline.json'), 'utf8'),
    ) as { model: { baseEndpoint: string } };
    expect(example.model.baseEndpoint).toBe(defaultBaseEndpoint);
    for (const stack of ['dev', 'prod']) {
      // The example stacks leave baseEndpoint to the stack's default (the catalog's).
      const { config } = parse(fs.readFileSync(path.join(repoRoot, `Pulumi.${stack}.yaml`), 'utf8')) as {
        config: Record<string, unknown>;
      };
      expect(Object.keys(config)).not.toContain('bqtune:baseEndpoint');
      expect(JSON.stringify(config)).not.toMatch(/baseEndpoint|gemini-/);
    }
  });

  test('each model appears once', () => {
    const models = modelCatalog.map((e) => e.model);
    expect(new Set(models).size).toBe(models.length);
  });
});

describe('the retirement note of the report and the champion', () => {
  test.each([
    [400, `test-model-400 retires on ${isoDaysFrom(today, 400)} (in 400 days)`],
    [
      40,
      'test-model-40 retires on 2027-01-10 (in 40 days): re-tune on a newer base before models tuned on it stop serving',
    ],
    [
      10,
      'test-model-10 retires on 2026-12-11 (in 10 days); Vertex AI already blocks new tuning and inference access: re-tune on a newer base now',
    ],
    [-3, 'test-model--3 retired on 2026-11-28: models tuned on it no longer serve'],
  ])('%i days to go', (days, note) => {
    expect(retirementNote(`test-model-${days}`, today, 90, lookup)).toBe(note);
  });

  test('unknown models and unconfirmed dates say so', () => {
    expect(retirementNote('nope', today, 90, lookup)).toBe(
      'nope is not in the model catalog; its retirement date is unknown',
    );
    const unconfirmed = { ...retiringIn(5, 'quiet'), retires: { unconfirmed: 'not stated' } };
    expect(retirementNote('quiet', today, 90, () => unconfirmed)).toBe(
      'quiet: retirement date not confirmed',
    );
    const none = {
      ...retiringIn(5, 'calm'),
      retires: { value: 'none announced' as const, page: 'modelVersions' as const },
    };
    expect(retirementNote('calm', today, 90, () => none)).toBe('calm: no retirement date announced');
  });
});

describe('input token limits', () => {
  test('every catalog model has the limit its model page states, 1,048,576 tokens', () => {
    // Each page's "Token limits" row, read by hand: "Maximum input tokens" or "Context window" 1,048,576.
    for (const entry of modelCatalog) {
      expect({ model: entry.model, limit: inputTokenLimit(entry.model) }).toEqual({
        model: entry.model,
        limit: 1048576,
      });
      const fact = entry.maxInputTokens;
      expect(fact !== undefined && 'page' in fact && catalogPages[fact.page].url).toMatch(
        /\/(gemini\/|guides\/gemini-)\d-\d(-flash|-pro)/,
      );
    }
  });

  test('a model outside the catalog, or one whose page states no limit, has none', () => {
    expect(inputTokenLimit('my-own-model')).toBeUndefined();
    const entry = catalogEntry(defaultBaseEndpoint)!;
    const saved = entry.maxInputTokens;
    try {
      (entry as { maxInputTokens?: unknown }).maxInputTokens = { unconfirmed: 'not stated' };
      expect(inputTokenLimit(defaultBaseEndpoint)).toBeUndefined();
    } finally {
      (entry as { maxInputTokens?: unknown }).maxInputTokens = saved;
    }
  });
});
