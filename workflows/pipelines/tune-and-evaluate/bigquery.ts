import {
  assign,
  call,
  fn,
  forIn,
  forRange,
  lit,
  raiseStep,
  returnStep,
  subworkflow,
  switchStep,
  tpl,
  tryStep,
  v,
  when,
  type ConnectorParams,
  type Expr,
  type Step,
  type ValueInput,
} from '../../dsl';
import { sharedContext } from './context';
import type { QueryParameter, Sql } from '../../../bigquery';
import type { PlaceholderValues, Statement } from '../placeholders';
import { contextValues } from './placeholders';
import { Tag } from '../../facts/error-tags';
import { PipelineTag } from '../error-tags';

/** BigQuery error reasons and HTTP codes worth retrying: rate limits, backend errors and 5xx. */
const transientReasons =
  'rateLimitExceeded|backendError|internalError|jobBackendError|jobInternalError|concurrent update against table';
const transientCodes = [429, 500, 502, 503, 504];
/**
 * Right after provisioning, grants to the connection's service account take minutes to apply, and BigQuery
 * reports the endpoint as not permitted; the same statement succeeds once IAM has propagated.
 */
const iamPropagation = '(?i)(does not have the permission|permission denied|please grant|vertex ai user)';

/** Predicate of every BigQuery call's retry: transient failures and IAM propagation, nothing else. */
export const isRetryableError = subworkflow(
  'is_retryable_error',
  ['e'],
  [
    switchStep('not_a_map', [when(fn('get_type', v('e')).ne('map'), { return: false })]),
    assign('describe', {
      code: fn('default', fn('map.get', v('e'), 'code'), 0),
      tags: fn('default', fn('map.get', v('e'), 'tags'), []),
      error_text: fn('json.encode_to_string', v('e')),
    }),
    switchStep('classify', [
      when(lit(Tag.HttpError).in(v('tags')).and(v('code').in(transientCodes)), { return: true }),
      when(fn('text.match_regex', v('error_text'), transientReasons), { return: true }),
      when(fn('text.match_regex', v('error_text'), iamPropagation), { return: true }),
    ]),
    returnStep('permanent', false),
  ],
);

/**
 * Substitutes `{{name}}` placeholders with run-time values after checking each against its pattern, so a
 * value can never change the statement's structure (the patterns admit no quote, backtick or space).
 */
export const bindSql = subworkflow(
  'bind_sql',
  ['sql', 'placeholders', 'values', 'patterns'],
  [
    forIn('substitute', { value: 'name', in: v('placeholders') }, [
      assign('pick', {
        value: fn('map.get', v('values'), v('name')),
        pattern: v('patterns').at(v('name')),
      }),
      switchStep('check_type', [
        when(fn('get_type', v('value')).ne('string'), {
          raise: {
            tags: [Tag.ValueError],
            message: tpl`no text value for SQL placeholder ${v('name')}`,
          },
        }),
      ]),
      switchStep('check_pattern', [
        when(fn('text.match_regex', v('value'), v('pattern')).not(), {
          raise: {
            tags: [Tag.ValueError],
            message: tpl`${v('name')} = ${v('value')} does not match ${v('pattern')}`,
          },
        }),
      ]),
      assign('replace', {
        sql: fn('text.replace_all', v('sql'), tpl`{{${v('name')}}}`, v('value')),
      }),
    ]),
    returnStep('bound', v('sql')),
  ],
);

/**
 * Retries a request whose answer never arrived or was a transient refusal. The job id stays the same, so a
 * job that was created after all is answered `duplicate` instead of running again.
 */
export const isRequestRetryable = subworkflow(
  'is_request_retryable',
  ['e'],
  [
    switchStep('not_a_map', [when(fn('get_type', v('e')).ne('map'), { return: false })]),
    assign('read_error', {
      error_tags: fn('default', fn('map.get', v('e'), 'tags'), []),
      error_code: fn('default', fn('map.get', v('e'), 'code'), 0),
      error_text: fn('json.encode_to_string', v('e')),
    }),
    switchStep('request_level', [
      // The job ran and failed: retrying it needs a new job id (see run_query).
      when(lit(Tag.OperationError).in(v('error_tags')), { return: false }),
      when(
        lit(Tag.ConnectionError)
          .in(v('error_tags'))
          .or(lit(Tag.ConnectionFailedError).in(v('error_tags'))),
        {
          return: true,
        },
      ),
      when(lit(Tag.HttpError).in(v('error_tags')).and(v('error_code').in(transientCodes)), { return: true }),
      when(
        lit(Tag.HttpError)
          .in(v('error_tags'))
          .and(fn('text.match_regex', v('error_text'), transientReasons)),
        {
          return: true,
        },
      ),
    ]),
    returnStep('not_request_level', false),
  ],
);

const requestRetry = {
  predicate: isRequestRetryable,
  maxRetries: 8,
  backoff: { initialDelay: 5, maxDelay: 180, multiplier: 2 },
};

/** Attempts of one statement with a new job id each, after a job that ran and failed retryably. */
const maxJobAttempts = 8;

const jobLabels = {
  bqtune_run_id: sharedContext.run_id,
  // Tells this execution's jobs from another execution's that took the same job id (see wait_for_job).
  bqtune_execution: sharedContext.execution_token,
};

function insertCall(name: string, connectorParams: ConnectorParams): Step {
  return call(name, 'googleapis.bigquery.v2.jobs.insert', {
    args: {
      projectId: sharedContext.project,
      body: {
        jobReference: {
          projectId: sharedContext.project,
          jobId: v('job_id'),
          location: sharedContext.location,
        },
        configuration: {
          query: {
            query: v('query'),
            useLegacySql: false,
            parameterMode: 'NAMED',
            queryParameters: v('params'),
          },
          labels: jobLabels,
        },
      },
    },
    connectorParams,
    result: 'job',
  });
}

/**
 * After a `duplicate` (409) answer to jobs.insert: the job with that id exists. When this execution made it
 * (its answer was lost), polls jobs.get until it is DONE and returns it; a job of another execution under
 * the same id means the run id was claimed twice, which is refused.
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/get
 */
export const waitForJob = subworkflow(
  'wait_for_job',
  ['ctx', 'job_id', { max_wait: 86400 }],
  [
    assign('start_wait', { delay: 1, waited: 0 }),
    tryStep(
      'poll',
      [
        call('get_job', 'googleapis.bigquery.v2.jobs.get', {
          args: {
            projectId: sharedContext.project,
            jobId: v('job_id'),
            location: sharedContext.location,
          },
          result: 'job',
        }),
      ],
      { retry: requestRetry },
    ),
    switchStep('whose_job', [
      when(
        fn('map.get', v('job'), ['configuration', 'labels', 'bqtune_execution']).ne(
          sharedContext.execution_token,
        ),
        {
          raise: {
            tags: [Tag.ValueError, PipelineTag.RunIdInUseError],
            message: tpl`run id ${sharedContext.run_id} is already taken by another execution (job ${v('job_id')} is not this execution's): start the run with a new run id`,
          },
        },
      ),
    ]),
    switchStep('is_done', [when(v('job').get('status').get('state').eq('DONE'), { return: v('job') })]),
    switchStep('waited_too_long', [
      when(v('waited').ge(v('max_wait')), {
        raise: {
          tags: [Tag.TimeoutError],
          message: tpl`Timed out after ${v('waited')}s waiting for job ${v('job_id')}`,
        },
      }),
    ]),
    call('pause', 'sys.sleep', { args: { seconds: v('delay') } }),
    assign(
      'next_delay',
      {
        waited: v('waited').add(v('delay')),
        delay: fn('if', v('delay').mul(2).gt(60), 60, v('delay').mul(2)),
      },
      {
        next: 'poll',
      },
    ),
  ],
);

/**
 * Runs one statement as a BigQuery job and returns the finished Job resource. The connector polls until the
 * job is done; `long` statements (tuning) get a timeout sized for hours-long Vertex tuning jobs.
 *
 * Every jobs.insert carries a job id, `bqtune_<run id>_<step>_<invocation>_<attempt>` (letters, digits and
 * `_` only, far below 1,024 characters: https://cloud.google.com/bigquery/docs/reference/rest/v2/JobReference),
 * that stays the same while the request is retried, so a lost answer, a 5xx or a refused request never
 * runs the statement twice: a `duplicate` answer means the job exists, and it is waited on instead
 * (https://cloud.google.com/bigquery/docs/error-messages, `duplicate`). Only a job that ran and failed
 * retryably is submitted again, under the next attempt's id. `job_key` gives a fixed id instead (the run's
 * claim, `bqtune_<run id>_<job_key>`, then `..._<attempt>`): a failed first attempt still holds the bare
 * id, so another execution asking for it is refused all the same.
 */
export const runQuery = subworkflow(
  'run_query',
  ['ctx', 'statement', 'values', 'params', 'step', { long: false }, { job_key: null }],
  [
    call('bind', bindSql, {
      args: {
        sql: v('statement').get('text'),
        placeholders: v('statement').get('placeholders'),
        values: v('values'),
        patterns: sharedContext.patterns,
      },
      result: 'query',
    }),
    assign('job_identity', {
      invocation: fn('text.replace_all', fn('uuid.generate'), '-', ''),
      attempt: 1,
      delay: 5,
    }),
    assign('submit', {
      // A fixed key keeps its bare id for the first attempt: another execution always asks for that one.
      job_id: fn(
        'if',
        v('job_key').eq(null),
        tpl`bqtune_${sharedContext.run_id}_${v('step')}_${v('invocation')}_${fn('string', v('attempt'))}`,
        fn(
          'if',
          v('attempt').eq(1),
          tpl`bqtune_${sharedContext.run_id}_${fn('default', v('job_key'), '')}`,
          tpl`bqtune_${sharedContext.run_id}_${fn('default', v('job_key'), '')}_${fn('string', v('attempt'))}`,
        ),
      ),
      job: null,
      failure: null,
    }),
    tryStep(
      'insert',
      [
        switchStep('how_long', [
          when(v('long'), {
            steps: [
              insertCall('insert_long_job', {
                timeout: 86400,
                pollingPolicy: { initialDelay: 30, multiplier: 1.5, maxDelay: 600 },
              }),
            ],
          }),
          when(true, {
            steps: [
              insertCall('insert_job', {
                timeout: 3600,
                pollingPolicy: { initialDelay: 1, multiplier: 1.5, maxDelay: 30 },
              }),
            ],
          }),
        ]),
      ],
      { retry: requestRetry, except: { as: 'e', steps: [assign('keep_failure', { failure: v('e') })] } },
    ),
    switchStep('already_exists', [
      when(
        v('failure')
          .ne(null)
          .and(fn('default', fn('map.get', v('failure'), 'code'), 0).eq(409)),
        {
          steps: [
            call('wait_existing', waitForJob, {
              args: { ctx: v('ctx'), job_id: v('job_id') },
              result: 'job',
            }),
            assign('waited_for_it', { failure: null }),
            switchStep('existing_failed', [
              when(fn('map.get', v('job'), ['status', 'errorResult']).ne(null), {
                steps: [
                  assign('as_operation_error', {
                    failure: {
                      tags: [Tag.OperationError],
                      message: tpl`The job finished unsuccessfully: ${v('job').get('status').get('errorResult').get('reason')}: ${v('job').get('status').get('errorResult').get('message')}`,
                      operation: v('job'),
                    },
                  }),
                ],
              }),
            ]),
          ],
        },
      ),
    ]),
    switchStep('succeeded', [when(v('failure').eq(null), { return: v('job') })]),
    call('classify_failure', isRetryableError, { args: { e: v('failure') }, result: 'retryable' }),
    switchStep('submit_again', [
      when(
        v('retryable')
          .and(lit(Tag.OperationError).in(fn('default', fn('map.get', v('failure'), 'tags'), [])))
          .and(v('attempt').lt(maxJobAttempts)),
        { next: 'backoff' },
      ),
    ]),
    raiseStep('give_up', v('failure')),
    call('backoff', 'sys.sleep', { args: { seconds: v('delay') } }),
    assign(
      'next_attempt',
      { attempt: v('attempt').add(1), delay: fn('if', v('delay').mul(2).gt(180), 180, v('delay').mul(2)) },
      { next: 'submit' },
    ),
  ],
);

/** Rows per result page: small enough that a page of metrics or findings stays far below 512 KB. */
const pageSize = 100;

function resultsPage(name: string, withToken: boolean): Step {
  const job = v('job').get('jobReference');
  return call(name, 'googleapis.bigquery.v2.jobs.getQueryResults', {
    args: {
      projectId: job.get('projectId'),
      jobId: job.get('jobId'),
      location: job.get('location'),
      maxResults: pageSize,
      ...(withToken ? { pageToken: v('page_token') } : {}),
    },
    result: 'page',
  });
}

/** Reads every page of a finished query job's result as a list of maps keyed by column name (values are strings). */
export const readRows = subworkflow(
  'read_rows',
  ['ctx', 'job'],
  [
    assign('init', { rows: [], page_token: null }),
    tryStep(
      'fetch',
      [
        switchStep('which_page', [
          when(v('page_token').eq(null), { steps: [resultsPage('first_page', false)] }),
          when(true, { steps: [resultsPage('next_page', true)] }),
        ]),
      ],
      { retry: requestRetry },
    ),
    assign('columns', { fields: v('page').get('schema').get('fields') }),
    forIn('convert', { value: 'row', in: fn('default', fn('map.get', v('page'), 'rows'), []) }, [
      assign('start_record', { record: {} }),
      forRange('each_field', { value: 'i', range: [0, fn('len', v('fields')).sub(1)] }, [
        assign('put_field', [
          [v('record').at(v('fields').at(v('i')).get('name')), v('row').get('f').at(v('i')).get('v')],
        ]),
      ]),
      assign('append', { rows: fn('list.concat', v('rows'), v('record')) }),
    ]),
    assign('advance', { page_token: fn('default', fn('map.get', v('page'), 'pageToken'), '') }),
    switchStep('more', [when(v('page_token').ne(''), { next: 'fetch' })]),
    returnStep('all_rows', v('rows')),
  ],
);

export const bigquerySubworkflows = [
  isRetryableError,
  isRequestRetryable,
  bindSql,
  waitForJob,
  runQuery,
  readRows,
];

/**
 * The compiled statement as a workflow value: its text and the names of the placeholders to check and
 * substitute (their patterns live once in `ctx.patterns`, keeping the compiled source small).
 */
export function statementValue(sql: Sql): ValueInput {
  return { text: sql.text, placeholders: sql.placeholders.map((p) => p.name) };
}

/**
 * The statement's query parameters with run-time values, in the BigQuery REST shape. Every parameter the
 * statement declares must be given and nothing else, so a renamed parameter fails the compile, not a run.
 */
export function paramsValue(sql: Sql, values: Record<string, Expr | string>, where: string): ValueInput {
  const declared = new Map(sql.params.map((p) => [p.name, p]));
  for (const name of Object.keys(values)) {
    if (!declared.has(name)) throw new Error(`${where}: @${name} is not a parameter of this statement`);
  }
  return sql.params.map((p: QueryParameter) => {
    const value = values[p.name];
    if (value === undefined) throw new Error(`${where}: no value for @${p.name}`);
    const parameterValue: ValueInput = p.parameterType.type === 'ARRAY' ? { arrayValues: value } : { value };
    const parameterType = JSON.parse(JSON.stringify(p.parameterType)) as ValueInput;
    return { name: p.name, parameterType, parameterValue };
  });
}

/**
 * Query parameters built once and kept in a variable, for the statements of one subworkflow that declare
 * the same parameters with the same values: the list is written once in the compiled source instead of once
 * per statement. Made by storedParams; a statement whose parameters differ fails the compile.
 */
export interface StoredParams {
  /** The variable holding the list (assign `list` to it before the statements run). */
  readonly variable: string;
  readonly values: Readonly<Record<string, Expr | string>>;
  /** The parameters in the REST shape, for the assign step. */
  readonly list: ValueInput;
}

/** The parameters of `sql` with `values` (as paramsValue), to be stored in `variable` and shared. */
export function storedParams(
  variable: string,
  sql: Sql,
  values: Record<string, Expr | string>,
): StoredParams {
  return { variable, values, list: paramsValue(sql, values, variable) };
}

function isStored(params: RunOptions<string>['params']): params is StoredParams {
  return params !== undefined && 'variable' in params && 'list' in params;
}

export interface RunOptions<M extends string> {
  /**
   * The placeholder values the statement reads, where a step stored them; the runner's context values
   * (`ctx.values`) when left out.
   */
  values?: PlaceholderValues<M>;
  /** The statement's `@name` query parameters by name, or a list stored once for several statements; default none. */
  params?: Record<string, Expr | string> | StoredParams;
  /** Store the finished job in this variable; default `<name>_job`. */
  job?: string;
  /** Store the result rows in this variable (reads them after the job finishes); default: rows not read. */
  rows?: string;
  /** A tuning statement: waits with the timeout sized for hours-long Vertex tuning jobs; default false. */
  long?: boolean;
  /** A fixed job id suffix instead of a per-invocation one: the run's claim (see runQuery); default none. */
  jobKey?: string;
  /**
   * The name job ids carry (`bqtune_<run id>_<step>_...`) when it is not the step's own: a step run once per
   * item of a loop names the item, so each job still says what it ran.
   */
  step?: ValueInput;
}

/**
 * Values given where one statement runs: exactly its placeholders `K` that the values it reads leave
 * unbound (none: `with` is refused), sent as `map.merge(values, with)`.
 */
type PerCall<K extends string> = [K] extends [never]
  ? { with?: never }
  : { with: { readonly [P in K]: ValueInput } };

/** runStatement's options for a statement with placeholders N that reads values bound for M. */
type RunArguments<N extends string, M extends string> = [Exclude<N, M>] extends [never]
  ? [options?: RunOptions<M> & PerCall<never>]
  : [options: RunOptions<M> & PerCall<Exclude<N, M>>];

/**
 * A pipeline's `runStatement(name, statement, options)`: steps that run one statement (calling run_query),
 * optionally reading its rows. The statement's placeholders must all be bound by `options.values` (by
 * default `context`, the values the pipeline's context step stored) or given in `options.with`; a missing,
 * misspelt or superfluous name fails `tsc`, and the names are checked again when the pipeline compiles.
 */
export function statementRunner<C extends string>(context: PlaceholderValues<C>) {
  return function runStatement<N extends string, M extends string = C>(
    name: string,
    sql: Statement<N>,
    ...[options = {}]: RunArguments<N, M>
  ): Step[] {
    const base: { readonly names: readonly string[]; readonly expr: Expr } = options.values ?? context;
    const perCall: Record<string, ValueInput> = options.with ?? {};
    const bound = new Set([...base.names, ...Object.keys(perCall)]);
    const unbound = sql.placeholders.filter((p) => !bound.has(p.name)).map((p) => p.name);
    if (unbound.length > 0) throw new Error(`${name}: no value for {{${unbound.join('}}, {{')}}}`);
    const extra = Object.keys(perCall).filter((k) => !sql.placeholders.some((p) => p.name === k));
    if (extra.length > 0) throw new Error(`${name}: {{${extra.join('}}, {{')}}} not in this statement`);
    const job = options.job ?? `${name}_job`;
    const steps: Step[] = [
      call(name, runQuery, {
        args: {
          ctx: v('ctx'),
          statement: statementValue(sql),
          values: options.with === undefined ? base.expr : fn('map.merge', base.expr, options.with),
          params: paramsArgument(sql, options.params, name),
          step: options.step ?? name,
          ...(options.long ? { long: true } : {}),
          ...(options.jobKey ? { job_key: options.jobKey } : {}),
        },
        result: job,
      }),
    ];
    if (options.rows !== undefined) {
      steps.push(
        call(`${name}_rows`, readRows, { args: { ctx: v('ctx'), job: v(job) }, result: options.rows }),
      );
    }
    return steps;
  };
}

function paramsArgument(sql: Sql, params: RunOptions<string>['params'], name: string): ValueInput {
  if (!isStored(params)) return paramsValue(sql, params ?? {}, name);
  const own = paramsValue(sql, params.values as Record<string, Expr | string>, name);
  if (JSON.stringify(own) !== JSON.stringify(params.list))
    throw new Error(`${name}: its query parameters are not the ones stored in ${params.variable}`);
  return v(params.variable);
}

/** tune-and-evaluate's runStatement: statements read the run-wide values of its context by default. */
export const runStatement = statementRunner(contextValues);
