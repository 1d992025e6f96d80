import { readablePath } from '../../schemas/messages';

test.each([
  ['', undefined, '(root)'],
  ['', 'name', 'name'],
  ['/model/tuning', 'maxIterations', 'model.tuning.maxIterations'],
  ['/task/labels/3', undefined, 'task.labels[3]'],
  ['/perLabel/Allergy ~1 Immunology', 'f1', 'perLabel["Allergy / Immunology"].f1'],
  ['/a~0b', undefined, '["a~b"]'],
  ['/$schema', undefined, '$schema'],
])('readablePath(%j, %j) is %s', (pointer, child, expected) => {
  expect(readablePath(pointer, child)).toBe(expected);
});
