import {
  assign,
  call,
  fn,
  forIn,
  forRange,
  lit,
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
  type Value,
} from '../../dsl';
import type { QueryParameter, Sql } from '../../../bigquery';

/** BigQuery error reasons and HTTP codes worth retrying: rate limits, backend errors and 5xx. */
const transientReasons = 'rateLimitExceeded|backendError|internalError|jobBackendError|jobInternalError';
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
      when(lit('HttpError').in(v('tags')).and(v('code').in(transientCodes)), { return: true }),
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
            tags: ['ValueError'],
            message: tpl`no text value for SQL placeholder ${v('name')}`,
          },
        }),
      ]),
      switchStep('check_pattern', [
        when(fn('text.match_regex', v('value'), v('pattern')).not(), {
          raise: {
            tags: ['ValueError'],
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

const retry = {
  predicate: isRetryableError,
  maxRetries: 8,
  backoff: { initialDelay: 5, maxDelay: 180, multiplier: 2 },
};

const insertArgs = {
  projectId: v('ctx').get('project'),
  body: {
    jobReference: { projectId: v('ctx').get('project'), location: v('ctx').get('location') },
    configuration: {
      query: {
        query: v('query'),
        useLegacySql: false,
        parameterMode: 'NAMED',
        queryParameters: v('params'),
      },
      labels: { bqtune_run_id: v('ctx').get('run_id') },
    },
  },
};

/** Inserts the bound query as a job and waits for it, retrying transient and IAM-propagation failures. */
function submitJob(name: string, callName: string, connectorParams: ConnectorParams): Step {
  return tryStep(
    name,
    [
      call(callName, 'googleapis.bigquery.v2.jobs.insert', {
        args: insertArgs,
        connectorParams,
        result: 'job',
      }),
    ],
    { retry },
  );
}

/**
 * Runs one statement as a BigQuery job and returns the finished Job resource. The connector polls until the
 * job is done; `long` statements (tuning) get a timeout sized for hours-long Vertex tuning jobs.
 */
export const runQuery = subworkflow(
  'run_query',
  ['ctx', 'statement', 'values', 'params', { long: false }],
  [
    call('bind', bindSql, {
      args: {
        sql: v('statement').get('text'),
        placeholders: v('statement').get('placeholders'),
        values: v('values'),
        patterns: v('ctx').get('patterns'),
      },
      result: 'query',
    }),
    switchStep('how_long', [
      when(v('long'), {
        steps: [
          submitJob('submit_long', 'insert_long_job', {
            timeout: 86400,
            pollingPolicy: { initialDelay: 30, multiplier: 1.5, maxDelay: 600 },
          }),
          returnStep('long_done', v('job')),
        ],
      }),
    ]),
    submitJob('submit', 'insert_job', {
      timeout: 3600,
      pollingPolicy: { initialDelay: 1, multiplier: 1.5, maxDelay: 30 },
    }),
    returnStep('done', v('job')),
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
      { retry },
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

export const bigquerySubworkflows = [isRetryableError, bindSql, runQuery, readRows];

/**
 * The compiled statement as a workflow value: its text and the names of the placeholders to check and
 * substitute (their patterns live once in `ctx.patterns`, keeping the compiled source small).
 */
export function statementValue(sql: Sql): Value {
  return { text: sql.text, placeholders: sql.placeholders.map((p) => p.name) };
}

/**
 * The statement's query parameters with run-time values, in the BigQuery REST shape. Every parameter the
 * statement declares must be given and nothing else, so a renamed parameter fails the compile, not a run.
 */
export function paramsValue(sql: Sql, values: Record<string, Expr | string>, where: string): Value {
  const declared = new Map(sql.params.map((p) => [p.name, p]));
  for (const name of Object.keys(values)) {
    if (!declared.has(name)) throw new Error(`${where}: @${name} is not a parameter of this statement`);
  }
  return sql.params.map((p: QueryParameter) => {
    const value = values[p.name];
    if (value === undefined) throw new Error(`${where}: no value for @${p.name}`);
    const parameterValue: Value = p.parameterType.type === 'ARRAY' ? { arrayValues: value } : { value };
    const parameterType = JSON.parse(JSON.stringify(p.parameterType)) as Value;
    return { name: p.name, parameterType, parameterValue };
  });
}

export interface RunOptions {
  values?: Expr;
  params?: Record<string, Expr | string>;
  /** Store the finished job in this variable. */
  job?: string;
  /** Store the result rows in this variable (reads them after the job finishes). */
  rows?: string;
  long?: boolean;
}

/** Steps that run one statement, optionally reading its rows. */
export function runStatement(name: string, sql: Sql, options: RunOptions = {}): Step[] {
  const job = options.job ?? `${name}_job`;
  const steps: Step[] = [
    call(name, runQuery, {
      args: {
        ctx: v('ctx'),
        statement: statementValue(sql),
        values: options.values ?? v('ctx').get('values'),
        params: paramsValue(sql, options.params ?? {}, name),
        ...(options.long ? { long: true } : {}),
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
}
