const { PluginKind, declareValuePlugin } = require('@stryker-mutator/api/plugin');

/**
 * Mutants Stryker should not make because no test can tell them apart from the original (equivalent
 * mutants), each class with the reason it is equivalent. Named in stryker.config.js (`ignorers`).
 */

const keyName = (property) =>
  property.key.type === 'Identifier'
    ? property.key.name
    : property.key.type === 'StringLiteral'
      ? property.key.value
      : undefined;

const parameterDefault =
  'default value of a query parameter: every caller binds a value to each parameter a statement declares ' +
  '(paramsValue in the pipeline, parameterValues in cli/history/warehouse.ts refuse a statement otherwise), ' +
  'so this value is never sent';

/** `stringParam('name', <default>)`, `int64Param('name', <default>)`, `parameterValue: { value: <default> }`. */
function isParameterDefault(path) {
  const parent = path.parentPath;
  if (!parent) return false;
  if (parent.isCallExpression() && parent.node.arguments[1] === path.node) {
    const callee = parent.node.callee;
    return callee.type === 'Identifier' && (callee.name === 'stringParam' || callee.name === 'int64Param');
  }
  if (parent.isObjectProperty() && parent.node.value === path.node) {
    if (keyName(parent.node) === 'parameterValue') return true;
    const owner = parent.parentPath && parent.parentPath.parentPath;
    return (
      keyName(parent.node) === 'value' &&
      owner !== null &&
      owner !== undefined &&
      owner.isObjectProperty() &&
      keyName(owner.node) === 'parameterValue'
    );
  }
  return false;
}

module.exports.strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'equivalent-mutants', {
    shouldIgnore(path) {
      if (
        (path.isStringLiteral() || path.isNumericLiteral() || path.isObjectExpression()) &&
        isParameterDefault(path)
      )
        return parameterDefault;
      return undefined;
    },
  }),
];
