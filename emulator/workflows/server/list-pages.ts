import type { ExecutionHistory, Live } from './execution-records';
import { toResource } from './execution-records';
import { invalid } from './requests';

/** `view` as a name or its enum number; BASIC unless FULL (https://cloud.google.com/workflows/docs/reference/executions/rest/v1/ExecutionView). */
export function isFullView(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '' || value === 'EXECUTION_VIEW_UNSPECIFIED' || value === '0')
    return fallback;
  if (value === 'BASIC' || value === '1') return false;
  if (value === 'FULL' || value === '2') return true;
  throw invalid(
    `Invalid value at 'view' (type.googleapis.com/google.cloud.workflows.executions.v1.ExecutionView), "${value}"`,
  );
}

interface PageToken {
  offset: number;
  parent: string;
  full: boolean;
}

const encodeToken = (token: PageToken) => Buffer.from(JSON.stringify(token)).toString('base64url');

/** Only a token this server issued for the same list call (same parent and view) is accepted. */
function decodeToken(text: string, parent: string, full: boolean): number {
  let token: Partial<PageToken> | undefined;
  try {
    token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<PageToken>;
  } catch {
    token = undefined;
  }
  if (
    !token ||
    !Number.isInteger(token.offset) ||
    (token.offset as number) < 0 ||
    token.parent !== parent ||
    token.full !== full
  ) {
    throw invalid(`Invalid page token ${JSON.stringify(text.slice(0, 100))}`);
  }
  return token.offset as number;
}

/**
 * `pageSize`: a non-negative int32; 0 or absent means 100; above the view's maximum (1000 BASIC, 100
 * FULL) it is coerced down (https://cloud.google.com/workflows/docs/reference/executions/rest/v1/projects.locations.workflows.executions/list).
 * A negative or non-integer value is refused (the page is silent on it; the stricter reading).
 */
function pageSize(value: string | undefined, full: boolean): number {
  if (value === undefined || value === '') return 100;
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2 ** 31 - 1) {
    throw invalid(`Invalid value at 'page_size' (TYPE_INT32), "${value}": expected a non-negative integer`);
  }
  return Math.min(Number(value) || 100, full ? 100 : 1000);
}

/**
 * One page of `executions.list` for a workflow, newest first, with `nextPageToken` when more follow; the
 * `view`, `pageSize` and `pageToken` query parameters as the REST reference gives them.
 * https://cloud.google.com/workflows/docs/reference/executions/rest/v1/projects.locations.workflows.executions/list
 * @throws HttpFailure 400 for a bad view, page size or page token.
 */
export function listPage(
  history: ExecutionHistory,
  live: Map<string, Live>,
  parent: string,
  params: Map<string, string>,
): Record<string, unknown> {
  const full = isFullView(params.get('view'), false);
  const size = pageSize(params.get('pageSize'), full);
  const tokenText = params.get('pageToken');
  const offset = tokenText ? decodeToken(tokenText, parent, full) : 0;
  const all = history.ofWorkflow(parent);
  const page = all.slice(offset, offset + size);
  const out: Record<string, unknown> = {
    executions: page.map((r) => toResource(r, live.get(r.name), full)),
  };
  if (offset + size < all.length) out.nextPageToken = encodeToken({ offset: offset + size, parent, full });
  return out;
}
