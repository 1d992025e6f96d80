/**
 * GoogleSQL functions DuckDB has no equivalent of, computed in JavaScript and registered as DuckDB scalar
 * functions (duckdb-functions.ts). Each follows its reference page under
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/; errors are thrown as `Error`s whose
 * message becomes the job's error.
 */
import { farmFingerprint } from './farmhash';

/** FARM_FINGERPRINT (hash_functions#farm_fingerprint). */
export { farmFingerprint };

/**
 * INSTR(value, subvalue, position, occurrence) (string_functions#instr): 1-based position of the
 * occurrence-th match, overlapping matches counted; a negative position searches backwards from that
 * character; 0 when not found or when position is past the end. position 0 or occurrence < 1 is an error.
 */
export function instr(value: string, sub: string, position: number, occurrence: number): number {
  if (position === 0) throw new Error('INSTR: position cannot be 0');
  if (occurrence < 1) throw new Error('INSTR: occurrence must be positive');
  if (sub.length === 0) throw new Error('not supported by the local emulator: INSTR of an empty subvalue');
  const chars = [...value];
  const subChars = [...sub];
  const matchesAt = (i: number): boolean => subChars.every((c, j) => chars[i + j] === c);
  let found = 0;
  if (position > 0) {
    for (let i = position - 1; i + subChars.length <= chars.length; i++) {
      if (matchesAt(i) && ++found === occurrence) return i + 1;
    }
    return 0;
  }
  for (let i = Math.min(chars.length + position, chars.length - subChars.length); i >= 0; i--) {
    if (matchesAt(i) && ++found === occurrence) return i + 1;
  }
  return 0;
}

/** INITCAP's default word delimiters (string_functions#initcap). */
const initcapDelimiters = ' []{}()/|\\<>!?@"^#$&~_,.:;*%+-';

/** INITCAP(value[, delimiters]): each word's first character upper-cased, the others lower-cased. */
export function initcap(value: string, delimiters: string = initcapDelimiters): string {
  const isDelimiter = (c: string): boolean =>
    delimiters.includes(c) || (delimiters === initcapDelimiters && /\s/u.test(c));
  let out = '';
  let start = true;
  for (const c of value) {
    out += start ? c.toUpperCase() : c.toLowerCase();
    start = isDelimiter(c);
  }
  return out;
}

/**
 * NORMALIZE(value[, mode]) (string_functions#normalize): Unicode normalization, NFC by default.
 * @throws Error for a mode other than NFC, NFKC, NFD, NFKD (the query fails with its message).
 */
export function normalize(value: string, mode: string): string {
  if (!['NFC', 'NFKC', 'NFD', 'NFKD'].includes(mode)) throw new Error(`NORMALIZE: unknown mode ${mode}`);
  return value.normalize(mode);
}

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** TO_BASE32(bytes) (string_functions#to_base32): RFC 4648 base32 with padding. */
export function toBase32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let buffer = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32Alphabet[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += base32Alphabet[(buffer << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

/** FROM_BASE32(string) (string_functions#from_base32): RFC 4648 base32; other characters are an error. */
export function fromBase32(text: string): Uint8Array {
  const body = text.replace(/=+$/, '');
  const bytes: number[] = [];
  let bits = 0;
  let buffer = 0;
  for (const c of body) {
    const v = base32Alphabet.indexOf(c.toUpperCase());
    if (v < 0) throw new Error(`FROM_BASE32: invalid base32 character ${JSON.stringify(c)}`);
    buffer = ((buffer << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(bytes);
}
