/**
 * The decision modules, each with the tests that decide its mutants: what `npm run mutate` mutates, and what
 * MUTATE_MODULE=<file> runs alone. Those tests are the quick ones (SQL run in the emulator, one subworkflow in
 * the interpreter); the full run uses every test, so its score for a module can only be higher.
 */
const modules = {
  // Report escaping.
  'cli/report/escape.ts': ['test/cli/report/escaping.test.ts'],
  // Content keys.
  'bigquery/sql-template.ts': ['test/bigquery/sql-template.test.ts', 'test/bigquery/sql-pieces.test.ts'],
  'bigquery/pipeline-keys.ts': ['test/bigquery/content-keys-sql.test.ts'],
  'bigquery/fingerprint.ts': ['test/bigquery/content-keys-sql.test.ts'],
  // Retry rules: the row status that may be generated again.
  'bigquery/generate-text.ts': [
    'test/bigquery/retryable-status.test.ts',
    'test/bigquery/generate-predictions.test.ts',
    'test/bigquery/builders.test.ts',
    'test/bigquery/generation-settings.test.ts',
  ],
  // Classification metrics in SQL and in the emulator, and the emulator's model-call accounting.
  'bigquery/classification-metrics.ts': ['test/bigquery/classification-metrics.test.ts'],
  'emulator/bigquery/metrics.ts': ['test/emulator/bigquery/metrics.test.ts'],
  // Free-text metrics: the per-row JavaScript against published values, its SQL in the emulator.
  'bigquery/text-metrics.ts': [
    'test/bigquery/text-metrics.test.ts',
    'test/bigquery/generation-metrics.test.ts',
  ],
  'bigquery/generation-metrics.ts': ['test/bigquery/generation-metrics.test.ts'],
  'emulator/bigquery/table-functions.ts': [
    'test/emulator/bigquery/table-function-calls.test.ts',
    'test/emulator/bigquery/generation-accounting.test.ts',
    'test/emulator/bigquery/generation-settings.test.ts',
    'test/emulator/bigquery/metrics.test.ts',
  ],
  // Registry.
  'bigquery/registry.ts': ['test/bigquery/registry-change.test.ts', 'test/bigquery/registry-latest.test.ts'],
  // Data checks and gate SQL.
  // The table of checks is read by the pipeline's judgement of the findings (their wording and severity).
  'bigquery/data-checks.ts': [
    'test/bigquery/data-checks-sql.test.ts',
    'test/workflows/pipelines/judge-data-checks.test.ts',
  ],
  'bigquery/label-regressions.ts': ['test/bigquery/label-regressions.test.ts'],
  // The pipeline definition: argument checks, data-check judgement, gate, retry predicates, deploy.
  'workflows/pipelines/tune-and-evaluate/validate.ts': ['test/workflows/pipelines/validation-rules.test.ts'],
  'workflows/pipelines/tune-and-evaluate/data.ts': ['test/workflows/pipelines/judge-data-checks.test.ts'],
  // The gate subworkflow alone, its retirement rule included (gate-retirement.test.ts runs whole pipelines).
  'workflows/pipelines/tune-and-evaluate/gate.ts': ['test/workflows/pipelines/gate.test.ts'],
  // Deploy and run records: their steps alone against the emulator's tables.
  'workflows/pipelines/tune-and-evaluate/deploy.ts': ['test/workflows/pipelines/deploy.test.ts'],
  'workflows/pipelines/tune-and-evaluate/record.ts': ['test/workflows/pipelines/record.test.ts'],
  'workflows/pipelines/tune-and-evaluate/evaluate.ts': ['test/workflows/pipelines/evaluate-model.test.ts'],
  'workflows/pipelines/tune-and-evaluate/bigquery.ts': [
    'test/workflows/pipelines/retry-predicates.test.ts',
    'test/workflows/pipelines/retry-rules.test.ts',
  ],
  // The rest of the definition runs only in whole pipeline runs.
  'workflows/pipelines/tune-and-evaluate/*.ts': [],
};

// MUTATE_MODULE=bigquery/registry.ts mutates that file alone, runs its tests from the table above, and keeps
// its own incremental results and sandbox, so runs of different modules do not disturb each other.
const only = process.env.MUTATE_MODULE;
if (only !== undefined && !(only in modules)) {
  throw new Error(`MUTATE_MODULE: ${only} is not one of\n  ${Object.keys(modules).join('\n  ')}`);
}
const slug = only === undefined ? undefined : only.replace(/\.ts$/, '').replace(/[^A-Za-z0-9]+/g, '-');

// MUTATE_TESTS=test/a.test.ts,test/b.test.ts limits a run to those tests: quicker, and a lower bound.
const focus = (process.env.MUTATE_TESTS ?? '').split(',').filter((file) => file !== '');
const tests = focus.length > 0 ? focus : only !== undefined && modules[only].length > 0 ? modules[only] : [];

/**
 * Mutation testing of the modules that make the pipeline's decisions: `npm run mutate` (never part of
 * `npm test` or CI), see docs/mutation-testing.md. Incremental: a run re-tests only mutants whose code or
 * covering tests changed since the last run; `npm run mutate -- --force` starts over. Prints a score table
 * with a row per file (killed, timeout, survived, no coverage) and each surviving mutant.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
module.exports = {
  testRunner: 'jest',
  // The type checker discards mutants that do not compile, but it re-checks much of the project for every
  // mutant and takes most of a run's time. A one-module run skips it (MUTATE_CHECK=1 keeps it): tests then
  // judge every mutant by what it does (ts-jest transpiles without type checks), so mutants the checker
  // would have set aside count as killed or survived instead.
  checkers: only === undefined || process.env.MUTATE_CHECK === '1' ? ['typescript'] : [],
  // A one-module run type-checks its mutants in the decision modules' folders and their tests only (and what
  // they import), not the Pulumi program and the CLI commands: far quicker on a busy machine.
  tsconfigFile: only === undefined ? 'tsconfig.json' : 'tsconfig.mutate.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // The machine this runs on is shared: two workers at most (`--concurrency 1` for one).
  concurrency: 2,
  incremental: true,
  incrementalFile:
    slug === undefined ? 'reports/stryker-incremental.json' : `reports/stryker-incremental-${slug}.json`,
  timeoutMS: 20000,
  mutate: only === undefined ? Object.keys(modules) : [only],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // Tests reach the pipeline definition through the in-process compile of the jest setup, which jest's
    // related-tests search cannot see; coverage analysis picks the tests for each mutant instead.
    enableFindRelatedTests: false,
    config: {
      ...(tests.length > 0 ? { testMatch: tests.map((file) => `<rootDir>/${file}`) } : {}),
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
  // Mutants no test can tell from the original, each class with its reason (stryker-equivalent-mutants.js).
  plugins: ['@stryker-mutator/*', './stryker-equivalent-mutants.js'],
  ignorers: ['equivalent-mutants'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${slug ?? 'all'}.html` },
  jsonReporter: { fileName: `reports/mutation/${slug ?? 'all'}.json` },
  // The score table per file, and each surviving or uncovered mutant; not the list of every test.
  clearTextReporter: {
    allowColor: false,
    logTests: false,
    reportTests: false,
    reportMutants: true,
    reportScoreTable: true,
  },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: slug === undefined ? '.stryker-tmp/all' : `.stryker-tmp/${slug}`,
  // Other runs' sandboxes and results are not part of the project.
  ignorePatterns: [
    'build',
    'coverage',
    '.bqtune',
    'examples/medical-specialty/data',
    '.stryker-tmp*',
    'reports',
  ],
  cleanTempDir: true,
};
