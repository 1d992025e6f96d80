import { farmFingerprint, fingerprint64 } from '../../../emulator/bigquery/farmhash';

/**
 * FarmHash Fingerprint64 against published values: BigQuery's FARM_FINGERPRINT reference page
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/hash_functions#farm_fingerprint), and the
 * farmhashna::Hash64 test vectors of the go-farm port of FarmHash, which cover every length branch
 * (0–16, 17–32, 33–64 and the 64-byte block loop).
 */
describe('FARM_FINGERPRINT', () => {
  test.each([
    ['1footrue', -1541654101129638711n],
    ['2applefalse', 2794438866806483259n],
    ['3true', -4880158226897771312n],
  ])('the reference page example %j', (input, expected) => {
    expect(farmFingerprint(input)).toBe(expected);
  });

  test.each([
    ['', 0x9ae16a3b2f90404fn],
    ['a', 0xb3454265b6df75e3n],
    ['abcd', 0x1a5502de4a1f8101n],
    ['abcdefgh', 0xfee9d22990c82909n],
    ["0123456789'01234", 0x4283d4ef43627f64n],
    ['0123456789=012345', 0x46a7416ed4861e3bn],
    ['0123456789^0123456789', 0xdebcba8e6f3eabd1n],
    ['C is as portable as Stonehedge!!', 0xb944f8a16261e414n],
    ['Discard medicine more than two years old.', 0xe8f89ab6df9bdd25n],
    ['For every action there is an equal and opposite government program.', 0x55182f8859eca4cen],
    [
      'There is no reason for any individual to have a computer in their home. -Ken Olsen, 1977',
      0x7e85d7b050ed2967n,
    ],
    [
      'The fugacity of a constituent in a mixture of gases at a given temperature is proportional to its mole fraction.  Lewis-Randall Rule',
      0x098eff6958c5e91an,
    ],
  ])('Fingerprint64 of %j (length branch coverage)', (input, expected) => {
    expect(fingerprint64(Buffer.from(input, 'utf8'))).toBe(expected);
  });

  test('a STRING hashes its UTF-8 bytes, the same as the equal BYTES', () => {
    expect(farmFingerprint('héllo')).toBe(farmFingerprint(Buffer.from('héllo', 'utf8')));
    expect(farmFingerprint('héllo')).not.toBe(farmFingerprint(Buffer.from('héllo', 'latin1')));
  });
});
