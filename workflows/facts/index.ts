export { Tag, type ErrorTag } from './error-tags';
export { CALL_DEFAULTS } from './call-defaults';
export { LIMITS } from './limits';
export {
  FUNCTIONS,
  NAMED_VALUES,
  STDLIB_MODULES,
  functionFact,
  type FunctionFact,
  type FunctionKind,
  type FunctionName,
  type NamedValue,
  type ResultType,
} from './stdlib';
