import { parse } from 'yaml';
import {
  assign,
  branch,
  builtin,
  call,
  dbl,
  fn,
  forIn,
  forRange,
  group,
  jump,
  lit,
  parallel,
  parallelFor,
  raiseStep,
  renderWorkflow,
  returnStep,
  subworkflow,
  switchStep,
  tryStep,
  v,
  when,
  workflow,
} from '../../../workflows/dsl';
import type { Step, Subworkflow } from '../../../workflows/dsl';
import { expectValidWorkflowYaml } from '../../support/workflows-schema';

/** Renders, checks against the JSON schema, and returns the YAML text and its parsed document. */
function render(steps: Step[], options: { params?: string[]; subworkflows?: Subworkflow[] } = {}) {
  const yaml = renderWorkflow(workflow({ steps, ...options }));
  expectValidWorkflowYaml(yaml);
  return {
    yaml,
    doc: parse(yaml) as { main: { params?: string[]; steps: unknown[] } } & Record<string, unknown>,
  };
}

const done = returnStep('done', null);

describe('step kinds', () => {
  test('assign, in order, with expressions, doubles and nested literals', () => {
    const { yaml, doc } = render([
      assign('init', { n: 1, ratio: dbl(2), half: 0.5, items: [1, v('n')], cfg: { name: 'x', on: true } }),
      assign('more', [
        [v('cfg').get('name'), 'y'],
        ['cfg.label', v('n').add(1)],
        [v('items').at(0), null],
      ]),
      done,
    ]);
    expect(doc.main.steps.slice(0, 2)).toEqual([
      {
        init: {
          assign: [
            { n: 1 },
            { ratio: 2 },
            { half: 0.5 },
            { items: [1, '${n}'] },
            { cfg: { name: 'x', on: true } },
          ],
        },
      },
      { more: { assign: [{ 'cfg.name': 'y' }, { 'cfg.label': '${n + 1}' }, { 'items[0]': null }] } },
    ]);
    expect(yaml).toContain('- ratio: 2.0\n');
  });

  test('call with args, result and next; main key first', () => {
    const { yaml, doc } = render(
      [
        call('log', 'sys.log', { args: { text: 'hi', severity: 'INFO' }, next: 'get' }),
        call('get', 'http.get', {
          args: { url: 'https://example.com/x', query: { q: v('log_q') } },
          result: 'resp',
        }),
        done,
      ],
      { params: ['log_q'] },
    );
    expect(doc.main.steps[0]).toEqual({
      log: { call: 'sys.log', args: { text: 'hi', severity: 'INFO' }, next: 'get' },
    });
    expect(doc.main.steps[1]).toEqual({
      get: {
        call: 'http.get',
        args: { url: 'https://example.com/x', query: { q: '${log_q}' } },
        result: 'resp',
      },
    });
    expect(yaml.indexOf('call: sys.log')).toBeLessThan(yaml.indexOf('args:'));
    expect(yaml.indexOf('result: resp')).toBeGreaterThan(yaml.indexOf('url:'));
  });

  test('connector call with connector_params', () => {
    const { doc } = render([
      call('insert', 'googleapis.bigquery.v2.jobs.insert', {
        args: {
          projectId: 'p',
          body: { configuration: { query: { query: 'SELECT 1', useLegacySql: false } } },
        },
        connectorParams: {
          timeout: 3600,
          pollingPolicy: { initialDelay: 2, multiplier: 1.5, maxDelay: 60 },
          skipPolling: false,
          scopes: ['https://www.googleapis.com/auth/bigquery'],
        },
        result: 'job',
      }),
      returnStep('out', v('job')),
    ]);
    expect(doc.main.steps[0]).toEqual({
      insert: {
        call: 'googleapis.bigquery.v2.jobs.insert',
        args: {
          projectId: 'p',
          body: { configuration: { query: { query: 'SELECT 1', useLegacySql: false } } },
          connector_params: {
            timeout: 3600,
            polling_policy: { initial_delay: 2, multiplier: 1.5, max_delay: 60 },
            skip_polling: false,
            scopes: ['https://www.googleapis.com/auth/bigquery'],
          },
        },
        result: 'job',
      },
    });
  });

  test('switch with next, steps, return, raise, a default and a step-level next', () => {
    const n = v('n');
    const { doc } = render(
      [
        switchStep(
          'route',
          [
            when(n.lt(0), { raise: { code: 400, message: 'negative' } }),
            when(n.eq(0), { return: 'zero' }),
            when(n.gt(100), { steps: [assign('cap', { n: 100 })], next: 'out' }),
            when(true, { next: 'out' }),
          ],
          { next: 'out' },
        ),
        returnStep('out', n),
      ],
      { params: ['n'] },
    );
    expect(doc.main.steps[0]).toEqual({
      route: {
        switch: [
          { condition: '${n < 0}', raise: { code: 400, message: 'negative' } },
          { condition: '${n == 0}', return: 'zero' },
          { condition: '${n > 100}', steps: [{ cap: { assign: [{ n: 100 }] } }], next: 'out' },
          { condition: true, next: 'out' },
        ],
        next: 'out',
      },
    });
  });

  test('for over a list expression with index, break and continue', () => {
    const { doc } = render(
      [
        assign('init', { total: 0 }),
        forIn('each', { value: 'x', index: 'i', in: v('args').get('items') }, [
          switchStep('skip', [
            when(v('x').eq(null), { next: 'continue' }),
            when(v('i').ge(10), { next: 'break' }),
          ]),
          assign('add', { total: v('total').add(v('x')) }),
        ]),
        returnStep('out', v('total')),
      ],
      { params: ['args'] },
    );
    expect(doc.main.steps[1]).toEqual({
      each: {
        for: {
          value: 'x',
          index: 'i',
          in: '${args.items}',
          steps: [
            {
              skip: {
                switch: [
                  { condition: '${x == null}', next: 'continue' },
                  { condition: '${i >= 10}', next: 'break' },
                ],
              },
            },
            { add: { assign: [{ total: '${total + x}' }] } },
          ],
        },
      },
    });
  });

  test('for over a literal list, a literal range and an expression range', () => {
    const { doc } = render(
      [
        forIn('letters', { value: 'l', in: ['a', 'b'] }, [
          call('log1', 'sys.log', { args: { text: v('l') } }),
        ]),
        forRange('nums', { value: 'i', range: [1, 3] }, [
          call('log2', 'sys.log', { args: { data: v('i') } }),
        ]),
        forRange('dyn', { value: 'j', range: [0, fn('len', v('args')).sub(1)] }, [
          call('log3', 'sys.log', { args: { data: v('j') } }),
        ]),
        done,
      ],
      { params: ['args'] },
    );
    const loops = doc.main.steps.slice(0, 3) as Record<string, { for: Record<string, unknown> }>[];
    expect(loops[0].letters.for.in).toEqual(['a', 'b']);
    expect(loops[1].nums.for.range).toEqual([1, 3]);
    // One expression for the whole range, never a list of two expressions.
    expect(loops[2].dyn.for.range).toBe('${[0, len(args) - 1]}');
  });

  test('parallel branches with shared, concurrency_limit and exception_policy', () => {
    const { doc } = render([
      assign('init', { results: {} }),
      parallel(
        'fan_out',
        [
          branch('left', [assign('l', [[v('results').get('left'), 1]])]),
          branch('right', [assign('r', [[v('results').get('right'), 2]])]),
        ],
        { shared: ['results'], concurrencyLimit: 2, exceptionPolicy: 'continueAll' },
      ),
      returnStep('out', v('results')),
    ]);
    expect(doc.main.steps[1]).toEqual({
      fan_out: {
        parallel: {
          shared: ['results'],
          concurrency_limit: 2,
          exception_policy: 'continueAll',
          branches: [
            { left: { steps: [{ l: { assign: [{ 'results.left': 1 }] } }] } },
            { right: { steps: [{ r: { assign: [{ 'results.right': 2 }] } }] } },
          ],
        },
      },
    });
  });

  test('parallel for with an expression concurrency_limit', () => {
    const { doc } = render(
      [
        assign('init', { total: 0 }),
        parallelFor(
          'score',
          { value: 'row', in: v('args').get('rows') },
          [assign('acc', { total: v('total').add(v('row')) })],
          { shared: ['total'], concurrencyLimit: v('args').get('limit') },
        ),
        returnStep('out', v('total')),
      ],
      { params: ['args'] },
    );
    expect(doc.main.steps[1]).toEqual({
      score: {
        parallel: {
          shared: ['total'],
          concurrency_limit: '${args.limit}',
          for: {
            value: 'row',
            in: '${args.rows}',
            steps: [{ acc: { assign: [{ total: '${total + row}' }] } }],
          },
        },
      },
    });
  });

  test('try with a policy retry and except', () => {
    const { doc } = render([
      tryStep('fetch', [call('get', 'http.get', { args: { url: 'https://example.com' }, result: 'resp' })], {
        retry: builtin('http.default_retry'),
        except: { as: 'e', steps: [raiseStep('fail', v('e'))] },
      }),
      returnStep('out', v('resp').get('body')),
    ]);
    expect(doc.main.steps[0]).toEqual({
      fetch: {
        try: { steps: [{ get: { call: 'http.get', args: { url: 'https://example.com' }, result: 'resp' } }] },
        retry: '${http.default_retry}',
        except: { as: 'e', steps: [{ fail: { raise: '${e}' } }] },
      },
    });
  });

  test('try with a retry block: subworkflow predicate, double backoff', () => {
    const retriable = subworkflow('is_retriable', ['e'], [returnStep('r', v('e').get('code').eq(503))]);
    const { doc } = render(
      [
        tryStep(
          'fetch',
          [call('get', 'http.get', { args: { url: 'https://example.com' }, result: 'resp' })],
          {
            retry: {
              predicate: retriable,
              maxRetries: 5,
              backoff: { initialDelay: 1, maxDelay: 60, multiplier: 1.25 },
            },
          },
        ),
        returnStep('out', v('resp')),
      ],
      { subworkflows: [retriable] },
    );
    expect((doc.main.steps[0] as Record<string, Record<string, unknown>>).fetch.retry).toEqual({
      predicate: '${is_retriable}',
      max_retries: 5,
      backoff: { initial_delay: 1, max_delay: 60, multiplier: 1.25 },
    });
    expect(doc.is_retriable).toEqual({ params: ['e'], steps: [{ r: { return: '${e.code == 503}' } }] });
  });

  test('nested steps, a jump-only step, raise and return', () => {
    const { doc } = render(
      [
        group('prepare', [assign('a', { x: 1 }), assign('b', { y: 2 })], { next: 'check' }),
        jump('skipped', 'end'),
        switchStep('check', [when(v('x').gt(v('y')), { next: 'boom' })]),
        returnStep('ok', { x: v('x'), y: v('y') }),
        raiseStep('boom', { code: 500, message: lit('x > y: ').add(fn('string', v('x'))) }),
      ],
      {},
    );
    expect(doc.main.steps).toEqual([
      { prepare: { steps: [{ a: { assign: [{ x: 1 }] } }, { b: { assign: [{ y: 2 }] } }], next: 'check' } },
      { skipped: { next: 'end' } },
      { check: { switch: [{ condition: '${x > y}', next: 'boom' }] } },
      { ok: { return: { x: '${x}', y: '${y}' } } },
      { boom: { raise: { code: 500, message: '${"x > y: " + string(x)}' } } },
    ]);
  });

  test('subworkflows with params and defaults, called by step and in an expression', () => {
    const greet = subworkflow(
      'greet',
      ['name', { greeting: 'Hello' }],
      [returnStep('r', v('greeting').add(', ').add(v('name')))],
    );
    const { doc } = render(
      [
        call('hi', greet, { args: { name: 'Ada' }, result: 'a' }),
        assign('both', { b: fn('greet', 'Bob', 'Hi') }),
        returnStep('out', [v('a'), v('b')]),
      ],
      { params: ['args'], subworkflows: [greet] },
    );
    expect(doc.main.params).toEqual(['args']);
    expect(doc.main.steps[0]).toEqual({ hi: { call: 'greet', args: { name: 'Ada' }, result: 'a' } });
    expect(doc.main.steps[1]).toEqual({ both: { assign: [{ b: '${greet("Bob", "Hi")}' }] } });
    expect(doc.greet).toEqual({
      params: ['name', { greeting: 'Hello' }],
      steps: [{ r: { return: '${greeting + ", " + name}' } }],
    });
  });
});

describe('YAML safety', () => {
  test('a plain string starting with ${ is emitted as an expression yielding that string', () => {
    const { doc } = render([returnStep('out', { s: '${not an expression}', t: '  ${x}' })]);
    expect(doc.main.steps[0]).toEqual({
      out: { return: { s: '${"${not an expression}"}', t: '${"  ${x}"}' } },
    });
  });

  test('a map key starting with ${ is rejected', () => {
    expect(() => returnStep('out', { '${k}': 1 })).toThrow(
      'step out, return: map key "${k}" would be read as an expression key',
    );
  });

  test('strings that YAML 1.1 would read as other types stay strings', () => {
    const values = [
      'yes',
      'no',
      'on',
      'off',
      'null',
      '1.0',
      '0x1F',
      '~',
      'true',
      '2024-01-01',
      'a: b',
      '#x',
      '- y',
    ];
    const { doc } = render([returnStep('out', values)]);
    expect(doc.main.steps[0]).toEqual({ out: { return: values } });
  });

  test('expressions containing ": " and "#" are quoted correctly', () => {
    const { yaml, doc } = render([returnStep('out', lit('a: b #c').add(v('x')))], { params: ['x'] });
    expect(doc.main.steps[0]).toEqual({ out: { return: '${"a: b #c" + x}' } });
    expect(yaml).toContain(`return: '\${"a: b #c" + x}'`);
  });

  test('hostile strings survive as values and inside expressions', () => {
    const hostile = "q\"uote \\back\nnew ${x} ünï 🎉 'single'";
    const { doc } = render([returnStep('out', { plain: hostile, expr: lit(hostile).add(v('x')) })], {
      params: ['x'],
    });
    const out = (doc.main.steps[0] as { out: { return: { plain: string; expr: string } } }).out.return;
    expect(out.plain).toBe(hostile);
    expect(JSON.parse(out.expr.slice(2, out.expr.indexOf('" + x}') + 1))).toBe(hostile);
  });

  test('map entries and call args given as undefined are left out', () => {
    const timeout: number | undefined = undefined;
    const { doc } = render([
      call('get', 'http.get', { args: { url: 'https://example.com', timeout }, result: 'r' }),
      returnStep('out', { a: 1, b: undefined, nested: [{ c: undefined }] }),
    ]);
    expect(doc.main.steps).toEqual([
      { get: { call: 'http.get', args: { url: 'https://example.com' }, result: 'r' } },
      { out: { return: { a: 1, nested: [{}] } } },
    ]);
  });

  test('negative integral doubles stay doubles', () => {
    const { doc } = render([returnStep('out', [dbl(-1), dbl(3)])]);
    expect(doc.main.steps[0]).toEqual({ out: { return: ['${-1.0}', 3] } });
  });
});

describe('output', () => {
  const build = () =>
    workflow({
      params: ['args'],
      steps: [assign('a', { z: 1, y: 2, x: v('args') }), returnStep('r', v('x'))],
    });

  test('is deterministic and starts with the generated-file header', () => {
    const first = renderWorkflow(build());
    expect(renderWorkflow(build())).toBe(first);
    expect(first.split('\n')[0]).toBe(
      '# Generated by bqtune from its TypeScript pipeline definition; do not edit.',
    );
  });

  test('the header does not change the document', () => {
    const yaml = renderWorkflow(build());
    const withoutHeader = yaml
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n');
    expect(parse(yaml)).toEqual(parse(withoutHeader));
  });
});

describe('one-line collections', () => {
  it('writes small collections of scalars on one line, and keeps steps and assignments one per line', () => {
    const sub = subworkflow('read', ['ctx', 'job'], [returnStep('out', v('job'))]);
    const { yaml, doc } = render(
      [
        assign('start', { names: ['a', 'b'], limits: { low: 1, high: 2 } }),
        call('read_it', sub, { args: { ctx: v('ctx'), job: 'x' }, result: 'r' }),
        returnStep('done', v('r')),
      ],
      { subworkflows: [sub], params: ['ctx'] },
    );
    expect(yaml).toContain('  params: [ ctx ]\n');
    expect(yaml).toContain(
      '        assign:\n          - names: [ a, b ]\n          - limits: { low: 1, high: 2 }\n',
    );
    expect(yaml).toContain('        args: { ctx: "${ctx}", job: x }\n');
    // The parsed document is what the block form would have been.
    expect(doc.main.steps[0]).toEqual({
      start: { assign: [{ names: ['a', 'b'] }, { limits: { low: 1, high: 2 } }] },
    });
    expect(doc.main.steps[1]).toEqual({
      read_it: { call: 'read', args: { ctx: '${ctx}', job: 'x' }, result: 'r' },
    });
  });

  it('keeps a collection in block form when one line would be longer than 120 characters', () => {
    const long = Array.from({ length: 12 }, (_, i) => `item_number_${i}`);
    const { yaml, doc } = render([assign('start', { names: long }), done]);
    expect(yaml).toContain('          - names:\n              - item_number_0\n');
    expect((doc.main.steps[0] as { start: { assign: { names: string[] }[] } }).start.assign[0].names).toEqual(
      long,
    );
  });
});
