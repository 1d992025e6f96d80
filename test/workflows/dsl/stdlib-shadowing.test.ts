import {
  assign,
  call,
  fn,
  forIn,
  returnStep,
  subworkflow,
  tryStep,
  v,
  validateWorkflow,
  workflow,
} from '../../../workflows/dsl';
import { STDLIB_MODULES } from '../../../workflows/facts';
import { tuneAndEvaluate } from '../../../workflows/pipelines/tune-and-evaluate';

const messages = (wf: Parameters<typeof validateWorkflow>[0]) => validateWorkflow(wf).map((x) => x.message);

/** A variable named after a stdlib module hides its functions (`text.match_regex` would read the variable). */
describe('variables named after standard-library modules', () => {
  test.each(STDLIB_MODULES.map((m) => [m]))('assigning %s is refused', (name) => {
    const wf = workflow({ steps: [assign('init', { [name]: 1 }), returnStep('done', v(name))] });
    expect(messages(wf)).toEqual([
      `assigns ${name}, the name of a standard-library module (it would hide ${name}.* functions); rename the variable`,
    ]);
  });

  test('a call result, loop value, except variable or parameter named after a module is refused', () => {
    const wf = workflow({
      steps: [
        call('now', 'sys.now', { result: 'time' }),
        forIn('walk', { value: 'list', in: [1, 2] }, [assign('x', { y: v('list') })]),
        tryStep('guarded', [returnStep('inner', 1)], {
          except: { as: 'json', steps: [returnStep('caught', 2)] },
        }),
        returnStep('done', v('time')),
      ],
      subworkflows: [subworkflow('helper', ['map'], [returnStep('r', v('map'))])],
    });
    expect(messages(wf).sort()).toEqual(
      [
        'assigns time, the name of a standard-library module (it would hide time.* functions); rename the variable',
        'loops with list, the name of a standard-library module (it would hide list.* functions); rename the variable',
        'catches into json, the name of a standard-library module (it would hide json.* functions); rename the variable',
        'has a parameter map, the name of a standard-library module (it would hide map.* functions); rename the variable',
      ].sort(),
    );
  });

  test('names that only contain a module name are fine', () => {
    const wf = workflow({
      steps: [assign('init', { error_text: fn('string', 1), texts: [], sys_info: 1 }), returnStep('done', 1)],
    });
    expect(messages(wf)).toEqual([]);
  });

  test('the pipeline declares no such variable', () => {
    expect(validateWorkflow(tuneAndEvaluate())).toEqual([]);
  });
});
