/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  // Tests run the pipeline compiled from its TypeScript definition, not the committed YAML.
  setupFilesAfterEnv: ['<rootDir>/test/support/compile-in-process.ts'],
};
