import { parseEndpoint, type EndpointPurpose } from './endpoints';
import { isPlaceholder, kindName, type Placeholder, type PlaceholderKind } from './placeholders';
import { float64Lit, int64Lit, sql, stringLit, type SqlFragment } from './sql-template';

/** A number known now (validated against its documented range) or a placeholder checked at run time. */
export type NumberOption = number | Placeholder;

export interface NumberRule {
  /** The placeholder kind whose pattern encodes the same range. */
  kind: Exclude<PlaceholderKind, { enum: readonly string[] }>;
  integer: boolean;
  check: (value: number) => boolean;
  /** Reads as "must be ...". */
  range: string;
}

export const numberRules = {
  maxIterations: {
    kind: 'positiveInteger',
    integer: true,
    check: (v) => v >= 1 && v <= 999_999_999,
    range: 'an integer >= 1 (at most 999999999)',
  },
  learningRateMultiplier: {
    kind: 'positiveDecimal',
    integer: false,
    check: (v) => v > 0 && v < 1_000_000,
    range: 'a number > 0',
  },
  dataSplitEvalFraction: {
    kind: 'evalFraction',
    integer: false,
    check: (v) => v >= 0 && v <= 1 && Number(v.toFixed(2)) === v,
    range: 'a number in [0, 1] with at most two decimals',
  },
  maxOutputTokens: {
    kind: 'maxOutputTokens',
    integer: true,
    check: (v) => v >= 1 && v <= 8192,
    range: 'an integer in [1, 8192]',
  },
  temperature: {
    kind: 'unitInterval',
    integer: false,
    check: (v) => v >= 0 && v <= 1,
    range: 'a number in [0.0, 1.0]',
  },
  topP: {
    kind: 'unitInterval',
    integer: false,
    check: (v) => v >= 0 && v <= 1,
    range: 'a number in [0.0, 1.0]',
  },
} as const satisfies Record<string, NumberRule>;

/**
 * A numeric option or STRUCT field: an INT64 or FLOAT64 literal after `rule`'s range check, or a placeholder
 * of `rule.kind` (whose pattern encodes the same range, checked at run time). Throws naming `field`.
 */
export function numberOption(value: NumberOption, rule: NumberRule, field: string): SqlFragment {
  if (isPlaceholder(value)) {
    if (value.kind !== rule.kind) {
      throw new Error(
        `${field}: placeholder {{${value.name}}} is a ${kindName(value.kind)}, expected ${rule.kind}`,
      );
    }
    return sql`${value}`;
  }
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (rule.integer && !Number.isInteger(value)) ||
    !rule.check(value)
  ) {
    throw new Error(`${field}: ${String(value)} must be ${rule.range}`);
  }
  return rule.integer ? int64Lit(value, field) : float64Lit(value, field);
}

/** An enum option known now, or a run-time placeholder whose enum is a subset of the allowed values. */
export function enumOrPlaceholderOption<T extends string>(
  value: T | Placeholder,
  allowed: readonly T[],
  field: string,
): SqlFragment {
  if (!isPlaceholder(value)) return enumOption(value, allowed, field);
  const values = typeof value.kind === 'string' ? undefined : value.kind.enum;
  const stray = values?.filter((x) => !(allowed as readonly string[]).includes(x));
  if (values === undefined || stray === undefined || stray.length > 0) {
    throw new Error(
      `${field}: placeholder {{${value.name}}} must be an enum of ${allowed.join(', ')}` +
        (stray && stray.length > 0 ? ` (not ${stray.join(', ')})` : ''),
    );
  }
  return sql`'${value}'`;
}

/** A string literal of one of `allowed`; anything else throws naming `field`. */
export function enumOption<T extends string>(value: T, allowed: readonly T[], field: string): SqlFragment {
  if (!allowed.includes(value)) {
    throw new Error(`${field}: ${JSON.stringify(value)} must be one of ${allowed.join(', ')}`);
  }
  return stringLit(value, field);
}

/** The ENDPOINT string: a checked model name or URL, or an enum placeholder whose every value passes the check. */
export function endpointOption(
  value: string | Placeholder,
  purpose: EndpointPurpose,
  field: string,
): SqlFragment {
  if (isPlaceholder(value)) {
    if (typeof value.kind === 'string') {
      throw new Error(
        `${field}: placeholder {{${value.name}}} must be an enum of endpoints, not ${value.kind}`,
      );
    }
    value.kind.enum.forEach((v) => parseEndpoint(v, purpose, `${field} {{${value.name}}}`));
    return sql`'${value}'`;
  }
  parseEndpoint(value, purpose, field);
  return stringLit(value, field);
}
