import { dot, featureDim, featurize } from '../../../emulator/model/features';

/**
 * The representation written out longhand from its description (FNV-1a 32-bit of `w:word` and of each
 * character 4-gram `c:....` of `^word$`, signed by the hash's top bit, log1p weights, L2 norm), with plain
 * objects and numbers: the typed arrays the model keeps must hold exactly these doubles.
 */
function longhand(text: string): Map<number, number> {
  const fnv = (s: string) => {
    let h = 0x811c9dc5;
    for (const ch of s) h = Number((BigInt((h ^ ch.charCodeAt(0)) >>> 0) * 0x01000193n) % 2n ** 32n);
    return h;
  };
  const acc: Record<number, number> = {};
  const add = (name: string, weight: number) => {
    const h = fnv(name);
    acc[h % featureDim] = (acc[h % featureDim] ?? 0) + (h >= 2 ** 31 ? -weight : weight);
  };
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    add(`w:${word}`, 1);
    const padded = `^${word}$`;
    for (let i = 0; i + 4 <= padded.length; i++) add(`c:${padded.slice(i, i + 4)}`, 0.5);
  }
  const entries = Object.entries(acc)
    .map(([i, raw]) => [Number(i), Math.sign(raw) * Math.log1p(Math.abs(raw))] as const)
    .filter(([, v]) => v !== 0)
    .sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0));
  return new Map(entries.map(([i, v]) => [i, v / norm]));
}

test.each([
  'Patient presents with chest pain radiating to the left arm.',
  'Rash, itching; dermatitis — follow-up in 2 weeks',
  'ÉCHOGRAPHIE rénale normale',
])('features of %j are the longhand computation, in ascending 16-bit indices and doubles', (text) => {
  const x = featurize(text);
  expect(x.indices).toBeInstanceOf(Uint16Array);
  expect(x.values).toBeInstanceOf(Float64Array);
  expect(new Map([...x.indices].map((index, k) => [index, x.values[k]]))).toEqual(longhand(text));
  expect([...x.indices]).toEqual([...x.indices].sort((a, b) => a - b));
  expect(dot(x, x)).toBeCloseTo(1, 12);
});

test('no words, no features', () => {
  const x = featurize(' — ');
  expect(x.indices).toHaveLength(0);
  expect(dot(x, featurize('anything'))).toBe(0);
});
