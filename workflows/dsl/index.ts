export { Expr, builtin, dbl, fn, isIdentifier, lit, neg, not, tpl, toExpr, v } from './expr';
export type { SubworkflowCall, ValueInput } from './expr';
export {
  assign,
  branch,
  call,
  forIn,
  forRange,
  group,
  jump,
  parallel,
  parallelFor,
  raiseStep,
  returnStep,
  switchStep,
  tryStep,
  when,
} from './steps';
export type {
  AssignStep,
  AssignTarget,
  Backoff,
  Branch,
  CallOptions,
  CallStep,
  ConnectorParams,
  ExceptBlock,
  ForLoop,
  ForStep,
  JumpStep,
  JumpTarget,
  ParallelOptions,
  ParallelStep,
  RaiseStep,
  Retry,
  RetryConfig,
  ReturnStep,
  Step,
  StepsStep,
  SwitchCondition,
  SwitchStep,
  TryStep,
} from './steps';
export { subworkflow, workflow } from './workflow';
export type { Param, Subworkflow, Workflow } from './workflow';
export { BLOCKING_FUNCTIONS, BUILTIN_VALUES, EXPRESSION_HELPERS, PURE_FUNCTIONS } from './stdlib';
export type {
  BuiltinValue,
  ExpressionHelper,
  FunctionSignature,
  PureFunction,
  StdlibArgs,
  StdlibCallName,
} from './stdlib';
export {
  MAX_ASSIGNMENTS,
  MAX_BRANCHES,
  MAX_CONDITIONS,
  MAX_PARALLEL_DEPTH,
  MIN_BRANCHES,
  validateWorkflow,
} from './validate';
export type { Violation } from './validate';
export { MAX_SOURCE_BYTES, WorkflowValidationError, renderWorkflow } from './render';
