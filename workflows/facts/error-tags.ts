/**
 * The error tags Google documents for Cloud Workflows (https://cloud.google.com/workflows/docs/reference/syntax/error-types),
 * declared once for the pipelines that raise and test them and for the interpreter that produces them. Code names
 * a tag through this table (`Tag.TypeError`), so a misspelt tag does not compile.
 */
export const Tag = {
  AuthError: 'AuthError',
  ConnectionError: 'ConnectionError',
  ConnectionFailedError: 'ConnectionFailedError',
  HttpError: 'HttpError',
  IndexError: 'IndexError',
  KeyError: 'KeyError',
  OperationError: 'OperationError',
  ParallelNestingError: 'ParallelNestingError',
  RecursionError: 'RecursionError',
  ResourceLimitError: 'ResourceLimitError',
  ResponseTypeError: 'ResponseTypeError',
  SystemError: 'SystemError',
  TimeoutError: 'TimeoutError',
  TypeError: 'TypeError',
  UnhandledBranchError: 'UnhandledBranchError',
  ValueError: 'ValueError',
  ZeroDivisionError: 'ZeroDivisionError',
} as const;

export type ErrorTag = (typeof Tag)[keyof typeof Tag];
