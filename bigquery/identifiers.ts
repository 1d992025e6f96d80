import { isPlaceholder, kindName, placeholderMatches, type Placeholder } from './placeholders';
import type { SqlParts } from './sql';

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

/** A column name in backticks, so reserved words such as `label` or `by` need no special case. */
export function quoteColumn(value: string, field: string): string {
  return `\`${checkColumnName(value, field)}\``;
}

/** Renders one path segment: a validated value, or the placeholder (which must be of the same kind). */
export function identSegment(parts: SqlParts, value: Ident, kind: IdentifierKind, field: string): string {
  if (isPlaceholder(value)) {
    if (value.kind !== kind) {
      throw new Error(
        `${field}: placeholder {{${value.name}}} is a ${kindName(value.kind)}, expected ${kind}`,
      );
    }
    return parts.placeholder(value);
  }
  return checkIdentifier(kind, value, field);
}

function path(parts: SqlParts, ref: TableRef | ModelRef, field: string): string {
  const segments: string[] = [];
  if (ref.project !== undefined)
    segments.push(identSegment(parts, ref.project, 'projectId', `${field}.project`));
  segments.push(identSegment(parts, ref.dataset, 'datasetId', `${field}.dataset`));
  segments.push(
    'table' in ref
      ? identSegment(parts, ref.table, 'tableId', `${field}.table`)
      : identSegment(parts, ref.model, 'modelId', `${field}.model`),
  );
  return segments.join('.');
}

/** `` `project.dataset.name` `` (the project is optional: the job's default project is used then). */
export function quotedPath(parts: SqlParts, ref: TableRef | ModelRef, field: string): string {
  return `\`${path(parts, ref, field)}\``;
}

/**
 * The same path as a string literal, for recording which model wrote a row. Validated segments and
 * placeholder patterns contain no quote or backslash, so no escaping is needed.
 */
export function pathLiteral(parts: SqlParts, ref: TableRef | ModelRef, field: string): string {
  return `'${path(parts, ref, field)}'`;
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

export function connectionPath(parts: SqlParts, ref: ConnectionRef, field: string): string {
  const c = typeof ref === 'string' ? parseConnection(ref, field) : ref;
  return `\`${[
    identSegment(parts, c.project, 'projectId', `${field}.project`),
    identSegment(parts, c.location, 'location', `${field}.location`),
    identSegment(parts, c.connectionId, 'connectionId', `${field}.connectionId`),
  ].join('.')}\``;
}
