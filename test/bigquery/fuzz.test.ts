import {
  bindSql,
  classificationMetrics,
  createRemoteModel,
  createTableDdl,
  createTunedModel,
  evaluate,
  exampleColumns,
  fingerprintQuery,
  generatePredictions,
  insertPrompts,
  loadData,
  overallMetricsQuery,
  placeholder,
  placeholderPatterns,
  predictionsTable,
  remoteModelEvalColumns,
  stringArrayLiteral,
  stringLiteral,
  type PlaceholderKind,
  type Sql,
} from '../../bigquery';
import { decodeStringLiteral, tokenKinds } from './googlesql';
import { seededRandom } from '../../emulator/model/rng';

// Each of these is invalid in every identifier kind and every placeholder pattern.
const poison = [
  "'",
  '"',
  '`',
  '\\',
  '\n',
  '\r',
  '${',
  ';',
  '\0',
  ' ',
  '\u202e',
  '\u200b',
  '😀',
  'é',
  '{{x}}',
  '\u2028',
  '\t',
  '#',
];
// `/*` and `--` only matter outside literals; inside a gs:// path `/*` is a legitimate wildcard.
const extra = [
  '/*',
  '--',
  '*/',
  'DROP TABLE t',
  "'; DELETE FROM t WHERE '1'='1",
  '@run_id',
  '${sys.get_env("X")}',
  'a',
  'Z_9',
  '.',
  '-',
  ':',
  '\ud800',
];

function hostileStrings(count: number): string[] {
  // A fixed seed keeps the generated strings the same on every run.
  const next = seededRandom(20260401);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const out = [...poison];
  while (out.length < count) {
    const parts = [pick(poison)];
    const n = Math.floor(next() * 5);
    for (let i = 0; i < n; i++)
      parts.splice(Math.floor(next() * (parts.length + 1)), 0, pick(next() < 0.5 ? poison : extra));
    out.push(parts.join(''));
  }
  return out;
}

const hostile = hostileStrings(250);
// Strings with a lone surrogate are not text; the literal tests treat them separately.
const text = hostile.filter(
  (s) => !/[\ud800-\udfff]/u.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')),
);

const ds = { project: 'my-proj', dataset: 'bqtune' };
const model = { ...ds, model: 'm' };
const table = (t: string) => ({ ...ds, table: t });

/** Every identifier a caller supplies, with the field name its error must mention (and a valid value). */
const identifierSites: [string, (v: string) => Sql, string?][] = [
  [
    'loadData.table.project',
    (v) =>
      loadData({
        mode: 'OVERWRITE',
        table: { project: v, dataset: 'd', table: 't' },
        columns: exampleColumns,
        uris: ['gs://bkt/a'],
      }),
    'my-proj-1',
  ],
  [
    'loadData.table.dataset',
    (v) =>
      loadData({
        mode: 'OVERWRITE',
        table: { dataset: v, table: 't' },
        columns: exampleColumns,
        uris: ['gs://bkt/a'],
      }),
  ],
  [
    'loadData.table.table',
    (v) => loadData({ mode: 'INTO', table: table(v), columns: exampleColumns, uris: ['gs://bkt/a'] }),
  ],
  [
    'loadData.columns[0].name',
    (v) =>
      loadData({
        mode: 'INTO',
        table: table('t'),
        columns: [{ name: v, type: 'STRING', mode: 'NULLABLE' }],
        uris: ['gs://bkt/a'],
      }),
  ],
  [
    'loadData.uris[0]',
    (v) => loadData({ mode: 'INTO', table: table('t'), columns: exampleColumns, uris: [`gs://bkt/${v}`] }),
    'a.jsonl',
  ],
  [
    'createRemoteModel.model.model',
    (v) =>
      createRemoteModel({
        model: { ...ds, model: v },
        create: 'CREATE',
        connection: 'DEFAULT',
        endpoint: 'gemini-2.5-flash',
      }),
  ],
  [
    'createRemoteModel.connection',
    (v) =>
      createRemoteModel({
        model,
        create: 'CREATE',
        connection: `my-proj.us.${v}`,
        endpoint: 'gemini-2.5-flash',
      }),
    'conn',
  ],
  [
    'createRemoteModel.connection.location',
    (v) =>
      createRemoteModel({
        model,
        create: 'CREATE',
        connection: { project: 'my-proj', location: v, connectionId: 'c' },
        endpoint: 'gemini-2.5-flash',
      }),
    'us',
  ],
  [
    'createRemoteModel.endpoint',
    (v) => createRemoteModel({ model, create: 'CREATE', connection: 'DEFAULT', endpoint: v }),
    'gemini-2.5-flash',
  ],
  [
    'createTunedModel.endpoint',
    (v) =>
      createTunedModel({
        model,
        create: 'CREATE',
        connection: 'DEFAULT',
        endpoint: `gemini-2.0-flash-001${v}`,
        training: { table: table('t'), promptColumn: 'p', labelColumn: 'l' },
      }),
    '',
  ],
  [
    'createTunedModel.promptCol',
    (v) =>
      createTunedModel({
        model,
        create: 'CREATE',
        connection: 'DEFAULT',
        endpoint: 'gemini-2.0-flash-001',
        promptCol: v,
        training: { table: table('t'), promptColumn: 'p', labelColumn: 'l' },
      }),
  ],
  [
    'createTunedModel.labelCol',
    (v) =>
      createTunedModel({
        model,
        create: 'CREATE',
        connection: 'DEFAULT',
        endpoint: 'gemini-2.0-flash-001',
        labelCol: v,
        training: { table: table('t'), promptColumn: 'p', labelColumn: 'l' },
      }),
  ],
  [
    'createTunedModel.dataSplitCol',
    (v) =>
      createTunedModel({
        model,
        create: 'CREATE',
        connection: 'DEFAULT',
        endpoint: 'gemini-2.0-flash-001',
        dataSplitMethod: 'CUSTOM',
        dataSplitCol: v,
        training: { table: table('t'), promptColumn: 'p', labelColumn: 'l' },
      }),
  ],
  [
    'createTunedModel.training.promptColumn',
    (v) =>
      createTunedModel({
        model,
        create: 'CREATE',
        connection: 'DEFAULT',
        endpoint: 'gemini-2.0-flash-001',
        training: { table: table('t'), promptColumn: v, labelColumn: 'l' },
      }),
  ],
  [
    'createTunedModel.training.table.table',
    (v) =>
      createTunedModel({
        model,
        create: 'CREATE',
        connection: 'DEFAULT',
        endpoint: 'gemini-2.0-flash-001',
        training: { table: table(v), promptColumn: 'p', labelColumn: 'l' },
      }),
  ],
  [
    'generatePredictions.model.dataset',
    (v) =>
      generatePredictions({
        function: 'AI.GENERATE_TEXT',
        model: { dataset: v, model: 'm' },
        prompts: table('p'),
        predictions: table('x'),
        runId: 'r',
        evalFingerprint: 'f',
        mode: 'all',
      }),
  ],
  [
    'generatePredictions.prompts.table',
    (v) =>
      generatePredictions({
        function: 'ML.GENERATE_TEXT',
        model,
        prompts: table(v),
        predictions: table('x'),
        runId: 'r',
        evalFingerprint: 'f',
        mode: 'retryable',
      }),
  ],
  [
    'evaluate.input.promptColumn',
    (v) =>
      evaluate({
        model,
        taskType: 'CLASSIFICATION',
        input: { table: table('t'), promptColumn: v, labelColumn: 'l', modelColumns: remoteModelEvalColumns },
      }),
  ],
  [
    'evaluate.input.modelColumns.label',
    (v) =>
      evaluate({
        model,
        taskType: 'CLASSIFICATION',
        input: {
          table: table('t'),
          promptColumn: 'p',
          labelColumn: 'l',
          modelColumns: { prompt: 'input_text', label: v },
        },
      }),
  ],
  [
    'classificationMetrics.evaluations.table',
    (v) =>
      classificationMetrics({
        predictions: table('p'),
        evaluations: table(v),
        model,
        role: 'tuned',
        runId: 'r',
        evalFingerprint: 'f',
        labels: [],
      }),
  ],
  [
    'classificationMetrics.model.project',
    (v) =>
      classificationMetrics({
        predictions: table('p'),
        evaluations: table('e'),
        model: { ...model, project: v },
        role: 'tuned',
        runId: 'r',
        evalFingerprint: 'f',
        labels: [],
      }),
    'my-proj-1',
  ],
  [
    'overallMetricsQuery.model.model',
    (v) =>
      overallMetricsQuery({
        evaluations: table('e'),
        model: { ...ds, model: v },
        role: 'baseline',
        runId: 'r',
      }),
  ],
  ['fingerprintQuery.columns[0]', (v) => fingerprintQuery(table('t'), [v])],
  [
    'insertPrompts.inputColumn',
    (v) => insertPrompts({ source: table('s'), target: table('t'), inputColumn: v, promptPrefix: 'x' }),
  ],
  ['createTableDdl.predictions.dataset', (v) => createTableDdl(predictionsTable, { dataset: v })],
];

describe('fuzz: hostile strings as every user-supplied value', () => {
  test('the generated corpus is fixed and varied', () => {
    expect(hostile).toHaveLength(250);
    expect(new Set(hostile).size).toBeGreaterThan(200);
    expect(hostile.some((s) => s.includes('${') && s.includes("'"))).toBe(true);
  });

  test.each(identifierSites)('%s refuses every hostile identifier, naming the field', (field, build) => {
    for (const v of hostile) expect(() => build(v)).toThrow(field);
  });

  test('placeholder names are refused', () => {
    for (const v of hostile) expect(() => placeholder(v, 'tableId')).toThrow('placeholder name');
  });

  test('bindSql refuses hostile values for every placeholder kind', () => {
    const kinds: PlaceholderKind[] = [
      ...(Object.keys(placeholderPatterns) as PlaceholderKind[]),
      { enum: ['A', 'B'] },
    ];
    for (const kind of kinds) {
      const sql: Sql = { text: 'x {{v}} y', params: [], placeholders: [placeholder('v', kind)] };
      for (const v of hostile)
        expect(() => bindSql(sql, { v: `${kind === 'gcsUri' ? 'gs://bkt/' : ''}${v}` })).toThrow('{{v}}');
    }
  });

  test('data values travel as query parameters: the SQL text does not change at all', () => {
    const prompts = (v: string) => insertPrompts({ source: table('s'), target: table('t'), promptPrefix: v });
    const generate = (v: string) =>
      generatePredictions({
        function: 'AI.GENERATE_TEXT',
        model,
        prompts: table('p'),
        predictions: table('x'),
        runId: v,
        evalFingerprint: v,
        mode: 'retryable',
      });
    const metrics = (v: string) =>
      classificationMetrics({
        predictions: table('p'),
        evaluations: table('e'),
        model,
        role: 'tuned',
        runId: v,
        evalFingerprint: v,
        labels: [v],
      });
    for (const build of [prompts, generate, metrics]) {
      const benign = build('benign');
      for (const v of text) {
        const sql = build(v);
        expect(sql.text).toBe(benign.text);
        const values = sql.params.flatMap((p) =>
          'value' in p.parameterValue
            ? [p.parameterValue.value]
            : p.parameterValue.arrayValues.map((a) => a.value),
        );
        expect(values.every((value) => value === v)).toBe(true);
      }
    }
  });

  test('literals keep the token structure, decode back to the value, and are printable ASCII without ${', () => {
    const render = (v: string) =>
      `SELECT ${stringLiteral(v, 'v')} AS a, ${stringArrayLiteral([v, 'x', v], 'list')} AS b FROM t WHERE c = 1`;
    const benign = tokenKinds(render('benign'));
    for (const v of text) {
      const sql = render(v);
      expect(tokenKinds(sql)).toEqual(benign);
      expect(decodeStringLiteral(stringLiteral(v, 'v'))).toBe(v);
      expect(sql).not.toContain('${');
      expect(sql).toMatch(/^[ -~]*$/);
    }
  });

  test('a hostile table description keeps the DDL token structure', () => {
    const ddl = (v: string) =>
      createTableDdl(
        {
          ...predictionsTable,
          description: v,
          fields: predictionsTable.fields.map((f) => ({ ...f, description: v })),
        },
        ds,
      ).text;
    const benign = tokenKinds(ddl('benign'));
    for (const v of text) expect(tokenKinds(ddl(v))).toEqual(benign);
  });

  test('a lone surrogate is refused as a literal, naming the field', () => {
    expect(() => stringLiteral('a\ud800b', 'prompt')).toThrow(
      'prompt: contains an unpaired UTF-16 surrogate',
    );
  });

  test('every builder output tokenizes (no stray quote or comment opener)', () => {
    const sqls = identifierSites.map(([, build, benign]) => build(benign ?? 'ok_name'));
    expect(sqls.length).toBeGreaterThan(0);
    for (const sql of sqls) expect(tokenKinds(sql.text).includes('comment')).toBe(false);
  });
});
