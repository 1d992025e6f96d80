const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/**
 * A declaration's doc comment is the one block right above it: TypeScript shows only the last of several, so
 * a second block above it (a module comment after the imports, a doc left behind by a moved symbol) documents
 * nothing. A file's own comment goes first in the file, before its imports.
 */
const oneDocPerDeclaration = {
  meta: {
    type: 'suggestion',
    schema: [],
    messages: {
      floating:
        'Two doc comments above one declaration: TypeScript shows only the last. Move a file comment to the top of the file, or merge the two.',
    },
  },
  create(context) {
    const source = context.sourceCode;
    const isDoc = (comment) => comment.type === 'Block' && comment.value.startsWith('*');
    const check = (node) => {
      const docs = source.getCommentsBefore(node).filter(isDoc);
      const first = docs[0];
      const atFileTop =
        first !== undefined && source.getTokenBefore(first, { includeComments: true }) === null;
      if (docs.length > (atFileTop ? 2 : 1))
        context.report({ loc: docs[atFileTop ? 1 : 0].loc, messageId: 'floating' });
    };
    return {
      'Program > *': check,
      'ClassBody > *': check,
      'TSInterfaceBody > *': check,
    };
  },
};

/** `no-restricted-syntax` entries refusing a one-letter name at each of the given selectors. */
const singleLetter = (selectors) =>
  selectors.map((selector) => ({
    selector: `${selector}[name=/^[A-Za-z]$/]`,
    message: 'Name it in a word: one-letter names are kept for loop counters and short callbacks.',
  }));

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/',
      'build/',
      'workflows/dist/',
      'coverage/',
      '.bqtune/',
      'reports/',
      '.stryker-tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { local: { rules: { 'one-doc-per-declaration': oneDocPerDeclaration } } },
    rules: { 'local/one-doc-per-declaration': 'error' },
  },
  {
    // A ceiling, not a target: the longest function outside the tests is 110 lines (classificationMetrics,
    // one SQL statement). Test files are exempt: a describe block is a list of cases, not a thread to follow.
    files: ['**/*.ts'],
    ignores: ['test/**'],
    rules: { 'max-lines-per-function': ['error', { max: 110, skipBlankLines: true, skipComments: true }] },
  },
  {
    // The emulator's types and fields are named in words (`kind`, `left`, `value`), never in letters: a reader
    // meets them in every file of the emulator. Loop counters and short callbacks are not covered.
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...singleLetter([
          'TSPropertySignature > Identifier.key',
          'PropertyDefinition > Identifier.key',
          'TSParameterProperty > Identifier.parameter',
        ]),
      ],
    },
  },
  {
    // In the Workflows interpreter, parameters of named functions and methods are words too.
    files: ['emulator/workflows/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...singleLetter([
          'TSPropertySignature > Identifier.key',
          'PropertyDefinition > Identifier.key',
          'TSParameterProperty > Identifier.parameter',
          'FunctionDeclaration > Identifier.params',
          'MethodDefinition > FunctionExpression > Identifier.params',
          'TSMethodSignature > Identifier.params',
        ]),
      ],
    },
  },
);
