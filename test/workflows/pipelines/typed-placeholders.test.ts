import { parse } from 'yaml';
import { createPromptsTable, placeholder, type Sql } from '../../../bigquery';
import { v } from '../../../workflows/dsl';
import { pipelines } from '../../../workflows/pipelines';
import { declarePlaceholders, statement } from '../../../workflows/pipelines/placeholders';
import { runStatement } from '../../../workflows/pipelines/tune-and-evaluate/bigquery';
import { contextValues, placeholders } from '../../../workflows/pipelines/tune-and-evaluate/placeholders';
import { statements } from '../../../workflows/pipelines/tune-and-evaluate/statements';
import * as batch from '../../../workflows/pipelines/batch-predict/placeholders';
import { ctx as batchCtx } from '../../../workflows/pipelines/batch-predict/context';
import { ctx, sharedContext } from '../../../workflows/pipelines/tune-and-evaluate/context';
import { statements as batchStatements } from '../../../workflows/pipelines/batch-predict/statements';

// Each `@ts-expect-error` below is a use TypeScript must refuse: `npx tsc -p tsconfig.json --noEmit` (and
// ts-jest) fail with "Unused '@ts-expect-error' directive" the day one of them compiles. The same line is
// also run, and the pipeline compile refuses it as well, naming the step and the placeholder.

describe('a misspelt placeholder is refused', () => {
  test('in the values given where a statement runs', () => {
    expect(() =>
      runStatement('switch', statements.servingFunction, {
        with: {
          // @ts-expect-error `modle` is not a placeholder of this statement
          modle: v('model_id'),
          serving_function: v('serving_name'),
          champion_run: v('run_id'),
        },
      }),
    ).toThrow('switch: no value for {{model}}');
  });

  test('in values added for several statements', () => {
    // @ts-expect-error `tuned_modle` is no placeholder of the pipeline
    expect(() => contextValues.with({ tuned_modle: v('id') })).toThrow(
      'not a placeholder of this pipeline: tuned_modle',
    );
  });

  test('when a placeholder is read or built into a statement', () => {
    // @ts-expect-error `base_modle` is not among the run-wide values
    expect(() => contextValues.get('base_modle')).toThrow('no value for base_modle among project, dataset,');
    expect(contextValues.get('base_model').source).toBe('ctx.values.base_model');
    // @ts-expect-error `trian_table` is not declared
    expect(placeholders.p.trian_table).toBeUndefined();
  });
});

describe('a missing run-time value is refused', () => {
  test('a statement with a per-call placeholder run without it', () => {
    // @ts-expect-error model, serving_function and champion_run have no value
    expect(() => runStatement('switch', statements.servingFunction)).toThrow(
      'switch: no value for {{serving_function}}, {{model}}, {{champion_run}}',
    );
  });

  test('some but not all of them', () => {
    expect(() =>
      runStatement('switch', statements.servingFunction, {
        // @ts-expect-error champion_run has no value
        with: { model: v('model_id'), serving_function: v('serving_name') },
      }),
    ).toThrow('switch: no value for {{champion_run}}');
  });

  test('stored values that lack one', () => {
    const evaluation = contextValues.with({ model: v('model_id'), role: v('role') }).storedAt(v('values'));
    expect(() =>
      // @ts-expect-error the tuning statement needs tuned_model, which evaluation values do not bind
      runStatement('tune', statements.tuneNoSplit, { values: evaluation }),
    ).toThrow('tune: no value for {{tuned_model}}');
    // A statement the values cover runs: role is bound for it although the status query does not read it.
    const status = runStatement('status', statements.predictionStatus, {
      values: evaluation,
      params: { eval_fingerprint: v('eval_key') },
    });
    expect(status).toHaveLength(1);
  });

  test("batch-predict's later values are not there at the start", () => {
    // @ts-expect-error key_column and the source table are known only after the source step
    expect(() => batch.runStatement('keys', batchStatements.keyCheck, { rows: 'r' })).toThrow(
      'keys: no value for {{source_project}}',
    );
  });
});

describe('a value for a placeholder the statement does not have is refused', () => {
  test('per call', () => {
    expect(() =>
      runStatement('switch', statements.servingFunction, {
        with: {
          model: v('model_id'),
          serving_function: v('serving_name'),
          champion_run: v('run_id'),
          // @ts-expect-error the serving function has no role
          role: 'tuned',
        },
      }),
    ).toThrow('switch: {{role}} not in this statement');
  });

  test('per call, for a statement whose values all come from the context', () => {
    // @ts-expect-error loading the training data takes no per-call value
    expect(() => runStatement('load', statements.loadTrain, { with: { model: v('m') } })).toThrow(
      'load: {{model}} not in this statement',
    );
  });

  test('a run-wide value given again', () => {
    // @ts-expect-error project is bound by the context already
    expect(() => contextValues.with({ project: v('other') })).toThrow(
      'placeholder values bound twice: project',
    );
  });
});

describe('statements know their placeholders', () => {
  test('the names in the type are the names in the SQL, per statement', () => {
    expect(statements.loadTrain.placeholders.map((p) => p.name).sort()).toEqual([
      'dataset',
      'project',
      'train_table',
      'train_uri',
    ]);
    expect(statements.tuneRandomSplit.placeholders.map((p) => p.name)).toContain('data_split_eval_fraction');
    expect(statements.tuneNoSplit.placeholders.map((p) => p.name)).not.toContain('data_split_eval_fraction');
  });

  test('a builder whose SQL adds a placeholder its arguments do not hold is refused when the pipeline compiles', () => {
    const stray = placeholder('stray', 'tableId');
    const addsOne = (target: { dataset: string; table: string }): Sql => {
      const sql = createPromptsTable(target);
      return { ...sql, placeholders: [...sql.placeholders, stray] };
    };
    expect(() => statement(addsOne, { dataset: 'd', table: 't' })).toThrow(
      'addsOne: its SQL and its arguments disagree on the placeholders stray',
    );
  });

  test('a builder that drops a placeholder of its arguments is refused', () => {
    const { p } = declarePlaceholders({ uri: { kind: 'gcsUri' }, target: { kind: 'tableId' } });
    const dropsUri = (t: typeof p.target, _uri: typeof p.uri): Sql =>
      createPromptsTable({ dataset: 'd', table: t });
    expect(() => statement(dropsUri, p.target, p.uri)).toThrow(
      'dropsUri: its SQL and its arguments disagree on the placeholders uri',
    );
  });
});

describe('context fields are read by name', () => {
  test('a field the context holds reads ctx.<field>', () => {
    expect(ctx.run_id.source).toBe('ctx.run_id');
    expect(batchCtx.by_label.source).toBe('ctx.by_label');
  });

  test('a misspelt field, or one of the other pipeline, fails tsc', () => {
    // @ts-expect-error `run_idd` is no field of the context
    expect(ctx.run_idd).toBeUndefined();
    // @ts-expect-error `warn_psi` is batch-predict's, not tune-and-evaluate's
    expect(ctx.warn_psi).toBeUndefined();
    // @ts-expect-error the subworkflows both pipelines call see only the fields every context holds
    expect(sharedContext.serving_name).toBeUndefined();
  });
});

/** Every compiled statement value (`{text, placeholders}`) anywhere in a parsed workflow. */
function compiledStatements(node: unknown, found: { text: string; placeholders: string[] }[] = []) {
  if (Array.isArray(node)) for (const item of node) compiledStatements(item, found);
  else if (typeof node === 'object' && node !== null) {
    const map = node as Record<string, unknown>;
    if (typeof map.text === 'string' && Array.isArray(map.placeholders)) {
      found.push({ text: map.text, placeholders: map.placeholders as string[] });
    }
    for (const value of Object.values(map)) compiledStatements(value, found);
  }
  return found;
}

/** The map assigned to `ctx` by the context step. */
function compiledContext(
  doc: Record<string, { steps: Record<string, { assign?: Record<string, unknown>[] }>[] }>,
) {
  for (const step of doc.main!.steps) {
    const ctx = step.context?.assign?.find((a) => 'ctx' in a);
    if (ctx) return ctx.ctx as { patterns: Record<string, string>; values: Record<string, string> };
  }
  throw new Error('no context step');
}

describe.each([
  ['tune-and-evaluate', placeholders, ctx],
  ['batch-predict', batch.placeholders, batchCtx],
] as const)('the compiled %s workflow', (name, declared, fields) => {
  const doc = parse(pipelines[name]!()) as Parameters<typeof compiledContext>[0];

  test('names in every statement text exactly the placeholders it lists, each with a pattern in ctx.patterns', () => {
    const texts = compiledStatements(doc);
    expect(texts.length).toBeGreaterThan(10);
    const patterns = compiledContext(doc).patterns;
    for (const { text, placeholders: listed } of texts) {
      const inText = [...new Set([...text.matchAll(/\{\{([a-z0-9_]+)\}\}/g)].map((m) => m[1]!))];
      expect(inText.sort()).toEqual([...listed].sort());
      for (const n of listed) expect(patterns[n]).toMatch(/^\^.*\$$/);
    }
  });

  test('stores one pattern per declared placeholder and the run-wide values, in declaration order', () => {
    const ctx = compiledContext(doc);
    expect(Object.keys(ctx.patterns)).toEqual(Object.keys(declared.p));
    expect(Object.keys(ctx.values)).toEqual(Object.keys(declared.contextValues));
    expect(Object.keys(ctx.values).length).toBeLessThan(Object.keys(ctx.patterns).length);
  });

  test('builds a context holding every field its reader names but those merged in later, and the shared ones', () => {
    const stored = Object.keys(compiledContext(doc));
    const later = Object.keys(fields).filter((k) => !stored.includes(k));
    expect(later).toEqual(name === 'batch-predict' ? ['generate', 'by_label'] : []);
    // A later field is merged into ctx by a step: `ctx: ${map.merge(ctx, {"<field>": ...`.
    for (const key of later) expect(pipelines[name]!()).toContain(`ctx: '\${map.merge(ctx, {"${key}": `);
    for (const key of Object.keys(sharedContext)) expect(stored).toContain(key);
  });
});
