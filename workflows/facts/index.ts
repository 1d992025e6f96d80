export { Tag, type ErrorTag } from './error-tags';
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
