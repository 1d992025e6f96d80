import { javaDouble } from '../../../emulator/bigquery/values';

/**
 * FLOAT64 cells are written as Java's Double.toString writes a double (the REST API's form, also seen in
 * TIMESTAMP cells such as "1.7041646455E9"): plain with at least one fraction digit for 1e-3 <= |x| < 1e7,
 * computerized scientific notation otherwise. Expected strings follow those rules, not this code.
 */
test.each([
  [5, '5.0'],
  [0.25, '0.25'],
  [-2.5, '-2.5'],
  [3.3333333333333335, '3.3333333333333335'],
  [1234567.0, '1234567.0'],
  [1e7, '1.0E7'],
  [12345678.9, '1.23456789E7'],
  [0.001, '0.001'],
  [0.00015, '1.5E-4'],
  [1e100, '1.0E100'],
  [0, '0.0'],
  [-0, '-0.0'],
  [Infinity, 'Infinity'],
  [-Infinity, '-Infinity'],
  [NaN, 'NaN'],
])('%p is written %s', (x, text) => {
  expect(javaDouble(x)).toBe(text);
});
