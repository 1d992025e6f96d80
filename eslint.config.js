const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

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
