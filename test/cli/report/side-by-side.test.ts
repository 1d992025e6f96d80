import { pickSideBySide, type SideBySideRow } from '../../../cli/report/data';

const row = (exampleId: string, baselineScore: number, tunedScore: number): SideBySideRow => ({
  exampleId,
  input: `input ${exampleId}`,
  reference: `reference ${exampleId}`,
  baselineText: `baseline ${exampleId}`,
  tunedText: `tuned ${exampleId}`,
  baselineScore,
  tunedScore,
});

describe('the side-by-side picks', () => {
  test('equal gains reached by different subtractions are a tie, broken by example id', () => {
    // 0.4 - 0.1 is 0.30000000000000004 as a double, 0.5 - 0.2 is 0.3, 0.3 - 0 is 0.3: one gain, three rows.
    const rows = [row('c', 0.1, 0.4), row('a', 0.2, 0.5), row('b', 0, 0.3), row('d', 0, 0.31)];
    expect(pickSideBySide(rows).gains.map((r) => r.exampleId)).toEqual(['d', 'a', 'b', 'c']);
    const falls = [row('c', 0.4, 0.1), row('a', 0.5, 0.2), row('b', 0.3, 0), row('d', 0.31, 0)];
    expect(pickSideBySide(falls).losses.map((r) => r.exampleId)).toEqual(['d', 'a', 'b', 'c']);
  });

  test('at most 10 of each; a row that neither gained nor lost is in neither list', () => {
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => row(`g${String(i).padStart(2, '0')}`, 0, 0.5 + i / 100)),
      ...Array.from({ length: 11 }, (_, i) => row(`l${String(i).padStart(2, '0')}`, 0.9, 0.5 - i / 100)),
      row('same', 0.7, 0.7),
    ];
    const { gains, losses } = pickSideBySide(rows);
    expect(gains.map((r) => r.exampleId)).toEqual([
      'g11',
      'g10',
      'g09',
      'g08',
      'g07',
      'g06',
      'g05',
      'g04',
      'g03',
      'g02',
    ]);
    expect(losses.map((r) => r.exampleId)).toEqual([
      'l10',
      'l09',
      'l08',
      'l07',
      'l06',
      'l05',
      'l04',
      'l03',
      'l02',
      'l01',
    ]);
    expect(pickSideBySide([row('same', 0.7, 0.7)])).toEqual({ gains: [], losses: [] });
  });
});
