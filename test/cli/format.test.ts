import { metric3, signedMetric3 } from '../../cli/format';

test('a metric shows three decimals, or an em dash when there is none', () => {
  expect(metric3(0.8125)).toBe('0.813');
  expect(metric3(1)).toBe('1.000');
  expect(metric3(0)).toBe('0.000');
  expect(metric3(null)).toBe('—');
  expect(metric3(undefined)).toBe('—');
});

test('a change of a metric carries its sign; no change reads +0.000', () => {
  expect(signedMetric3(0.0625)).toBe('+0.063');
  expect(signedMetric3(-0.25)).toBe('-0.250');
  expect(signedMetric3(0)).toBe('+0.000');
});
