/* Generated from the JSON Schemas in this folder by `bqtune schemas`; do not edit by hand. */
/* Types describe validated values: options with a default are always present. */

/**
 * lowercase letters, digits and hyphens, starting with a letter, at most 63 characters (it names cloud resources)
 */
export type PipelineName = string;
/**
 * a label of 1 to 200 characters without control characters or leading/trailing spaces
 */
export type Label = string;
/**
 * a Cloud Storage URI gs://bucket/object (bucket naming rules; no quotes, backslashes, whitespace or control characters; at most one *)
 */
export type GcsUri = string;
/**
 * a Cloud Storage URI gs://bucket/object, or a local file path (relative paths are relative to the config file)
 */
export type DataLocation = string;
/**
 * a run id: a lowercase letter, then up to 62 lowercase letters, digits or underscores
 */
export type RunId = string;
/**
 * fail stops the run with a report of offending rows; warn records the finding and goes on.
 */
export type CheckAction = 'fail' | 'warn';
/**
 * The overall metric the gate compares, computed from the stored predictions. It must fit task.type: classification macro_f1, micro_f1, weighted_f1 or accuracy; text_generation rouge-l_f1 or bleu4_score; summarization rouge-l_f1, rouge-l_precision or rouge-l_recall; question_answering exact_match. Default: the first of these for the task, filled in by the validator.
 */
export type GateMetric =
  | 'macro_f1'
  | 'micro_f1'
  | 'weighted_f1'
  | 'accuracy'
  | 'rouge-l_f1'
  | 'bleu4_score'
  | 'rouge-l_precision'
  | 'rouge-l_recall'
  | 'exact_match';
export type Fraction = number;

/**
 * What the model is tuned for. classification is scored per label on a closed label set; text_generation, summarization and question_answering are scored on free text with the metrics ML.EVALUATE documents for the task (bigquery/task-types.ts).
 */
export interface Task {
  /**
   * classification: per-label precision/recall/F1 and the gate metrics macro_f1, micro_f1, weighted_f1, accuracy; text_generation: bleu4_score and ROUGE-L (gate: rouge-l_f1 or bleu4_score); summarization: ROUGE-L (gate: rouge-l_f1, rouge-l_precision or rouge-l_recall); question_answering: exact_match.
   */
  type: 'classification' | 'text_generation' | 'summarization' | 'question_answering';
  /**
   * The closed set of labels (output_text values), spelled as the model should answer. Required for classification, refused for the other task types.
   *
   * @minItems 2
   * @maxItems 200
   */
  labels?: Label[];
  promptTemplate: PromptTemplate;
}
/**
 * The prompt sent for one example: prefix + input_text + suffix.
 */
export interface PromptTemplate {
  /**
   * Text before the input.
   */
  prefix: string;
  /**
   * Text after the input.
   */
  suffix: string;
}
export interface ModelSettings {
  /**
   * a Vertex AI model name from the model catalog (bigquery/model-catalog.ts) or https:// endpoint URL without quotes or spaces
   */
  baseEndpoint: string;
  tuning: TuningOptions;
  generation: GenerationOptions;
  retries: RetryOptions;
}
/**
 * CREATE MODEL options of the supervised (LoRA) tuning job.
 */
export interface TuningOptions {
  /**
   * MAX_ITERATIONS; BigQuery converts it to whole epochs over the training rows.
   */
  maxIterations: number;
  /**
   * LEARNING_RATE_MULTIPLIER applied to Vertex AI's recommended learning rate.
   */
  learningRateMultiplier: number;
  /**
   * DATA_SPLIT_METHOD. NO_SPLIT by default: the pipeline evaluates on its own eval set. CUSTOM and SEQ are not offered: they split on a column of the training query, and the tuning query selects only the prompt and label columns.
   */
  dataSplitMethod: 'AUTO_SPLIT' | 'RANDOM' | 'NO_SPLIT';
  /**
   * DATA_SPLIT_EVAL_FRACTION, used with RANDOM (BigQuery keeps two decimals).
   */
  dataSplitEvalFraction?: number;
  /**
   * EVALUATION_TASK of the tuning job. Default: the task type's (CLASSIFICATION, TEXT_GENERATION, SUMMARIZATION or QUESTION_ANSWERING), filled in by the validator.
   */
  evaluationTask?:
    'TEXT_GENERATION' | 'CLASSIFICATION' | 'SUMMARIZATION' | 'QUESTION_ANSWERING' | 'UNSPECIFIED';
}
/**
 * Options of the batch generation pass over the eval set.
 */
export interface GenerationOptions {
  /**
   * AI.GENERATE_TEXT is Google's preferred replacement for ML.GENERATE_TEXT.
   */
  function: 'AI.GENERATE_TEXT' | 'ML.GENERATE_TEXT';
  maxOutputTokens: number;
  /**
   * 0 keeps evaluation as repeatable as the model allows.
   */
  temperature: number;
  topP: number;
}
export interface RetryOptions {
  /**
   * Generation passes in total; later passes only retry rows whose status says retryable.
   */
  maxPasses: number;
}
/**
 * Checks on the loaded train and eval sets, before anything costs money.
 */
export interface DataChecks {
  /**
   * At least 10: BigQuery ML refuses to tune on fewer.
   */
  minTrainRows: number;
  minEvalRows: number;
  emptyInputs: CheckAction;
  missingOutputs: CheckAction;
  unknownLabels: CheckAction;
  duplicates: CheckAction;
  leakage: CheckAction;
  conflictingLabels: CheckAction;
}
/**
 * When a tuned model may become champion.
 */
export interface GateOptions {
  metric?: GateMetric;
  /**
   * Absolute gain on the metric required over the base model.
   */
  minImprovementOverBaseline: number;
  /**
   * Absolute gain on the metric required over the current champion, if any.
   */
  minImprovementOverChampion: number;
  /**
   * Largest per-label F1 drop against the baseline or the champion that is still accepted (classification only).
   */
  maxLabelRegression: number;
  /**
   * Eval rows a label needs before its F1 drop can reject a run (smaller labels are too noisy to decide alone).
   */
  minLabelSupport: number;
  /**
   * Share of eval rows that must have been generated successfully, for each model.
   */
  minSuccessRate: number;
  /**
   * Do not promote a tuned model whose base model retires (its Vertex AI retirement date in the model catalog) in fewer than this many days: a tuned model stops serving with its base. Omit to skip the rule.
   */
  minServingDays?: number;
}
export interface DeployOptions {
  /**
   * an identifier: a letter, then up to 63 letters, digits or underscores
   */
  servingName: string;
}
/**
 * One tuning task, as its author writes it (JSON or YAML). Omitted options take the defaults shown here.
 */
export interface PipelineConfig {
  /**
   * Lets editors find this schema.
   */
  $schema?: string;
  name: PipelineName;
  description?: string;
  task: Task;
  data: DataFiles;
  model: ModelSettings;
  checks: DataChecks;
  gate: GateOptions;
  deploy: DeployOptions;
}
/**
 * Newline-delimited JSON files of {input_text, output_text} rows.
 */
export interface DataFiles {
  train: DataLocation;
  eval: DataLocation;
}
/**
 * What one workflow execution receives: the pipeline config with its data in Cloud Storage, plus where to run.
 */
export interface RunArguments {
  runId: RunId;
  /**
   * a Google Cloud project id: 6 to 30 lowercase letters, digits or hyphens, starting with a letter, not ending with a hyphen
   */
  project: string;
  /**
   * a BigQuery location: US, EU or a region such as us-central1
   */
  location: string;
  /**
   * a BigQuery dataset id: 1 to 1024 letters, digits or underscores
   */
  dataset: string;
  /**
   * a Cloud resource connection as project.location.connection_id
   */
  connection: string;
  name: PipelineName;
  description?: string;
  task: Task;
  data: DataUris;
  model: ModelSettings;
  checks: DataChecks;
  gate: GateOptions;
  deploy: DeployOptions;
}
/**
 * Newline-delimited JSON files of {input_text, output_text} rows, already in Cloud Storage.
 */
export interface DataUris {
  train: GcsUri;
  eval: GcsUri;
}
/**
 * What one batch-predict execution receives: the serving name whose champion answers, the rows to answer, and where to run (project, location and dataset default to the deployment's environment).
 */
export interface BatchPredictArguments {
  runId?: RunId;
  /**
   * a Google Cloud project id: 6 to 30 lowercase letters, digits or hyphens, starting with a letter, not ending with a hyphen
   */
  project?: string;
  /**
   * a BigQuery location: US, EU or a region such as us-central1
   */
  location?: string;
  /**
   * the pipeline dataset: 1 to 1024 letters, digits or underscores
   */
  dataset?: string;
  /**
   * an identifier: a letter, then up to 63 letters, digits or underscores
   */
  servingName: string;
  source: PredictionSource;
  /**
   * the source table's key column (files always use id): a letter or underscore, then up to 299 letters, digits or underscores
   */
  keyColumn: string;
  /**
   * the source table's text column (files always use input_text)
   */
  inputColumn: string;
  drift?: DriftOptions;
  retries?: PredictRetries;
}
/**
 * Either newline-delimited JSON files of {id, input_text} rows in Cloud Storage, or a BigQuery table read by keyColumn and inputColumn.
 */
export interface PredictionSource {
  uri?: GcsUri;
  /**
   * a table as project.dataset.table
   */
  table?: string;
}
export interface DriftOptions {
  /**
   * Warn when the population stability index of the new predictions against the champion's evaluation predictions exceeds this. 0.1 is often read as a small shift and 0.25 as a large one.
   */
  warnPsi: number;
  /**
   * Warn only when the run has at least this many successful predictions: PSI grows on small samples, so a few dozen rows say little.
   */
  minRows: number;
}
export interface PredictRetries {
  /**
   * Generation passes at most: the first, then one per retry of rows whose status is retryable.
   */
  maxPasses: number;
}
/**
 * One line of a train or eval JSONL file, the walkthrough's shape. Other fields are allowed: the files are loaded with ignore_unknown_values, so ids, notes or a DATA_SPLIT_COL column can live beside the two used here.
 */
export interface ExampleRow {
  /**
   * The text the prompt template wraps.
   */
  input_text: string;
  /**
   * The expected answer: for classification, one of the labels.
   */
  output_text: string;
  [k: string]: unknown | undefined;
}
/**
 * One row of the evaluations table: a metric of one model in one run, overall, for one label, or one confusion-matrix cell.
 */
export interface EvaluationRecord {
  run_id: RunId;
  model_role: 'baseline' | 'tuned' | 'champion';
  model_name: string;
  scope: 'overall' | 'label' | 'confusion';
  /**
   * Expected label; set for the label and confusion scopes only.
   */
  label: string | null;
  /**
   * Predicted label of a confusion cell; null when the output matched no label.
   */
  predicted_label: string | null;
  /**
   * Classification metrics by label and overall, the confusion cell count, and the ML.EVALUATE metrics of the other task types.
   */
  metric:
    | 'precision'
    | 'recall'
    | 'f1'
    | 'support'
    | 'accuracy'
    | 'macro_precision'
    | 'macro_recall'
    | 'macro_f1'
    | 'micro_f1'
    | 'weighted_f1'
    | 'success_share'
    | 'num_successful_rows'
    | 'num_rows'
    | 'count'
    | 'bleu4_score'
    | 'rouge-l_precision'
    | 'rouge-l_recall'
    | 'rouge-l_f1'
    | 'exact_match';
  value: number;
  created_at: string;
}
export interface ModelEvaluation {
  model: string;
  /**
   * Every overall metric of the model on this run's eval rows, by the name the evaluations table stores it under: for classification accuracy, macro_precision, macro_recall, macro_f1, micro_f1, weighted_f1, invalid_answers; for the text tasks the ML.EVALUATE names (bleu4_score, rouge-l_precision, rouge-l_recall, rouge-l_f1, exact_match); for all success_share, num_rows, num_successful_rows. The gate compares metrics[gate.metric]. Absent in summaries written before there were task types other than classification.
   */
  metrics?: {
    [k: string]: number | undefined;
  };
  macroF1?: Fraction;
  microF1?: Fraction;
  weightedF1?: Fraction;
  accuracy?: Fraction;
  successRate: Fraction;
  /**
   * Succeeded rows whose answer is outside the label set (each counts as wrong).
   */
  invalidAnswers?: number;
  /**
   * Rows whose generation failed after every retry (each counts as wrong).
   */
  failedRows?: number;
  /**
   * Metrics of each label of the task.
   */
  perLabel: {
    [k: string]: LabelMetrics | undefined;
  };
}
export interface LabelMetrics {
  precision: Fraction;
  recall: Fraction;
  f1: Fraction;
  /**
   * Eval rows with this expected label.
   */
  support: number;
}
export interface DataCheckFinding {
  /**
   * The checks option that governs the finding.
   */
  check:
    | 'minTrainRows'
    | 'minEvalRows'
    | 'emptyInputs'
    | 'missingOutputs'
    | 'unknownLabels'
    | 'duplicates'
    | 'leakage'
    | 'conflictingLabels';
  /**
   * The data check that found it.
   */
  kind?:
    | 'row_count'
    | 'empty_inputs'
    | 'missing_outputs'
    | 'unknown_labels'
    | 'duplicates'
    | 'leakage'
    | 'conflicting_labels';
  split: 'train' | 'eval' | 'both';
  severity: CheckAction;
  /**
   * Offending rows or distinct texts, see unit.
   */
  count: number;
  /**
   * What count counts.
   */
  unit?: 'rows' | 'texts';
  message: string;
  /**
   * A few offending entries, with the lines of the user's files they come from.
   */
  examples?: (FindingExample | string)[];
}
export interface FindingExample {
  /**
   * The input text, cut to 80 characters.
   */
  text: string;
  /**
   * Hex SHA-256 of the normalised input text.
   */
  key?: string;
  /**
   * True when the finding is about this row's own output_text, given in label.
   */
  with_label?: boolean;
  /**
   * The row's output_text, when the finding is about it.
   */
  label?: string | null;
  /**
   * The labels that clash, for conflicting labels.
   */
  labels?: string[] | null;
  /**
   * Where the offending rows are: the user's file and 1-based line.
   */
  lines?: {
    file: string;
    line: number;
  }[];
}
/**
 * summary.json of one run: what was evaluated, what the gate decided, and what was deployed.
 */
export interface RunSummary {
  runId: RunId;
  /**
   * succeeded: the tuned model was deployed; rejected: the gate said no; failed: a step failed.
   */
  status: 'succeeded' | 'rejected' | 'failed';
  startedAt: string;
  finishedAt: string;
  /**
   * classification: per-label precision/recall/F1 and the gate metrics macro_f1, micro_f1, weighted_f1, accuracy; text_generation: bleu4_score and ROUGE-L (gate: rouge-l_f1 or bleu4_score); summarization: ROUGE-L (gate: rouge-l_f1, rouge-l_precision or rouge-l_recall); question_answering: exact_match.
   */
  task?: 'classification' | 'text_generation' | 'summarization' | 'question_answering';
  baseline?: ModelEvaluation;
  tuned?: ModelEvaluation;
  championEvaluation?: ModelEvaluation;
  tuning?: TuningOutcome;
  gate?: GateDecision;
  deployed: boolean;
  champion?: ChampionChange;
  /**
   * Set when the promotion landed but the serving name's table function still serves the previous champion: why it was not replaced. `bqtune champion NAME --switch-function`, a rollback or a batch-predict run replaces it.
   */
  servingFunctionError?: string;
  /**
   * Remote model calls the run made, retries included.
   */
  modelInvocations: number;
  dataChecks: DataCheckFinding[];
  /**
   * What validation found suspicious but allowed, such as a prompt label list that differs from task.labels.
   */
  warnings?: string[];
  error?: RunError;
}
export interface TuningOutcome {
  /**
   * Content-addressed name of the tuned model.
   */
  model: string;
  /**
   * True when a previous run had already tuned this model.
   */
  reused: boolean;
}
export interface GateDecision {
  passed: boolean;
  metric: GateMetric;
  /**
   * Every rule checked, passed or not.
   */
  reasons: string[];
}
/**
 * What the serving name resolved to before and after the run; null when it had no champion.
 */
export interface ChampionChange {
  before: string | null;
  after: string | null;
}
/**
 * Why a failed run failed.
 */
export interface RunError {
  message: string;
  /**
   * Workflow step that raised the error.
   */
  step?: string;
}
/**
 * Settings of one Pulumi stack of bqtune (the `bqtune:` namespace of Pulumi.<stack>.yaml). The GCP project comes from `gcp:project`.
 */
export interface StackConfig {
  /**
   * dev stacks are disposable; prod data is deletion-protected.
   */
  environment: 'dev' | 'prod';
  /**
   * BigQuery location of the dataset, the connection and every job: a multi-region (US, EU) or a region.
   */
  location: string;
  /**
   * Region of the workflow and the Cloud Scheduler job (the bucket follows location; the Eventarc trigger is global).
   */
  region: string;
  /**
   * Prefix of every resource name; service account ids are built from it, hence the short limit.
   */
  namePrefix: string;
  /**
   * Dataset holding the examples, predictions, evaluations, runs and the model registry.
   */
  datasetId: string;
  /**
   * Bucket for training and evaluation files: created by the stack, or an existing one.
   */
  bucket: {
    create: boolean;
    /**
     * Bucket name; required when create is false, derived from the project when omitted.
     */
    name?: string;
  };
  /**
   * Vertex AI endpoint of the baseline remote model (and the default tuning base of triggered runs); omit it to use the model catalog's default base model.
   */
  baseEndpoint?: string;
  /**
   * Days before a base model's retirement date (model catalog) from which pulumi preview warns; default 90.
   */
  retirementWarningDays?: number;
  /**
   * Days a partition of predictions, evaluations and runs is kept; omit to keep history for ever.
   */
  retentionDays?: number;
  workflow: {
    callLogLevel: 'LOG_ALL_CALLS' | 'LOG_ERRORS_ONLY' | 'LOG_NONE';
    executionHistoryLevel: 'EXECUTION_HISTORY_BASIC' | 'EXECUTION_HISTORY_DETAILED';
  };
  /**
   * Start the pipeline on a cron schedule with these run arguments.
   */
  schedule?: {
    /**
     * unix-cron expression of five fields.
     */
    cron: string;
    /**
     * tz database name, e.g. Etc/UTC or Europe/Paris.
     */
    timeZone: string;
    /**
     * Training and evaluation files of triggered runs, as object names in the stack's data bucket (one * wildcard at most); the stack turns them into gs:// URIs of its own bucket.
     */
    data: {
      train: string;
      eval: string;
    };
    /**
     * Arguments of each scheduled run, as `bqtune run` would pass them, without data (from `data`) and where to run (from the stack); model.baseEndpoint defaults to the stack's baseEndpoint.
     */
    runArguments: {
      [k: string]: unknown | undefined;
    };
  };
  /**
   * Start the pipeline when an object is written under this prefix of the data bucket.
   */
  eventTrigger?: {
    /**
     * Object name prefix, a folder path ending with a slash, e.g. training/.
     */
    prefix: string;
    /**
     * The trigger filters uploads by path through Cloud Storage Data Access (DATA_WRITE) audit logs. enable-for-storage: the stack owns the project's Cloud Storage audit configuration (it replaces any other, and destroying the stack removes it). already-enabled: you turned those logs on yourself and the stack leaves the configuration alone.
     */
    auditLogs: 'enable-for-storage' | 'already-enabled';
    /**
     * Training and evaluation files of triggered runs, as object names in the stack's data bucket (one * wildcard at most); the stack turns them into gs:// URIs of its own bucket.
     */
    data: {
      train: string;
      eval: string;
    };
    /**
     * Arguments of each event-started run (the execution itself receives the storage event), without data (from `data`) and where to run; the workflow reads them from BQTUNE_RUN_ARGUMENTS, so their JSON must fit in 4 KiB.
     */
    runArguments: {
      [k: string]: unknown | undefined;
    };
  };
  /**
   * Labels added to every labelled resource, next to environment and app.
   */
  labels?: {
    [k: string]: string | undefined;
  };
  predict?: PredictSettings;
}
/**
 * The batch-predict workflow: which datasets it may read source tables from, and an optional schedule.
 */
export interface PredictSettings {
  /**
   * Datasets whose tables batch-predict may read as sources, as dataset ids of the stack's project or project.dataset; batch-predict gets BigQuery Data Viewer on each. Files in the data bucket need nothing here.
   */
  sourceDatasets?: string[];
  /**
   * Start batch-predict on a cron schedule with these arguments.
   */
  schedule?: {
    /**
     * unix-cron expression of five fields.
     */
    cron: string;
    /**
     * tz database name, e.g. Etc/UTC or Europe/Paris.
     */
    timeZone: string;
    /**
     * Arguments of each scheduled batch-predict run. project, location and dataset come from the stack; a source.table given as dataset.table is in the stack's project.
     */
    arguments: {
      [k: string]: unknown | undefined;
    };
  };
}
