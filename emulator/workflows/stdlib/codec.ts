import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Tag, wfError } from '../errors';
import type { FnImplementations } from '../functions';
import { encodeJson, parseJson } from '../json-values';
import type { RuntimeValue } from '../values';
import { arg, bytes, map, optional, str } from './args';

const HASHES: Record<string, string> = {
  MD5: 'md5',
  SHA1: 'sha1',
  SHA256: 'sha256',
  SHA384: 'sha384',
  SHA512: 'sha512',
};

function algorithm(fnName: string, value: RuntimeValue | undefined): string {
  const name = str(fnName, 'algorithm', value);
  const alg = HASHES[name.toUpperCase().replace('-', '')];
  if (!alg)
    throw wfError(
      Tag.ValueError,
      `${fnName}: unsupported algorithm ${name} (${Object.keys(HASHES).join(', ')})`,
    );
  return alg;
}

function jsonText(fnName: string, data: RuntimeValue | undefined, indent: RuntimeValue | undefined): string {
  let format: { indent?: string; prefix?: string } = {};
  if (indent === true) format = { indent: '  ' };
  else if (indent instanceof Map) {
    const m = map(fnName, 'indent', indent);
    format = {
      indent: optional(m.get('indent'), (x) => str(fnName, 'indent.indent', x)) ?? '  ',
      prefix: optional(m.get('prefix'), (x) => str(fnName, 'indent.prefix', x)) ?? '',
    };
  } else if (indent !== undefined && indent !== null && indent !== false) {
    arg(fnName, 'indent', indent, 'boolean', 'map');
  }
  try {
    return encodeJson(data ?? null, format);
  } catch (e) {
    throw wfError(Tag.TypeError, `${fnName}: ${(e as Error).message}`);
  }
}

export const codec: FnImplementations = {
  'json.decode': ([d]) => {
    const source = arg<string | Uint8Array>('json.decode', 'data', d, 'string', 'bytes');
    const textValue = typeof source === 'string' ? source : Buffer.from(source).toString('utf8');
    try {
      return parseJson(textValue);
    } catch (e) {
      throw wfError(Tag.ValueError, `json.decode: ${(e as Error).message}`);
    }
  },
  'json.encode': ([d, i]) => new Uint8Array(Buffer.from(jsonText('json.encode', d, i), 'utf8')),
  'json.encode_to_string': ([d, i]) => jsonText('json.encode_to_string', d, i),
  'base64.encode': ([d, p]) => {
    const out = Buffer.from(bytes('base64.encode', 'data', d)).toString('base64');
    return p === false ? out.replace(/=+$/, '') : out;
  },
  'base64.decode': ([d]) => {
    const source = str('base64.decode', 'data', d);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(source))
      throw wfError(Tag.ValueError, 'base64.decode: invalid base64 text');
    return new Uint8Array(Buffer.from(source, 'base64'));
  },
  'hash.compute_checksum': ([d, a]) =>
    new Uint8Array(
      createHash(algorithm('hash.compute_checksum', a))
        .update(bytes('hash.compute_checksum', 'data', d))
        .digest(),
    ),
  'hash.compute_hmac': ([k, d, a]) =>
    new Uint8Array(
      createHmac(algorithm('hash.compute_hmac', a), bytes('hash.compute_hmac', 'key', k))
        .update(bytes('hash.compute_hmac', 'data', d))
        .digest(),
    ),
  'uuid.generate': () => randomUUID(),
};
