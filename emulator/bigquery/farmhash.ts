/**
 * FarmHash Fingerprint64 (`farmhashna::Hash64`, the function the open-source FarmHash library exports as
 * `Fingerprint64`), which BigQuery's FARM_FINGERPRINT computes over a value's bytes and returns as a signed
 * INT64: https://cloud.google.com/bigquery/docs/reference/standard-sql/hash_functions#farm_fingerprint
 * It is also the hash BigQuery ML documents for RANDOM data splits.
 *
 * Arithmetic is on unsigned 64-bit BigInts, wrapped after every multiply and add as the C++ code wraps.
 */

/** 2^64 − 1: `& mask` wraps a BigInt to unsigned 64 bits. */
const mask = (1n << 64n) - 1n;
const k0 = 0xc3a5c85c97cb3127n;
const k1 = 0xb492b66fbe98f273n;
const k2 = 0x9ae16a3b2f90404fn;
const kMul = 0x9ddfea08eb382d69n;

const mul64 = (a: bigint, b: bigint): bigint => (a * b) & mask;
const add64 = (...xs: bigint[]): bigint => xs.reduce((a, b) => a + b, 0n) & mask;
const rotate = (x: bigint, shift: bigint): bigint =>
  shift === 0n ? x : ((x >> shift) | (x << (64n - shift))) & mask;
const shiftMix = (x: bigint): bigint => x ^ (x >> 47n);

function fetch64(s: Uint8Array, at: number): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(s[at + i]);
  return v;
}

function fetch32(s: Uint8Array, at: number): bigint {
  return BigInt((s[at] | (s[at + 1] << 8) | (s[at + 2] << 16) | (s[at + 3] << 24)) >>> 0);
}

function hashLen16(u: bigint, v: bigint, mul = kMul): bigint {
  let a = mul64(u ^ v, mul);
  a ^= a >> 47n;
  let b = mul64(v ^ a, mul);
  b ^= b >> 47n;
  return mul64(b, mul);
}

function hashLen0to16(s: Uint8Array): bigint {
  const len = s.length;
  if (len >= 8) {
    const mul = add64(k2, BigInt(len * 2));
    const a = add64(fetch64(s, 0), k2);
    const b = fetch64(s, len - 8);
    const c = add64(mul64(rotate(b, 37n), mul), a);
    const d = mul64(add64(rotate(a, 25n), b), mul);
    return hashLen16(c, d, mul);
  }
  if (len >= 4) {
    const mul = add64(k2, BigInt(len * 2));
    const a = fetch32(s, 0);
    return hashLen16(add64(BigInt(len), a << 3n), fetch32(s, len - 4), mul);
  }
  if (len > 0) {
    const y = BigInt((s[0] + (s[len >> 1] << 8)) >>> 0);
    const z = BigInt((len + (s[len - 1] << 2)) >>> 0);
    return mul64(shiftMix(mul64(y, k2) ^ mul64(z, k0)), k2);
  }
  return k2;
}

function hashLen17to32(s: Uint8Array): bigint {
  const len = s.length;
  const mul = add64(k2, BigInt(len * 2));
  const a = mul64(fetch64(s, 0), k1);
  const b = fetch64(s, 8);
  const c = mul64(fetch64(s, len - 8), mul);
  const d = mul64(fetch64(s, len - 16), k2);
  return hashLen16(
    add64(rotate(add64(a, b), 43n), rotate(c, 30n), d),
    add64(a, rotate(add64(b, k2), 18n), c),
    mul,
  );
}

function hashLen33to64(s: Uint8Array): bigint {
  const len = s.length;
  const mul = add64(k2, BigInt(len * 2));
  const a = mul64(fetch64(s, 0), k2);
  const b = fetch64(s, 8);
  const c = mul64(fetch64(s, len - 8), mul);
  const d = mul64(fetch64(s, len - 16), k2);
  const y = add64(rotate(add64(a, b), 43n), rotate(c, 30n), d);
  const z = hashLen16(y, add64(a, rotate(add64(b, k2), 18n), c), mul);
  const e = mul64(fetch64(s, 16), mul);
  const f = fetch64(s, 24);
  const g = mul64(add64(y, fetch64(s, len - 32)), mul);
  const h = mul64(add64(z, fetch64(s, len - 24)), mul);
  return hashLen16(
    add64(rotate(add64(e, f), 43n), rotate(g, 30n), h),
    add64(e, rotate(add64(f, a), 18n), g),
    mul,
  );
}

function weakHashLen32WithSeeds(s: Uint8Array, at: number, a: bigint, b: bigint): [bigint, bigint] {
  const w = fetch64(s, at);
  const x = fetch64(s, at + 8);
  const y = fetch64(s, at + 16);
  const z = fetch64(s, at + 24);
  a = add64(a, w);
  b = rotate(add64(b, a, z), 21n);
  const c = a;
  a = add64(a, x, y);
  b = add64(b, rotate(a, 44n));
  return [add64(a, z), add64(b, c)];
}

/** Fingerprint64 of the bytes, as the unsigned 64-bit value the C++ function returns. */
export function fingerprint64(s: Uint8Array): bigint {
  const len = s.length;
  if (len <= 16) return hashLen0to16(s);
  if (len <= 32) return hashLen17to32(s);
  if (len <= 64) return hashLen33to64(s);
  const seed = 81n;
  let x = seed;
  let y = add64(mul64(seed, k1), 113n);
  let z = mul64(shiftMix(add64(mul64(y, k2), 113n)), k2);
  let v: [bigint, bigint] = [0n, 0n];
  let w: [bigint, bigint] = [0n, 0n];
  x = add64(mul64(x, k2), fetch64(s, 0));
  const end = Math.floor((len - 1) / 64) * 64;
  const last64 = end + ((len - 1) & 63) - 63;
  let at = 0;
  do {
    x = mul64(rotate(add64(x, y, v[0], fetch64(s, at + 8)), 37n), k1);
    y = mul64(rotate(add64(y, v[1], fetch64(s, at + 48)), 42n), k1);
    x ^= w[1];
    y = add64(y, v[0], fetch64(s, at + 40));
    z = mul64(rotate(add64(z, w[0]), 33n), k1);
    v = weakHashLen32WithSeeds(s, at, mul64(v[1], k1), add64(x, w[0]));
    w = weakHashLen32WithSeeds(s, at + 32, add64(z, w[1]), add64(y, fetch64(s, at + 16)));
    [z, x] = [x, z];
    at += 64;
  } while (at !== end);
  const mul = add64(k1, (z & 0xffn) << 1n);
  at = last64;
  w[0] = add64(w[0], BigInt((len - 1) & 63));
  v[0] = add64(v[0], w[0]);
  w[0] = add64(w[0], v[0]);
  x = mul64(rotate(add64(x, y, v[0], fetch64(s, at + 8)), 37n), mul);
  y = mul64(rotate(add64(y, v[1], fetch64(s, at + 48)), 42n), mul);
  x ^= mul64(w[1], 9n);
  y = add64(y, mul64(v[0], 9n), fetch64(s, at + 40));
  z = mul64(rotate(add64(z, w[0]), 33n), mul);
  v = weakHashLen32WithSeeds(s, at, mul64(v[1], mul), add64(x, w[0]));
  w = weakHashLen32WithSeeds(s, at + 32, add64(z, w[1]), add64(y, fetch64(s, at + 16)));
  [z, x] = [x, z];
  return hashLen16(
    add64(hashLen16(v[0], w[0], mul), mul64(shiftMix(y), k0), z),
    add64(hashLen16(v[1], w[1], mul), x),
    mul,
  );
}

/** FARM_FINGERPRINT: Fingerprint64 of a STRING's UTF-8 bytes (or of BYTES), as a signed INT64. */
export function farmFingerprint(value: string | Uint8Array): bigint {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return BigInt.asIntN(64, fingerprint64(bytes));
}
