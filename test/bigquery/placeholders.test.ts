import {
  bindSql,
  createTunedModel,
  loadData,
  exampleColumns,
  patternFor,
  placeholder,
  placeholderPatterns,
  placeholderMatches,
  type PlaceholderKind,
  type Sql,
} from '../../bigquery';
import { re2SyntaxError } from '../../workflows/re2';
import { tokenKinds } from './googlesql';

const accepts = (kind: PlaceholderKind, values: string[]) =>
  values.filter((v) => !placeholderMatches(kind, v));
const rejects = (kind: PlaceholderKind, values: string[]) =>
  values.filter((v) => placeholderMatches(kind, v));

describe('placeholder patterns', () => {
  test('are anchored and stay inside the RE2 subset (no lookaround, no backreference)', () => {
    for (const source of [...Object.values(placeholderPatterns), patternFor({ enum: ['a.b', 'C'] })]) {
      expect(source.startsWith('^') && source.endsWith('$')).toBe(true);
      expect(re2SyntaxError(source)).toBeUndefined();
    }
  });

  test('maxOutputTokens is exactly 1..8192', () => {
    for (let n = 0; n <= 10000; n++) {
      expect([n, placeholderMatches('maxOutputTokens', String(n))]).toEqual([n, n >= 1 && n <= 8192]);
    }
    expect(rejects('maxOutputTokens', ['01', '+5', '5.0', ''])).toEqual([]);
  });

  test('numbers', () => {
    expect(accepts('positiveInteger', ['1', '300', '999999999'])).toEqual([]);
    expect(rejects('positiveInteger', ['0', '-1', '01', '1.0', '1e3', '1000000000'])).toEqual([]);
    expect(accepts('evalFraction', ['0', '0.2', '0.25', '1', '1.0', '1.00'])).toEqual([]);
    expect(rejects('evalFraction', ['1.01', '0.125', '.5', '-0.1', '2'])).toEqual([]);
    expect(accepts('unitInterval', ['0', '0.0', '0.95', '1', '1.000000'])).toEqual([]);
    expect(rejects('unitInterval', ['1.1', '1.0000001', '-0', '.5'])).toEqual([]);
    expect(accepts('positiveDecimal', ['0.5', '1', '2.5', '0.000001', '100000'])).toEqual([]);
    expect(rejects('positiveDecimal', ['0', '0.0', '0.000000', '-1', '1e3', '01'])).toEqual([]);
  });

  test('identifiers and locations', () => {
    expect(
      accepts('projectId', ['my-proj', 'example.com:my-proj', 'abcdef', 'a2345678901234567890123456789z']),
    ).toEqual([]);
    expect(
      rejects('projectId', [
        'My-proj',
        'proj-',
        'abcde',
        '1abcdef',
        'a23456789012345678901234567890z',
        ':my-proj',
      ]),
    ).toEqual([]);
    expect(
      accepts('location', ['US', 'eu', 'us-central1', 'europe-west4', 'northamerica-northeast1']),
    ).toEqual([]);
    expect(rejects('location', ['global', 'us-central', 'US-CENTRAL1', 'moon'])).toEqual([]);
    expect(accepts('tableId', ['t', '_t', '9lives', 'A_b'])).toEqual([]);
    expect(rejects('tableId', ['a-b', 'a b', 'a.b', ''])).toEqual([]);
    expect(accepts('connectionId', ['conn', 'my-conn', '__default_cloudresource_connection__'])).toEqual([]);
  });

  test('ids are 1 to 1024 characters, written within RE2 repeat limit of 1000', () => {
    for (const kind of ['datasetId', 'tableId', 'modelId', 'connectionId'] as const) {
      expect([kind, accepts(kind, ['a', 'a'.repeat(1000), 'a'.repeat(1001), 'a'.repeat(1024)])]).toEqual([
        kind,
        [],
      ]);
      expect([kind, rejects(kind, ['', 'a'.repeat(1025), 'a'.repeat(2000)])]).toEqual([kind, []]);
    }
  });

  test('gs:// URIs allow one wildcard after the bucket', () => {
    expect(
      accepts('gcsUri', [
        'gs://my-bucket/a.jsonl',
        'gs://b.example.com/x/*.jsonl',
        'gs://bkt/*',
        'gs://bkt/run=1/part-0.json',
      ]),
    ).toEqual([]);
    expect(
      rejects('gcsUri', [
        'gs://bkt/',
        'gs://bkt',
        'gs://b*/x',
        'gs://bkt/*/*',
        'gs://Bkt/x',
        's3://bkt/x',
        'gs://bkt/a b',
      ]),
    ).toEqual([]);
  });

  test('enums escape dots and refuse unsafe values', () => {
    expect(patternFor({ enum: ['gemini-2.5-pro', 'X'] })).toBe('^(gemini-2\\.5-pro|X)$');
    expect(placeholderMatches({ enum: ['gemini-2.5-pro'] }, 'gemini-2x5-pro')).toBe(false);
    expect(() => patternFor({ enum: ["a'b"] })).toThrow('unsafe characters');
    expect(() => patternFor({ enum: [] })).toThrow('at least one value');
  });
});

describe('placeholders in statements', () => {
  const sql = loadData({
    mode: 'OVERWRITE',
    table: {
      project: placeholder('project', 'projectId'),
      dataset: placeholder('dataset', 'datasetId'),
      table: 'train',
    },
    columns: exampleColumns,
    uris: [placeholder('train_uri', 'gcsUri'), placeholder('train_uri', 'gcsUri')],
  });
  const values = { project: 'example.com:my-proj', dataset: 'bqtune_1', train_uri: 'gs://bkt/train/*.jsonl' };

  test('a placeholder used twice is listed once, with its pattern', () => {
    expect(sql.placeholders).toEqual([
      { name: 'project', kind: 'projectId', pattern: placeholderPatterns.projectId },
      { name: 'dataset', kind: 'datasetId', pattern: placeholderPatterns.datasetId },
      { name: 'train_uri', kind: 'gcsUri', pattern: placeholderPatterns.gcsUri },
    ]);
  });

  test('bindSql substitutes every occurrence and keeps the token structure', () => {
    const bound = bindSql(sql, values);
    expect(bound.text).toBe(
      "LOAD DATA OVERWRITE `example.com:my-proj.bqtune_1.train` (input_text STRING, output_text STRING)\nFROM FILES(\n  format = 'NEWLINE_DELIMITED_JSON',\n  uris = ['gs://bkt/train/*.jsonl', 'gs://bkt/train/*.jsonl']\n)",
    );
    expect(bound.placeholders).toEqual([]);
    const template = tokenKinds(sql.text.replace(/\{\{\w+\}\}/g, 'x'));
    expect(tokenKinds(bound.text)).toEqual(template);
  });

  test('bindSql errors name the placeholder', () => {
    expect(() => bindSql(sql, { ...values, extra: 'x' })).toThrow(
      'bindSql: {{extra}} is not a placeholder of this statement',
    );
    expect(() => bindSql(sql, { project: values.project, dataset: values.dataset })).toThrow(
      'bindSql: no value for {{train_uri}}',
    );
    expect(() => bindSql(sql, { ...values, dataset: 'a.b' })).toThrow(
      'bindSql: value for {{dataset}} is not a valid datasetId',
    );
  });

  test('one name cannot stand for two kinds; names are checked', () => {
    expect(() =>
      createTunedModel({
        model: { dataset: 'd', model: placeholder('x', 'modelId') },
        create: 'CREATE',
        connection: 'DEFAULT',
        endpoint: 'gemini-2.0-flash-001',
        training: {
          table: { dataset: 'd', table: placeholder('x', 'tableId') },
          promptColumn: 'p',
          labelColumn: 'l',
        },
      }),
    ).toThrow('placeholder {{x}} is used with two different kinds');
    expect(() => placeholder('Bad', 'tableId')).toThrow('placeholder name "Bad"');
  });

  test('a placeholder of another kind is refused where an identifier is expected', () => {
    const build = (): Sql =>
      loadData({
        mode: 'INTO',
        table: { dataset: placeholder('d', 'tableId'), table: 't' },
        columns: exampleColumns,
        uris: ['gs://bkt/a'],
      });
    expect(build).toThrow('loadData.table.dataset: placeholder {{d}} is a tableId, expected datasetId');
  });
});
