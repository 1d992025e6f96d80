import { isPlaceholder, kindName, placeholderMatches, type Placeholder } from './placeholders';

/**
 * BigQuery naming rules, narrowed where BigQuery is more permissive than we need:
 * - project: 6-30 lower-case letters, digits and hyphens, starting with a letter and not ending with a
 *   hyphen, optionally domain-scoped (`example.com:my-project`);
 * - dataset and model: letters, digits and underscores, at most 1,024 characters (BigQuery's own rule);
 * - table: BigQuery also allows Unicode letters, marks, dashes and spaces; we accept only the strict ASCII
 *   subset (letters, digits, underscores), so a name never needs escaping inside backticks;
 * - connection id: letters, digits, underscores and hyphens; referenced as `project.location.connection_id`;
 * - location: the multi-regions US and EU, or a region such as `us-central1`;
 * - column: a letter or underscore, then letters, digits or underscores, at most 300 characters.
 */
export type IdentifierKind = 'projectId' | 'datasetId' | 'tableId' | 'modelId' | 'connectionId' | 'location';

/** An identifier known now (validated at compile time) or at run time (a placeholder of the same kind). */
export type Ident = string | Placeholder;

export interface TableRef {
  project?: Ident;
  dataset: Ident;
  table: Ident;
}

export interface ModelRef {
  project?: Ident;
  dataset: Ident;
  model: Ident;
}

export interface ConnectionParts {
  project: Ident;
  location: Ident;
  connectionId: Ident;
}

/** `project.location.connection_id` as one string, or its parts. */
export type ConnectionRef = string | ConnectionParts;

const rules: Record<IdentifierKind, string> = {
  projectId:
    '6-30 lower-case letters, digits or hyphens, starting with a letter, not ending with a hyphen, optionally prefixed by a domain and a colon',
  datasetId: 'letters, digits or underscores, at most 1024 characters',
  tableId: 'ASCII letters, digits or underscores, at most 1024 characters',
  modelId: 'letters, digits or underscores, at most 1024 characters',
  connectionId: 'letters, digits, underscores or hyphens',
  location: 'US, EU or a region such as us-central1',
};

const columnPattern = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/;

export function checkIdentifier(kind: IdentifierKind, value: string, field: string): string {
  if (typeof value !== 'string' || !placeholderMatches(kind, value)) {
    throw new Error(`${field}: ${JSON.stringify(value)} is not a valid ${kind} (${rules[kind]})`);
  }
  return value;
}

export function checkColumnName(value: string, field: string): string {
  if (typeof value !== 'string' || !columnPattern.test(value)) {
    throw new Error(
      `${field}: ${JSON.stringify(value)} is not a valid column name (a letter or underscore, then letters, digits or underscores, at most 300 characters)`,
    );
  }
  return value;
}

/** One segment of a path: a validated name, or a placeholder of the same kind (checked at run time). */
export type PathSegment = string | Placeholder;

/**
 * Checks one segment: a name against its kind's rule, a placeholder's kind against `kind`. `field` names it in
 * the error, e.g. `labelMetricsQuery.evaluations.dataset`.
 */
export function checkSegment(value: Ident, kind: IdentifierKind, field: string): PathSegment {
  if (isPlaceholder(value)) {
    if (value.kind !== kind) {
      throw new Error(
        `${field}: placeholder {{${value.name}}} is a ${kindName(value.kind)}, expected ${kind}`,
      );
    }
    return value;
  }
  return checkIdentifier(kind, value, field);
}

/** The checked segments of `project.dataset.table` or `project.dataset.model` (the project is optional). */
export function pathSegments(ref: TableRef | ModelRef, field: string): PathSegment[] {
  const segments: PathSegment[] = [];
  if (ref.project !== undefined) segments.push(checkSegment(ref.project, 'projectId', `${field}.project`));
  segments.push(checkSegment(ref.dataset, 'datasetId', `${field}.dataset`));
  segments.push(
    'table' in ref
      ? checkSegment(ref.table, 'tableId', `${field}.table`)
      : checkSegment(ref.model, 'modelId', `${field}.model`),
  );
  return segments;
}

/** The checked segments of `project.location.connection_id`. */
export function connectionSegments(ref: ConnectionRef, field: string): PathSegment[] {
  const c = typeof ref === 'string' ? parseConnection(ref, field) : ref;
  return [
    checkSegment(c.project, 'projectId', `${field}.project`),
    checkSegment(c.location, 'location', `${field}.location`),
    checkSegment(c.connectionId, 'connectionId', `${field}.connectionId`),
  ];
}

/** Splits `project.location.connection_id`; the project may itself contain dots (`example.com:proj`). */
export function parseConnection(value: string, field: string): ConnectionParts {
  const segments = typeof value === 'string' ? value.split('.') : [];
  if (segments.length < 3) {
    throw new Error(
      `${field}: ${JSON.stringify(value)} is not a connection reference project.location.connection_id`,
    );
  }
  const connectionId = segments.pop() as string;
  const location = segments.pop() as string;
  return { project: segments.join('.'), location, connectionId };
}
