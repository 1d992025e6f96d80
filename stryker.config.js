// MUTATE_TESTS=test/a.test.ts,test/b.test.ts limits a run to those tests: quicker, and a lower bound.
const focus = (process.env.MUTATE_TESTS ?? '').split(',').filter((file) => file !== '');

/**
 * Mutation testing of the modules that make the pipeline's decisions: `npm run mutate` (never part of
 * `npm test` or CI). Incremental: a run re-tests only mutants whose code or covering tests changed since
 * the last run (reports/stryker-incremental.json); `npm run mutate -- --force` starts over.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
module.exports = {
  testRunner: 'jest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // The machine this runs on is shared: two workers at most.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  timeoutMS: 20000,
  mutate: [
    // Report escaping.
    'cli/report/escape.ts',
    // Content keys.
    'bigquery/pipeline-keys.ts',
    'bigquery/fingerprint.ts',
    // Retry rules: the row status that may be generated again.
    'bigquery/generate-text.ts',
    // The emulator's classification metrics and model-call accounting.
    'bigquery/classification-metrics.ts',
    'emulator/bigquery/metrics.ts',
    'emulator/bigquery/table-functions.ts',
    // Registry.
    'bigquery/registry.ts',
    // Data checks and gate SQL.
    'bigquery/data-checks.ts',
    'bigquery/label-regressions.ts',
    // The pipeline definition: retry predicate, content keys, data checks, gate, deploy.
    'workflows/pipelines/tune-and-evaluate/*.ts',
  ],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // Tests reach the pipeline definition through the in-process compile of the jest setup, which jest's
    // related-tests search cannot see; coverage analysis picks the tests for each mutant instead.
    enableFindRelatedTests: false,
    config: {
      ...(focus.length > 0 ? { testMatch: focus.map((file) => `<rootDir>/${file}`) } : {}),
      testPathIgnorePatterns: [
        '/node_modules/',
        // In the mutation runs, as after `bqtune compile`, the committed YAML follows the definition; this
        // test would otherwise kill every mutant of the definition without testing what it decides.
        '<rootDir>/test/workflows/committed-yaml.test.ts',
        // These run the built CLI in a child process (the unmutated build/), or test the Pulumi program and
        // policies, none of which is mutated.
        '<rootDir>/test/cli/help.test.ts',
        '<rootDir>/test/cli/commands-help.test.ts',
        '<rootDir>/test/cli/run-command.test.ts',
        '<rootDir>/test/cli/trigger.test.ts',
        '<rootDir>/test/cli/report/report-chromium.test.ts',
        '<rootDir>/test/emulator/workflows/',
        '<rootDir>/test/infra/(dev|prod)-stack.test.ts',
        '<rootDir>/test/infra/stack-config.test.ts',
        '<rootDir>/test/policy/',
        '<rootDir>/test/schemas/generate-types.test.ts',
      ],
    },
  },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['build', 'coverage', '.bqtune', 'examples/medical-specialty/data'],
  cleanTempDir: true,
};
