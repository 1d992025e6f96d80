import type { ErrorObject } from 'ajv';

/** One problem with a value: where (a readable path such as `task.labels[3]`) and what. */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** Thrown by the validators; the message lists every issue, one per line, under the name of the source. */
export class SchemaValidationError extends Error {
  constructor(
    readonly source: string,
    readonly issues: readonly SchemaIssue[],
  ) {
    super(`${source} is invalid:\n${issues.map((issue) => `  ${issue.message}`).join('\n')}`);
    this.name = 'SchemaValidationError';
  }
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `/model/tuning/0/x y` becomes `model.tuning[0]["x y"]`. */
export function readablePath(instancePath: string, child?: string | number): string {
  const segments = instancePath === '' ? [] : instancePath.slice(1).split('/');
  const decoded: (string | number)[] = segments.map((segment) => {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : key;
  });
  if (child !== undefined) decoded.push(child);
  let out = '';
  for (const key of decoded) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (identifier.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === '' ? '(root)' : out;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const article = (type: string) => (type === 'integer' || type === 'object' || type === 'array' ? 'an' : 'a');
const typeName = (type: string) => (type === 'null' ? 'null' : `${article(type)} ${type}`);

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/** The known property closest to a misspelt one, if it is close enough to be a likely typo. */
function suggestion(unknown: string, known: string[]): string {
  const ranked = known
    .map((name) => ({ name, distance: editDistance(unknown.toLowerCase(), name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance);
  const best = ranked[0];
  return best !== undefined && best.distance <= Math.max(2, Math.floor(unknown.length / 3))
    ? ` (did you mean ${best.name}?)`
    : '';
}

/** Words for the condition of an `if`, e.g. `dataSplitMethod is CUSTOM or SEQ`. */
function conditionText(condition: unknown): string | undefined {
  if (typeof condition !== 'object' || condition === null) return undefined;
  const properties = (condition as { properties?: Record<string, { const?: unknown; enum?: unknown[] }> })
    .properties;
  if (properties === undefined) return undefined;
  const parts = Object.entries(properties).map(([name, rule]) => {
    const values = rule.enum ?? (rule.const !== undefined ? [rule.const] : []);
    return `${name} is ${values.map((value) => String(value)).join(' or ')}`;
  });
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

function describe(error: ErrorObject): SchemaIssue {
  const at = readablePath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const parent = error.parentSchema as
    { description?: string; properties?: Record<string, unknown> } | undefined;
  switch (error.keyword) {
    case 'required': {
      const path = readablePath(error.instancePath, String(params.missingProperty));
      return { path, message: `${path} is required` };
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const path = readablePath(error.instancePath, name);
      const known = Object.keys(parent?.properties ?? {});
      return { path, message: `${path} is not allowed${suggestion(name, known)}` };
    }
    case 'type': {
      const types = String(params.type).split(',');
      return {
        path: at,
        message: `${at} must be ${types.map(typeName).join(' or ')} (got ${shown(error.data)})`,
      };
    }
    case 'enum':
      return {
        path: at,
        message: `${at} must be one of ${(params.allowedValues as unknown[]).map(shown).join(', ')} (got ${shown(error.data)})`,
      };
    case 'const':
      return { path: at, message: `${at} must be ${shown(params.allowedValue)} (got ${shown(error.data)})` };
    case 'uniqueItems': {
      const path = readablePath(error.instancePath, Number(params.i));
      return {
        path,
        message: `${path} must be unique (same as ${readablePath(error.instancePath, Number(params.j))})`,
      };
    }
    case 'pattern':
    case 'format': {
      const expected =
        parent?.description ??
        (error.keyword === 'format' ? `a valid ${String(params.format)}` : error.message);
      return { path: at, message: `${at} must be ${expected} (got ${shown(error.data)})` };
    }
    default: {
      const got = typeof error.data === 'object' && error.data !== null ? '' : ` (got ${shown(error.data)})`;
      return { path: at, message: `${at} ${error.message ?? 'is invalid'}${got}` };
    }
  }
}

/**
 * Readable issues from ajv's errors (compiled with `allErrors` and `verbose`). An `if` error only says that a
 * `then` failed; its condition is added to the errors of that `then` instead.
 */
export function describeErrors(errors: readonly ErrorObject[]): SchemaIssue[] {
  const conditions = new Map<string, string>();
  for (const error of errors) {
    if (error.keyword !== 'if') continue;
    const text = conditionText((error.parentSchema as { if?: unknown } | undefined)?.if);
    if (text !== undefined) conditions.set(error.schemaPath.replace(/\/if$/, '/then/'), text);
  }
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const issue = describe(error);
    for (const [prefix, text] of conditions) {
      if (error.schemaPath.startsWith(prefix)) issue.message += ` when ${text}`;
    }
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    issues.push(issue);
  }
  return issues;
}
