import { FUNCTIONS, NAMED_VALUES } from '../../../workflows/facts';
import {
  BLOCKING_FUNCTIONS,
  BUILTIN_VALUES,
  EXPRESSION_HELPERS,
  PURE_FUNCTIONS,
  call,
  fn,
  renderWorkflow,
  returnStep,
  validateWorkflow,
  workflow,
} from '../../../workflows/dsl';
import { NAMED_VALUES as INTERPRETER_NAMED_VALUES } from '../../../emulator/workflows/named-values';
import { builtins, implementations } from '../../../emulator/workflows/stdlib';
import { functionTable } from '../../../emulator/workflows/functions';
import { deployErrors, resultJson } from '../../emulator/workflows/run-helper';

const factNames = Object.keys(FUNCTIONS).sort();

/** One table of Cloud Workflows facts: the DSL and the interpreter know exactly the functions it declares. */
describe('the table of Workflows facts', () => {
  test('the interpreter implements every function of the table and no other', () => {
    expect(Object.keys(implementations).sort()).toEqual(factNames);
  });

  test('the DSL knows every function of the table, each in one place, and no other', () => {
    const dsl = [
      ...Object.keys(BLOCKING_FUNCTIONS),
      ...Object.keys(PURE_FUNCTIONS),
      ...Object.keys(EXPRESSION_HELPERS),
    ].sort();
    expect(dsl).toEqual(factNames);
  });

  test('both sides read the same names, required count and blocking flag', () => {
    for (const [name, fact] of Object.entries(FUNCTIONS)) {
      expect([name, builtins[name].params]).toEqual([name, [...fact.required, ...fact.optional]]);
      expect([name, builtins[name].required]).toEqual([name, fact.required.length]);
      expect([name, builtins[name].blocking]).toEqual([name, fact.kind === 'blocking']);
    }
  });

  test('named values are the same on both sides; retry predicates are functions referenced as values', () => {
    expect(Object.keys(INTERPRETER_NAMED_VALUES).sort()).toEqual([...NAMED_VALUES].sort());
    expect([...BUILTIN_VALUES].sort()).toEqual(
      [
        ...NAMED_VALUES,
        'http.default_retry_predicate',
        'http.default_retry_predicate_non_idempotent',
        'retry.always',
        'retry.never',
      ].sort(),
    );
  });

  test('an implementation missing from the table is refused when the interpreter loads', () => {
    expect(() => functionTable({ 'math.floor': () => null })).toThrow(
      'built-in math.floor is not in the table of Workflows facts',
    );
  });
});

describe('the table as the DSL checks and the interpreter read it', () => {
  test('text.replace_all_regex takes source, regexp and repl in a call step, on both sides', async () => {
    const wf = workflow({
      steps: [
        call('clean', 'text.replace_all_regex', {
          args: { source: 'ab_12', regexp: '([a-z]+)_([0-9]+)', repl: '\\2_\\1' },
          result: 'out',
        }),
        returnStep('done', fn('string', 'x')),
      ],
    });
    expect(validateWorkflow(wf)).toEqual([]);
    const yaml = `
- clean:
    call: text.replace_all_regex
    args:
      source: ab_12
      regexp: ([a-z]+)_([0-9]+)
      repl: \\2_\\1
    result: out
- done:
    return: \${out}
`;
    expect(await resultJson(yaml)).toBe('"\\\\2_\\\\1"');
    expect(deployErrors(yaml.replace('regexp:', 'substr:')).join('\n')).toContain('substr');
    expect(renderWorkflow(wf)).toContain('regexp:');
  });

  test('math.floor is not a documented function: refused by the DSL and at deploy', async () => {
    expect(() => fn('math.floor' as 'math.abs', 2.5)).toThrow('math.floor');
    expect(deployErrors('- r:\n    return: ${math.floor(2.5)}\n').join('\n')).toContain('math.floor');
  });

  test('events.await_callback needs its callback argument on both sides', () => {
    const wf = workflow({
      steps: [call('wait', 'events.await_callback' as 'sys.sleep', { args: {} as never })],
    });
    expect(validateWorkflow(wf).map((v) => v.message)).toContain(
      'events.await_callback needs argument callback',
    );
    expect(deployErrors('- wait:\n    call: events.await_callback\n').join('\n')).toContain('callback');
  });
});
