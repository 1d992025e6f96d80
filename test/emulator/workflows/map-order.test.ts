import { failure, resultJson } from './run-helper';

/** keys() is sorted and `for ... in: ${keys(m)}` walks the map in that order, whatever the insertion order. */
describe('map iteration order', () => {
  const loop = `
- init:
    assign:
      - m:
          zeta: 1
          alpha: 2
          mid: 3
      - m.beta: 4
      - seen: []
- walk:
    for:
      value: key
      in: \${keys(m)}
      steps:
        - add:
            assign:
              - seen: \${list.concat(seen, key + "=" + string(m[key]))}
- done:
    return: \${seen}
`;

  test('for over keys(m) visits the keys sorted, not in insertion order', async () => {
    expect(await resultJson(loop)).toBe('["alpha=2","beta=4","mid=3","zeta=1"]');
  });

  test('for directly over a map is refused with a TypeError that points at keys()', async () => {
    const err = await failure(`
- walk:
    for:
      value: key
      in: '\${{"b": 1, "a": 2}}'
      steps:
        - noop:
            assign:
              - x: \${key}
`);
    expect(err.tags).toEqual(['TypeError']);
    expect(err.message).toContain('keys(map)');
  });
});
