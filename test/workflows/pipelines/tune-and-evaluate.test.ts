import { parse } from 'yaml';
import { pipelines } from '../../../workflows/pipelines';
import { MAX_SOURCE_BYTES } from '../../../workflows/dsl';
import { expectValidWorkflowYaml } from '../../support/workflows-schema';

type Doc = Record<string, { params?: unknown[]; steps: Record<string, Record<string, unknown>>[] }>;

const yaml = pipelines['tune-and-evaluate']();
const doc = parse(yaml) as Doc;

/** Every step body in a routine, depth first, with its name. */
function allSteps(routine: string): [string, Record<string, unknown>][] {
  const found: [string, Record<string, unknown>][] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) {
        if (item && typeof item === 'object' && Object.keys(item).length === 1) {
          const [name] = Object.keys(item);
          const body = (item as Record<string, unknown>)[name];
          if (body && typeof body === 'object' && !Array.isArray(body)) {
            found.push([name, body as Record<string, unknown>]);
          }
        }
        visit(item);
      }
    } else if (node && typeof node === 'object') {
      Object.values(node).forEach(visit);
    }
  };
  visit(doc[routine].steps);
  return found;
}

const everyStep = () => Object.keys(doc).flatMap((routine) => allSteps(routine));
const step = (routine: string, name: string) => {
  const hit = allSteps(routine).find(([n]) => n === name);
  if (!hit) throw new Error(`no step ${name} in ${routine}`);
  return hit[1];
};

// test/workflows/committed-yaml.test.ts keeps the committed YAML equal to this compile.
test('the compiled YAML is a valid Workflows source, small enough to deploy', () => {
  expectValidWorkflowYaml(yaml);
  expect(Buffer.byteLength(yaml)).toBeLessThan(MAX_SOURCE_BYTES);
});

test('main runs the stages in the documented order', () => {
  const names = allSteps('main').map(([n]) => n);
  const order = [
    'validate_arguments',
    'record_start',
    'load_data',
    'check_data',
    'judge_data',
    'content_keys',
    'prepare_prompts',
    'baseline_and_tuning',
    'tuned_eval',
    'find_champion',
    'label_regressions',
    'gate',
    'deploy_if_passed',
    'record_outcome',
    'result',
  ];
  const positions = order.map((n) => names.indexOf(n));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});

test('train and eval load in parallel, and baseline evaluation runs beside tuning', () => {
  const load = step('main', 'load_data').parallel as { branches: Record<string, unknown>[] };
  expect(load.branches.map((b) => Object.keys(b)[0])).toEqual(['load_train', 'load_eval']);
  const both = step('main', 'baseline_and_tuning').parallel as {
    branches: Record<string, unknown>[];
    shared: string[];
  };
  expect(both.branches.map((b) => Object.keys(b)[0])).toEqual(['baseline_eval', 'lora_tune']);
  expect(both.shared).toEqual(expect.arrayContaining(['baseline', 'tuning_reused']));
});

test('every BigQuery job is GoogleSQL with named parameters and a job id, its request retried only for transient errors', () => {
  const inserts = everyStep().filter(([, body]) => body.call === 'googleapis.bigquery.v2.jobs.insert');
  expect(inserts.length).toBe(2);
  for (const [, body] of inserts) {
    const args = body.args as { body: { configuration: { query: Record<string, unknown> } } };
    expect(args.body.configuration.query).toMatchObject({ useLegacySql: false, parameterMode: 'NAMED' });
    expect((args.body as unknown as { jobReference: { jobId: string } }).jobReference.jobId).toBe(
      '${job_id}',
    );
  }
  const timeouts = inserts.map(
    ([, body]) => (body.args as { connector_params: { timeout: number } }).connector_params.timeout,
  );
  // Tuning runs for hours on Vertex; the long variant waits a day, ordinary queries an hour.
  expect(timeouts.sort((a, b) => a - b)).toEqual([3600, 86400]);
  const submit = step('run_query', 'insert') as { retry: { predicate: string; max_retries: number } };
  expect(submit.retry.predicate).toBe('${is_request_retryable}');
  expect(submit.retry.max_retries).toBeGreaterThanOrEqual(5);
});

test('results are read in pages small enough for the variable memory limit', () => {
  const pages = everyStep().filter(([, body]) => body.call === 'googleapis.bigquery.v2.jobs.getQueryResults');
  expect(pages.length).toBe(2);
  for (const [, body] of pages) expect((body.args as { maxResults: number }).maxResults).toBe(100);
});

test('tuning uses CREATE MODEL IF NOT EXISTS under a content-addressed name and is skipped when it exists', () => {
  expect(yaml).toMatch(/CREATE MODEL IF NOT EXISTS `\{\{project\}\}\.\{\{dataset\}\}\.\{\{tuned_model\}\}`/);
  const keys = step('main', 'content_addresses').assign as Record<string, string>[];
  const tuned = keys.find((k) => 'tuned_model_id' in k)?.tuned_model_id;
  expect(tuned).toBe('${"tuned_" + text.substring(key_rows[0].tuned_key, 0, 32)}');
  expect(step('main', 'get_tuned_model').call).toBe('googleapis.bigquery.v2.models.get');
});

test('every placeholder in every statement has a pattern, and no statement text can be read as an expression', () => {
  const context = step('main', 'context').assign as { ctx: { patterns: Record<string, string> } }[];
  const patterns = context[0].ctx.patterns;
  const statements = everyStep()
    .map(
      ([, body]) =>
        (body.args as { statement?: { text: string; placeholders: string[] } } | undefined)?.statement,
    )
    .filter((s): s is { text: string; placeholders: string[] } => s !== undefined);
  expect(statements.length).toBeGreaterThan(20);
  for (const s of statements) {
    expect(s.text).not.toContain('${');
    const used = [...s.text.matchAll(/\{\{([a-z_]+)\}\}/g)].map((m) => m[1]);
    expect(new Set(used)).toEqual(new Set(s.placeholders));
    for (const name of s.placeholders) expect(patterns[name]).toMatch(/^\^.*\$$/);
  }
});
