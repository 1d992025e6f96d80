// Identifiers, literals, placeholders and the statement type every builder returns.
export * from './identifiers';
export * from './literals';
export * from './placeholders';
export * from './sql';
export * from './sql-template';
export * from './normalize';

// The pipeline's tables and the keys that address their rows.
export * from './column-types';
export * from './tables';
export * from './fingerprint';
export * from './pipeline-keys';

// Loading and checking data.
export * from './table-expiration';
export * from './load-data';
export * from './data-checks';
export * from './prompts';

// Models: endpoints, tuning options, CREATE MODEL, generation.
export * from './endpoints';
export * from './model-catalog';
export * from './options';
export * from './create-model';
export * from './generate-text';
export * from './prediction-status';
export * from './token-count';

// Evaluation and the gate's inputs.
export * from './task-types';
export * from './evaluate';
export * from './classification-metrics';
export * from './text-metrics';
export * from './generation-metrics';
export * from './label-metrics';
export * from './label-regressions';
export * from './confusion-matrix';
export * from './metric-distribution';
export * from './changed-predictions';

// Runs and the champion registry.
export * from './runs';
export * from './run-history';
export * from './registry';
export * from './registry-history';
export * from './model-run-config';

// Serving: batch prediction with the champion, drift.
export * from './batch-predict';
export * from './serving-function';
