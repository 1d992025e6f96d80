import fs from 'node:fs';
import type { FaultConfig } from '../../emulator/bigquery';

type Keys<T> = { [K in keyof Required<T>]: true };

/**
 * Every key `FaultConfig` has, and those of its nested objects: TypeScript fails the build when these
 * and the interface disagree, so a fault added there cannot be refused here.
 */
const knownKeys: { [K in keyof Required<FaultConfig>]: Keys<FaultConfig[K]> | true } = {
  jobFailures: { count: true, reason: true, statementTypes: true },
  httpFailures: { count: true, code: true, statementTypes: true },
  rowInvalidArgument: { promptContains: true },
  rowResourceExhausted: { rate: true, maxPerRow: true },
  tuningFailures: true,
  iamPropagationFailures: true,
  lostAnswers: { count: true, statementTypes: true, jobIdPattern: true },
};

function checkKeys(value: unknown, known: Record<string, unknown>, where: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`--faults: ${where || 'the value'} must be a JSON object`);
  }
  for (const [key, inner] of Object.entries(value)) {
    const name = where ? `${where}.${key}` : key;
    if (!(key in known)) {
      throw new Error(`--faults: unknown key ${name} (known: ${Object.keys(known).join(', ')})`);
    }
    const nested = known[key];
    if (typeof nested === 'object' && nested !== null)
      checkKeys(inner, nested as Record<string, unknown>, name);
  }
}

/** `--faults` as JSON text or a JSON file; unknown keys are an error, not ignored. */
export function readFaults(value: string): FaultConfig {
  const text = fs.existsSync(value) ? fs.readFileSync(value, 'utf8') : value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`--faults: ${JSON.stringify(value)} is neither a JSON file nor JSON text`);
  }
  checkKeys(parsed, knownKeys, '');
  return parsed as FaultConfig;
}
