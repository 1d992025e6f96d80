import {
  WorkflowValidationError,
  assign,
  branch,
  builtin,
  call,
  fn,
  forIn,
  forRange,
  group,
  jump,
  parallel,
  parallelFor,
  renderWorkflow,
  returnStep,
  subworkflow,
  switchStep,
  tryStep,
  v,
  validateWorkflow,
  when,
  workflow,
} from '../../../workflows/dsl';
import type { Step, Subworkflow, Violation } from '../../../workflows/dsl';
import { expectValidWorkflowYaml } from '../../support/workflows-schema';

function check(
  steps: Step[],
  options: { params?: string[]; subworkflows?: Subworkflow[] } = {},
): Violation[] {
  return validateWorkflow(workflow({ steps, ...options }));
}

const done = returnStep('done', null);
const log = (name: string, text: Parameters<typeof v>[0] | null = null) =>
  call(name, 'sys.log', { args: { text: text === null ? 'x' : v(text) } });

describe('static checks, one violating workflow each', () => {
  test('step names are unique within a routine', () => {
    expect(check([assign('a', { x: 1 }), group('g', [assign('a', { y: 1 })]), done])).toEqual([
      { path: 'main > g > a', message: 'step name a is already used at main > a' },
    ]);
  });

  test('branch names count as step names', () => {
    const steps = [
      assign('left', { x: 1 }),
      parallel('p', [branch('left', [log('l1')]), branch('right', [log('r1')])]),
      done,
    ];
    expect(check(steps)).toEqual([
      { path: 'main > p > left', message: 'step name left is already used at main > left' },
    ]);
  });

  test('jump targets exist', () => {
    expect(check([assign('a', { x: 1 }, { next: 'nowhere' }), done])).toEqual([
      { path: 'main > a', message: 'next: nowhere names no step in main' },
    ]);
  });

  test('jump targets in switch conditions exist too', () => {
    expect(check([switchStep('s', [when(true, { next: 'missing' })]), done])).toEqual([
      { path: 'main > s', message: 'next: missing names no step in main' },
    ]);
  });

  test('jumps do not cross a parallel branch boundary', () => {
    const steps = [parallel('p', [branch('b1', [jump('out', 'done')]), branch('b2', [log('l')])]), done];
    expect(check(steps)).toContainEqual({
      path: 'main > p > b1 > out',
      message: 'next: done jumps across a parallel branch boundary',
    });
  });

  test('break and continue only inside loops', () => {
    expect(check([jump('stop', 'break'), jump('again', 'continue'), done])).toEqual([
      { path: 'main > stop', message: 'next: break is only allowed inside a for loop' },
      { path: 'main > again', message: 'next: continue is only allowed inside a for loop' },
    ]);
  });

  test('break inside a parallel branch nested in a loop is still outside a loop', () => {
    const steps = [
      forRange('loop', { value: 'i', range: [1, 2] }, [
        parallel('p', [branch('b1', [jump('stop', 'break')]), branch('b2', [log('l')])]),
      ]),
      done,
    ];
    expect(check(steps)).toEqual([
      { path: 'main > loop > p > b1 > stop', message: 'next: break is only allowed inside a for loop' },
    ]);
  });

  test('called subworkflow exists', () => {
    expect(check([call('c', 'no_such_sub', { result: 'r' }), done])).toEqual([
      { path: 'main > c', message: 'calls no_such_sub, which is not a subworkflow' },
    ]);
  });

  test('subworkflow arity: required params given, no unknown args', () => {
    const sub = subworkflow('load', ['uri', { format: 'CSV' }], [returnStep('r', v('uri'))]);
    expect(
      check([call('c', sub, { args: { format: 'JSON', urls: 'x' } }), done], { subworkflows: [sub] }),
    ).toEqual([
      { path: 'main > c', message: 'subworkflow load has no parameter urls' },
      { path: 'main > c', message: 'subworkflow load needs argument uri' },
    ]);
  });

  test('subworkflow arity inside expressions (positional)', () => {
    const sub = subworkflow('load', ['uri', { format: 'CSV' }], [returnStep('r', v('uri'))]);
    const steps = [assign('a', { x: fn('load'), y: fn('load', 1, 2, 3), z: fn('unknown_sub', 1) }), done];
    expect(check(steps, { subworkflows: [sub] })).toEqual([
      { path: 'main > a', message: 'load() takes 1 to 2 argument(s), got 0' },
      { path: 'main > a', message: 'load() takes 1 to 2 argument(s), got 3' },
      { path: 'main > a', message: 'expression calls unknown_sub(), which is not a subworkflow' },
    ]);
  });

  test('at most 50 assignments per assign step', () => {
    const entries = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`v${i}`, i]));
    expect(check([assign('many', entries), done])).toEqual([
      { path: 'main > many', message: 'assign has 51 entries; allowed 1 to 50' },
    ]);
  });

  test('at most 50 conditions per switch', () => {
    const conditions = Array.from({ length: 51 }, (_, i) => when(v('n').eq(i), { return: i }));
    expect(check([switchStep('big', conditions), done], { params: ['n'] })).toEqual([
      { path: 'main > big', message: 'switch has 51 conditions; allowed 1 to 50' },
    ]);
  });

  test('2 to 10 branches', () => {
    const branches = (n: number) => Array.from({ length: n }, (_, i) => branch(`b${i}`, [log(`l${i}`)]));
    expect(check([parallel('one', branches(1)), done])).toEqual([
      { path: 'main > one', message: 'parallel has 1 branches; allowed 2 to 10' },
    ]);
    expect(check([parallel('eleven', branches(11)), done])).toEqual([
      { path: 'main > eleven', message: 'parallel has 11 branches; allowed 2 to 10' },
    ]);
  });

  test('parallel nesting depth at most 2', () => {
    const level = (name: string, inner: Step[]) =>
      parallel(name, [branch(`${name}_a`, inner), branch(`${name}_b`, [log(`${name}_log`)])]);
    const ok = level('p1', [level('p2', [log('deep')])]);
    expect(check([ok, done])).toEqual([]);
    const tooDeep = level('p1', [level('p2', [level('p3', [log('deepest')])])]);
    expect(check([tooDeep, done])).toEqual([
      { path: 'main > p1 > p1_a > p2 > p2_a > p3', message: 'parallel steps are nested 3 deep; at most 2' },
    ]);
  });

  test('variable read before any assignment', () => {
    expect(
      check([assign('a', { x: v('y').add(1) }), assign('y_late', { y: 1 }), returnStep('r', v('x'))]),
    ).toEqual([{ path: 'main > a', message: 'reads y before any assignment' }]);
  });

  test('compiled source at most 128 KB', () => {
    const big = 'x'.repeat(1000);
    const steps = Array.from({ length: 140 }, (_, i) => assign(`s${i}`, { [`v${i}`]: big }));
    const wf = workflow({ steps: [...steps, done] });
    expect(validateWorkflow(wf)).toEqual([]);
    expect(() => renderWorkflow(wf)).toThrow(
      /workflow: compiled source is 14\d{4} bytes; the limit is 131072/,
    );
  });

  test('the size violation is reported together with the other violations', () => {
    const big = 'x'.repeat(1000);
    const steps = Array.from({ length: 140 }, (_, i) => assign(`s${i}`, { [`v${i}`]: big }));
    const wf = workflow({ steps: [...steps, returnStep('r', v('nope'))] });
    expect(() => renderWorkflow(wf)).toThrow(
      /workflow has 2 violation\(s\):\n {2}main > r: reads nope before any assignment\n {2}workflow: compiled source/,
    );
  });

  test('main takes at most one parameter', () => {
    expect(check([done], { params: ['a', 'b'] })).toEqual([
      { path: 'main', message: 'main takes at most one parameter, got 2' },
    ]);
  });

  test('subworkflow names are unique', () => {
    const one = subworkflow('dup', [], [done]);
    expect(check([done], { subworkflows: [one, one] })).toEqual([
      { path: 'dup', message: 'subworkflow dup is defined twice' },
    ]);
  });

  test('stdlib call argument names', () => {
    // A literal stdlib name types `args` at compile time; a name typed as plain string reaches the check.
    // @ts-expect-error txt is not an argument of sys.log
    call('typed', 'sys.log', { args: { txt: 'x' } });
    const sysLog: string = 'sys.log';
    const steps = [
      call('log', sysLog, { args: { txt: 'x' } }),
      call('sleep', 'sys.sleep', {}),
      call('bad', 'text.reverse', { args: { source: 'x' } }),
      done,
    ];
    expect(check(steps)).toEqual([
      {
        path: 'main > log',
        message: 'sys.log has no argument txt (takes data, severity, text, json, timeout)',
      },
      { path: 'main > sleep', message: 'sys.sleep needs argument seconds' },
      { path: 'main > bad', message: 'text.reverse is not a function of the text module' },
    ]);
  });

  test('connector names and connector_params', () => {
    const steps = [
      call('bad_name', 'googleapis.bigquery.jobs', {}),
      call('bad_params', 'googleapis.bigquery.v2.jobs.insert', {
        args: { projectId: 'p' },
        connectorParams: { timeout: 0, pollingPolicy: { initialDelay: 10, maxDelay: 5 }, scopes: [] },
      }),
      call('not_connector', 'sys.log', { args: { text: 'x' }, connectorParams: { timeout: 10 } }),
      done,
    ];
    expect(check(steps)).toEqual([
      {
        path: 'main > bad_name',
        message:
          'googleapis.bigquery.jobs is not a connector name (googleapis.<service>.<version>.<resource>.<method>)',
      },
      { path: 'main > bad_params', message: 'connector_params.timeout must be positive, got 0' },
      { path: 'main > bad_params', message: 'polling_policy.max_delay is smaller than initial_delay' },
      { path: 'main > bad_params', message: 'connector_params.scopes must be non-empty strings' },
      {
        path: 'main > not_connector',
        message: 'connector_params given to sys.log, which is not a connector',
      },
    ]);
  });

  test('parallel branches may not write non-shared parent variables', () => {
    const steps = [
      assign('init', { total: 0, seen: 0 }),
      parallel(
        'p',
        [branch('a', [assign('w1', { total: 1 })]), branch('b', [assign('w2', { seen: 1, own: 2 })])],
        { shared: ['seen'] },
      ),
      returnStep('r', v('total')),
    ];
    expect(check(steps)).toEqual([
      {
        path: 'main > p > a > w1',
        message: 'assigns total, a variable from outside parallel step p, without listing it in shared',
      },
    ]);
  });

  test('shared variables must exist before the parallel step', () => {
    const steps = [
      parallelFor('p', { value: 'x', in: [1, 2] }, [assign('w', { acc: v('x') })], { shared: ['acc'] }),
      done,
    ];
    expect(check(steps)).toEqual([
      { path: 'main > p', message: 'shared variable acc is not assigned before the parallel step' },
    ]);
  });

  test('loop-local variables cannot be read after the loop', () => {
    const steps = [
      forIn('loop', { value: 'item', in: [1, 2] }, [assign('inner', { last: v('item') })]),
      returnStep('r', [v('last'), v('item')]),
    ];
    expect(check(steps)).toEqual([
      { path: 'main > r', message: 'reads last, which is local to for loop loop and no longer exists here' },
      { path: 'main > r', message: 'reads item, which is local to for loop loop and no longer exists here' },
    ]);
  });

  test('except-local variables cannot be read after the except block', () => {
    const steps = [
      tryStep('t', [call('get', 'http.get', { args: { url: 'https://example.com' }, result: 'resp' })], {
        except: { as: 'e', steps: [assign('note', { why: v('e').get('message') })] },
      }),
      returnStep('r', v('why')),
    ];
    expect(check(steps)).toEqual([
      {
        path: 'main > r',
        message: 'reads why, which is local to the except block of t and no longer exists here',
      },
    ]);
  });

  test('branch-local variables cannot be read after the parallel step or from another branch', () => {
    const steps = [
      parallel('p', [branch('a', [assign('mk', { made: 1 })]), branch('b', [returnStep('rb', v('made'))])]),
      returnStep('r', v('made')),
    ];
    expect(check(steps)).toEqual([
      {
        path: 'main > p > b > rb',
        message: 'reads made, which is local to branch a of parallel step p and no longer exists here',
      },
      {
        path: 'main > r',
        message: 'reads made, which is local to branch a of parallel step p and no longer exists here',
      },
    ]);
  });

  test('nested loops cannot reuse a loop value name', () => {
    const steps = [
      forIn('outer', { value: 'x', in: [1] }, [forIn('inner', { value: 'x', in: [2] }, [log('l', 'x')])]),
      done,
    ];
    expect(check(steps)).toEqual([
      { path: 'main > outer > inner', message: 'loop value x is already the value of an enclosing loop' },
    ]);
  });

  test('retry predicate subworkflow exists and takes exactly one parameter', () => {
    const two = subworkflow('two_params', ['a', 'b'], [returnStep('r', true)]);
    const body = (name: string) => [call(name, 'sys.now', { result: 'now' })];
    const backoff = { initialDelay: 1, maxDelay: 10, multiplier: 2 };
    const steps = [
      tryStep('t1', body('now1'), { retry: { predicate: 'missing_pred', maxRetries: 3, backoff } }),
      tryStep('t2', body('now2'), { retry: { predicate: two, maxRetries: 3, backoff } }),
      done,
    ];
    expect(check(steps, { subworkflows: [two] })).toEqual([
      { path: 'main > t1', message: 'retry predicate missing_pred is not a subworkflow' },
      { path: 'main > t2', message: 'retry predicate two_params must take exactly one parameter, takes 2' },
    ]);
  });

  test('empty blocks are reported', () => {
    expect(check([group('g', []), done])).toEqual([
      { path: 'main > g', message: 'steps block has no steps' },
    ]);
  });

  test('expression text that cannot be encoded is reported with its step', () => {
    expect(check([returnStep('r', v('x').add('tab\t'))], { params: ['x'] })).toEqual([
      {
        path: 'main > r',
        message: 'string literal contains control character U+0009, which has no Workflows escape',
      },
    ]);
  });
});

describe('definedness without false positives', () => {
  test('assignments on any path count: switch branches, try bodies, params, results, loop values', () => {
    const steps = [
      switchStep('pick', [when(v('args').get('a'), { steps: [assign('set_x', { x: 1 })] })]),
      tryStep('t', [call('now', 'sys.now', { result: 'ts' })], {
        except: { as: 'e', steps: [log('l', 'e')] },
      }),
      forIn('each', { value: 'it', index: 'i', in: [1, 2] }, [assign('upd', { x: v('it').add(v('i')) })]),
      returnStep('r', [v('x'), v('ts'), v('args')]),
    ];
    expect(check(steps, { params: ['args'] })).toEqual([]);
  });

  test('a read in another switch branch is not covered by a sibling branch assignment', () => {
    const steps = [
      switchStep('pick', [
        when(true, { steps: [assign('set_x', { x: 1 })] }),
        when(false, { steps: [returnStep('use_x', v('x'))] }),
      ]),
      done,
    ];
    expect(check(steps)).toEqual([
      { path: 'main > pick > condition 2 > use_x', message: 'reads x before any assignment' },
    ]);
  });

  test('after the first jump target, reads are not checked (paths undecidable)', () => {
    const steps = [
      assign('init', { n: 0 }, { next: 'later' }),
      assign('early_read', { y: v('n') }),
      assign('later', { n: v('n').add(1) }),
      returnStep('r', v('set_via_jump_path_only')),
    ];
    expect(check(steps)).toEqual([]);
  });

  test('a loop iteration may read what an earlier iteration assigned', () => {
    const steps = [
      forIn('each', { value: 'x', in: [1, 2, 3] }, [
        switchStep('has_prev', [when(v('x').gt(1), { steps: [log('show_prev', 'prev')] })]),
        assign('remember', { prev: v('x') }),
      ]),
      done,
    ];
    expect(check(steps)).toEqual([]);
  });

  test('subworkflows do not see main variables', () => {
    const sub = subworkflow('s', ['p'], [returnStep('r', v('p').add(v('main_var')))]);
    expect(
      check([assign('a', { main_var: 1 }), call('c', sub, { args: { p: 1 } }), done], {
        subworkflows: [sub],
      }),
    ).toEqual([{ path: 's > r', message: 'reads main_var before any assignment' }]);
  });
});

test('one render reports every violation with its path', () => {
  const wf = workflow({
    params: ['a', 'b'],
    steps: [
      assign('x', { y: v('undefined_var') }, { next: 'missing' }),
      assign('x', { z: 1 }),
      jump('stop', 'break'),
      call('c', 'nope', {}),
    ],
  });
  let error: unknown;
  try {
    renderWorkflow(wf);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(WorkflowValidationError);
  const err = error as WorkflowValidationError;
  expect(err.violations).toHaveLength(6);
  expect(err.message).toBe(
    [
      'workflow has 6 violation(s):',
      '  main: main takes at most one parameter, got 2',
      '  main > x: step name x is already used at main > x',
      '  main > x: next: missing names no step in main',
      '  main > stop: next: break is only allowed inside a for loop',
      '  main > c: calls nope, which is not a subworkflow',
      '  main > x: reads undefined_var before any assignment',
    ].join('\n'),
  );
});

test('a valid workflow renders and matches the schema', () => {
  const sub = subworkflow('load', ['uri'], [returnStep('r', v('uri'))]);
  const yaml = renderWorkflow(
    workflow({
      params: ['args'],
      steps: [
        call('l', sub, { args: { uri: v('args').get('uri') }, result: 'loaded' }),
        tryStep('t', [call('get', 'http.get', { args: { url: v('loaded') }, result: 'resp' })], {
          retry: builtin('http.default_retry'),
        }),
        returnStep('r', v('resp')),
      ],
      subworkflows: [sub],
    }),
  );
  expectValidWorkflowYaml(yaml);
});
