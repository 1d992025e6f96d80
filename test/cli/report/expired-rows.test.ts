import { isTableNotFound } from '../../../cli/report/data';

/* Which errors mean the run's eval prompts table is gone (so the report says its rows expired). */

const message = 'Not found: Table p:ds.eval_prompts_r1 was not found in location US';
const withFields = (text: string, fields: Record<string, unknown>) => Object.assign(new Error(text), fields);

test.each([
  ['the emulator: reason notFound', withFields(message, { reason: 'notFound' }), true],
  ['the client library: HTTP 404', withFields(message, { code: 404 }), true],
  ['the client library: errors[0].reason', withFields(message, { errors: [{ reason: 'notFound' }] }), true],
  [
    'another table not found',
    withFields(message.replace('eval_prompts_r1', 'predictions'), { reason: 'notFound' }),
    false,
  ],
  [
    'a longer table name',
    withFields(message.replace('eval_prompts_r1', 'eval_prompts_r10'), { reason: 'notFound' }),
    false,
  ],
  ['another error on that table', withFields(message, { reason: 'invalidQuery', code: 400 }), false],
  ['not an Error', { reason: 'notFound', message }, false],
])('%s', (_what, error, expected) => {
  expect(isTableNotFound(error, 'eval_prompts_r1')).toBe(expected);
});
