import { DOUBLE, LIST, VARCHAR, listValue, type DuckDBResultReader, type Json } from '@duckdb/node-api';
import { alterStatement } from './alter-table';
import {
  emptyArgumentsBody,
  inlineTableFunctions,
  parseCreateTableFunction,
  type RoutineCatalog,
} from './routines';
import { Cursor } from './cursor';
import { BigQueryError, invalidQuery, notFound } from './errors';
import { unsupported } from './functions';
import { checkGoogleSql } from './grammar-checks';
import { readIfBlock } from './script-if';
import type { FaultInjector } from './faults';
import { isCreateFunction, JsUdfRegistry, parseCreateJsFunction, ScriptFunctions } from './js-udf';
import { loadData, parseLoadData } from './load-data';
import {
  createModel,
  parseCreateModel,
  type ConnectionRef,
  type ModelCatalog,
  type TrainingRun,
} from './models';
import {
  evaluationColumns,
  findTableFunctions,
  generateRows,
  generationColumns,
  readSettings,
  type GenerationStats,
  type OutputColumn,
  type TableFunctionCall,
} from './table-functions';
import {
  optionClauses,
  optionLists,
  readOptions,
  requireFuture,
  type EvaluateOption,
  type OptionValues,
} from './option-lists';
import { applyTableOptions, dropExpiredTables } from './table-options';
import { isOp, isWord, location, matchingClose, tokenize, type Token } from './tokenizer';
import {
  ConcurrencyControl,
  dmlTarget,
  mutatingTypes,
  transactionalTypes,
  transactionControl,
  type OpenTransaction,
} from './transactions';
import { quoteIdent } from './translate';
import { schemaField, type BoundValue, type SchemaField } from './values';
import { displayTable, tableName, type TableRef, type Warehouse } from './warehouse';

/**
 * What a statement (a script's last statement) reports, as a query job's statistics carry it: rows with
 * their schema for a query, affected rows for DML, the operation and target for DDL, the training run of a
 * CREATE MODEL and the generation counts of ML./AI. table functions.
 */
export interface StatementResult {
  statementType: string;
  schema?: SchemaField[];
  rows?: Json[][];
  numDmlAffectedRows?: number;
  ddlOperationPerformed?: string;
  ddlTargetTable?: TableRef;
  training?: TrainingRun;
  genAiFunctions: { functionName: string; numProcessedRows: number; numFailedRows: number }[];
}

export interface ExecutionContext {
  params: Map<string, BoundValue>;
  positional: BoundValue[];
  sleep(seconds: number): Promise<void>;
  now(): number;
}

/**
 * One statement's context: its parameters and its instant (epoch ms on the emulator's clock, read once when
 * the statement starts), which every CURRENT_TIMESTAMP/DATE/DATETIME/TIME in it reads and table
 * expirations are checked against: "The current timestamp value is set at the start of the query statement
 * that contains this function. All invocations ... within a query statement yield the same value."
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/timestamp_functions#current_timestamp)
 */
interface StatementContext extends ExecutionContext {
  instant: number;
}

export interface EngineOptions {
  warehouse: Warehouse;
  catalog: ModelCatalog;
  routines: RoutineCatalog;
  gcsDir: string;
  connections: ConnectionRef[];
  faults: FaultInjector;
  stats: GenerationStats;
  /**
   * The emulator's clock in epoch milliseconds: what table expirations are compared with and what
   * CURRENT_TIMESTAMP() and the other current-time functions read.
   */
  now(): number;
}

const rawToken = (sql: string, at: Token): Token => ({
  kind: 'raw',
  text: sql,
  value: sql,
  line: at.line,
  column: at.column,
});

function splitStatements(tokens: Token[]): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (isOp(t, '(')) depth++;
    else if (isOp(t, ')')) depth--;
    if (depth === 0 && isOp(t, ';')) {
      if (current.length > 0) statements.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length > 0) statements.push(current);
  return statements;
}

/**
 * The statement type a job is reported and its faults keyed by, read before it runs: its first statement's,
 * or for a script that opens with IF, that of the first statement the IF runs (the serving switch is
 * `IF ... THEN CREATE OR REPLACE TABLE FUNCTION ...; END IF`, and is still a CREATE_TABLE_FUNCTION job).
 * @throws BigQueryError `invalidQuery` for a malformed IF (see readIfBlock).
 */
export function leadingStatementType(tokens: Token[]): string {
  const statements = splitStatements(tokens);
  const block = statements.length > 0 ? readIfBlock(statements, 0) : undefined;
  return statementType(block?.body[0] ?? tokens);
}

/** The statement type BigQuery reports in `statistics.query.statementType`, read from the leading keywords. */
export function statementType(tokens: Token[]): string {
  const c = new Cursor(tokens);
  // A query may start with FROM (pipe syntax, https://cloud.google.com/bigquery/docs/pipe-syntax).
  if (c.acceptWord('WITH', 'SELECT', 'FROM') || isOp(c.peek(), '(')) return 'SELECT';
  if (c.acceptWord('LOAD')) return 'LOAD_DATA';
  if (c.acceptWord('INSERT', 'UPDATE', 'DELETE', 'MERGE', 'TRUNCATE'))
    return tokens[0].value.toUpperCase() === 'TRUNCATE' ? 'TRUNCATE_TABLE' : tokens[0].value.toUpperCase();
  const verb = c.acceptWord('CREATE')
    ? 'CREATE'
    : c.acceptWord('DROP')
      ? 'DROP'
      : c.acceptWord('ALTER')
        ? 'ALTER'
        : undefined;
  if (!verb) return 'UNKNOWN';
  if (c.acceptWord('OR')) c.expectWord('REPLACE');
  c.acceptWord('TEMP', 'TEMPORARY');
  const object = c.peek()?.value.toUpperCase() ?? '';
  if (object === 'TABLE' && isWord(c.peek(1), 'FUNCTION')) return `${verb}_TABLE_FUNCTION`;
  if (verb === 'CREATE' && object === 'TABLE') {
    let depth = 0;
    for (const t of tokens) {
      if (isOp(t, '(')) depth++;
      else if (isOp(t, ')')) depth--;
      else if (depth === 0 && isWord(t, 'AS')) return 'CREATE_TABLE_AS_SELECT';
    }
  }
  return `${verb}_${object}`;
}

/**
 * The statement runner of one emulator: runs GoogleSQL statements, BigQuery ML statements through their own
 * parsers and everything else translated to DuckDB, with ML./AI. table functions materialised first. A script
 * (statements separated by `;`) runs in order and reports its last statement, as a BigQuery script job's child
 * jobs would. Statements run one at a time on the warehouse's connection.
 */
export class Engine {
  private tempCounter = 0;
  /** The earliest table expiration not yet passed (epoch ms); -Infinity until the first scan. */
  private nextExpiration = -Infinity;
  private readonly concurrency: ConcurrencyControl;
  private readonly jsUdfs: JsUdfRegistry;
  /** Statements share one DuckDB connection (and LOAD DATA a transaction on it): they run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EngineOptions) {
    this.concurrency = new ConcurrencyControl(options.warehouse);
    this.jsUdfs = new JsUdfRegistry(options.warehouse.connection);
  }

  /**
   * Drops the tables whose expiration has passed, so that nothing after reads or lists them. The warehouse
   * file is this process's alone (DuckDB locks it), so the earliest expiration is known between scans: a
   * statement before it costs no look at the catalog.
   */
  dropExpired(): Promise<void> {
    return this.locked(async () => {
      const now = this.options.now();
      if (now < this.nextExpiration) return;
      this.nextExpiration = (await dropExpiredTables(this.options.warehouse.connection, now)).next;
    });
  }

  /** Notes an expiration just set, so the next scan is not skipped past it. */
  private expiresAt(options: OptionValues): void {
    if (typeof options.expirationMs === 'number')
      this.nextExpiration = Math.min(this.nextExpiration, options.expirationMs);
  }

  /**
   * Runs a statement or a script (statements separated by `;`, with BEGIN/COMMIT/ROLLBACK TRANSACTION). A
   * script reports statementType SCRIPT with its last statement's result and every statement's generation
   * counts; a transaction still open at its end is rolled back. Parameters come from `ctx`; tuning and
   * generation wait on its clock. https://cloud.google.com/bigquery/docs/transactions
   * @throws BigQueryError as BigQuery reports the failure (`invalidQuery`, `notFound`, ...), after rolling
   *   back an open transaction.
   */
  async execute(sql: string, ctx: ExecutionContext): Promise<StatementResult> {
    const statements = splitStatements(tokenize(sql));
    if (statements.length === 0) throw invalidQuery('Syntax error: Unexpected end of script');
    // An IF's statements replace it as it runs: whether this was a script is decided before.
    const script = statements.length > 1;
    await this.dropExpired();
    let last: StatementResult | undefined;
    const genAi: StatementResult['genAiFunctions'] = [];
    let tx: OpenTransaction | undefined;
    // Temporary functions live for this script: later statements call them by name.
    const functions = new ScriptFunctions(this.jsUdfs);
    try {
      for (let at = 0; at < statements.length; at++) {
        const ifBlock = readIfBlock(statements, at);
        if (ifBlock) {
          if (tx) throw invalidQuery('IF inside a transaction is not supported by the BigQuery emulator');
          // The statements run only when the condition is TRUE (FALSE and NULL skip them).
          // The condition is a statement of its own and reads its own instant.
          const holds = await this.conditionHolds(ifBlock.condition, { ...ctx, instant: this.options.now() });
          statements.splice(at, ifBlock.next - at, ...(holds ? ifBlock.body : []));
          at--;
          continue;
        }
        const statement = statements[at];
        if (!tx && isCreateFunction(statement)) {
          const definition = parseCreateJsFunction(statement);
          const done = await this.locked(async () => functions.declare(definition));
          last = { statementType: 'CREATE_FUNCTION', ddlOperationPerformed: done, genAiFunctions: [] };
          continue;
        }
        const tokens = functions.rewrite(statement);
        const sctx: StatementContext = { ...ctx, instant: this.options.now() };
        const control = transactionControl(tokens);
        if (control === 'BEGIN') {
          if (tx) throw invalidQuery('Nested transactions are not supported: a transaction is already open');
          tx = await this.locked(() => this.concurrency.begin());
          continue;
        }
        if (control) {
          if (!tx) throw invalidQuery(`${control} TRANSACTION without an open transaction`);
          const open = tx;
          tx = undefined;
          await this.locked(() =>
            control === 'COMMIT' ? this.concurrency.commit(open) : this.concurrency.rollback(open),
          );
          continue;
        }
        last = tx ? await this.inTransaction(tx, tokens, sctx) : await this.outsideTransaction(tokens, sctx);
        genAi.push(...last.genAiFunctions);
      }
    } catch (error) {
      // An error inside a transaction rolls it back (the transactions page, "Transaction scope").
      if (tx) await this.locked(() => this.concurrency.rollback(tx!));
      throw error;
    }
    // A script that ends with its transaction still open is rolled back, as BigQuery does.
    if (tx) await this.locked(() => this.concurrency.rollback(tx!));
    const result = last ?? { statementType: 'SCRIPT', genAiFunctions: [] };
    return script ? { ...result, statementType: 'SCRIPT', genAiFunctions: genAi } : result;
  }

  /** An IF statement's condition, run as `SELECT (condition)`: TRUE or not; a non-BOOL one is refused. */
  private async conditionHolds(select: Token[], ctx: StatementContext): Promise<boolean> {
    const result = await this.outsideTransaction(select, ctx);
    if (result.schema?.length !== 1 || result.schema[0].type !== 'BOOLEAN')
      throw invalidQuery(`The IF condition must be BOOL, not ${result.schema?.[0]?.type ?? 'a statement'}`);
    const value = result.rows?.[0]?.[0];
    return value === true || value === 'true';
  }

  private async outsideTransaction(tokens: Token[], ctx: StatementContext): Promise<StatementResult> {
    const type = statementType(tokens);
    // CREATE MODEL takes the lock only around its queries, so a tuning job's (virtual) hours do not hold
    // up a parallel branch's statements.
    if (type === 'CREATE_MODEL') return this.statement(tokens, ctx);
    if (!mutatingTypes.has(type)) return this.locked(() => this.statement(tokens, ctx));
    const table = dmlTarget(tokens, this.options.warehouse);
    for (;;) {
      await this.concurrency.waitFor(table);
      const result = await this.locked(async () => {
        // Another transaction may have claimed the table between the wait and the lock.
        if (this.concurrency.held(table)) return undefined;
        const done = await this.statement(tokens, ctx);
        this.concurrency.mutated(table);
        return done;
      });
      if (result) return result;
    }
  }

  /** A statement between BEGIN TRANSACTION and COMMIT: DML and queries only, on the transaction's snapshot. */
  private async inTransaction(
    tx: OpenTransaction,
    tokens: Token[],
    ctx: StatementContext,
  ): Promise<StatementResult> {
    const type = statementType(tokens);
    if (!transactionalTypes.has(type)) {
      throw invalidQuery(
        `${type} is not supported inside a transaction: only SELECT, INSERT, UPDATE, DELETE, MERGE and TRUNCATE TABLE are`,
      );
    }
    const { warehouse } = this.options;
    if (findTableFunctions([...tokens], warehouse).length > 0) {
      throw invalidQuery('ML./AI. table functions inside a transaction are not emulated');
    }
    checkGoogleSql(tokens);
    return this.locked(async () => {
      if (mutatingTypes.has(type)) this.concurrency.claim(tx, dmlTarget(tokens, warehouse));
      const reader = await warehouse.run(
        warehouse.translate(tokens, { now: ctx.instant }),
        ctx.params,
        ctx.positional,
        tx.connection,
      );
      const result: StatementResult = { statementType: type, genAiFunctions: [] };
      if (type === 'SELECT') Object.assign(result, readResult(reader));
      else result.numDmlAffectedRows = reader.rowsChanged;
      return result;
    });
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Evaluates an option VALUE as a one-row query with the statement's parameters and instant. */
  private evaluator(ctx: StatementContext): EvaluateOption {
    const { warehouse } = this.options;
    return async (value) => {
      const translation = warehouse.translate(value, { now: ctx.instant });
      const reader = await warehouse.run(
        { ...translation, sql: `SELECT (${translation.sql}) AS v` },
        ctx.params,
        ctx.positional,
      );
      return { value: reader.getRows()[0][0], type: reader.columnTypes()[0] };
    };
  }

  private async statement(tokens: Token[], ctx: StatementContext): Promise<StatementResult> {
    const type = statementType(tokens);
    switch (type) {
      case 'LOAD_DATA':
        return this.loadDataStatement(tokens, ctx);
      case 'CREATE_MODEL':
        return this.createModelStatement(tokens, ctx);
      case 'DROP_MODEL':
        return this.dropModel(tokens);
      case 'CREATE_SCHEMA':
        return this.createSchema(tokens, ctx);
      case 'SELECT':
      case 'INSERT':
      case 'UPDATE':
      case 'DELETE':
      case 'MERGE':
      case 'TRUNCATE_TABLE':
      case 'CREATE_TABLE':
      case 'CREATE_TABLE_AS_SELECT':
      case 'CREATE_VIEW':
      case 'DROP_TABLE':
      case 'DROP_VIEW':
        return this.sql(tokens, ctx, type);
      case 'CREATE_TABLE_FUNCTION':
        return this.createTableFunction(tokens, ctx);
      case 'DROP_TABLE_FUNCTION':
        return this.dropTableFunction(tokens);
      case 'ALTER_TABLE':
      case 'ALTER_VIEW': {
        const done = await alterStatement(tokens, this.options.warehouse, {
          evaluate: this.evaluator(ctx),
          now: ctx.instant,
        });
        this.expiresAt(done.options);
        return { statementType: type, ddlOperationPerformed: done.operation, genAiFunctions: [] };
      }
      default:
        throw unsupported(
          `statement ${tokens
            .slice(0, 3)
            .map((t) => t.text)
            .join(' ')} ... at ${location(tokens[0])}`,
        );
    }
  }

  /** `LOAD DATA INTO table [OPTIONS(...)] FROM FILES(...)`: the rows read from the stand-in bucket. */
  private async loadDataStatement(tokens: Token[], ctx: StatementContext): Promise<StatementResult> {
    const { warehouse } = this.options;
    const cursor = new Cursor(tokens);
    cursor.expectWord('LOAD');
    cursor.expectWord('DATA');
    const statement = parseLoadData(cursor, warehouse);
    const options =
      statement.optionsAt < 0
        ? {}
        : await readOptions(optionLists.table, tokens, statement.optionsAt, this.evaluator(ctx));
    requireFuture(options, ctx.instant);
    const rows = await loadData(statement, warehouse, this.options.gcsDir, options);
    this.expiresAt(options);
    return {
      statementType: 'LOAD_DATA',
      numDmlAffectedRows: rows,
      ddlTargetTable: statement.table,
      genAiFunctions: [],
    };
  }

  /** `CREATE [OR REPLACE] MODEL`: a remote or tuned model in the catalog; its training SELECT runs here. */
  private async createModelStatement(tokens: Token[], ctx: StatementContext): Promise<StatementResult> {
    const { warehouse, catalog } = this.options;
    const cursor = new Cursor(tokens);
    cursor.expectWord('CREATE');
    const orReplace = cursor.acceptWord('OR');
    if (orReplace) cursor.expectWord('REPLACE');
    cursor.expectWord('MODEL');
    const statement = parseCreateModel(cursor, orReplace, warehouse);
    const outcome = await createModel(statement, {
      requireDataset: (ref) => this.locked(() => warehouse.requireDataset(ref)),
      catalog,
      connections: this.options.connections,
      faults: this.options.faults,
      select: async (query) => {
        const result = await this.locked(() => this.sql(query, ctx, 'SELECT'));
        const names = result.schema?.map((f) => f.name) ?? [];
        return (result.rows ?? []).map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])));
      },
      sleep: ctx.sleep,
      now: ctx.now,
    });
    return {
      statementType: 'CREATE_MODEL',
      ddlOperationPerformed: outcome.ddlOperationPerformed,
      training: outcome.training,
      genAiFunctions: [],
    };
  }

  /** `DROP MODEL [IF EXISTS] name`. */
  private dropModel(tokens: Token[]): StatementResult {
    const { warehouse, catalog } = this.options;
    const cursor = new Cursor(tokens);
    cursor.expectWord('DROP');
    cursor.expectWord('MODEL');
    const ifExists = cursor.acceptWord('IF');
    if (ifExists) cursor.expectWord('EXISTS');
    const { parts, at } = cursor.path('a model name');
    endOfStatement(cursor);
    const t = warehouse.tableRef(parts, at);
    const ref = { projectId: t.projectId, datasetId: t.datasetId, modelId: t.tableId };
    if (!catalog.delete(ref) && !ifExists) catalog.require(ref);
    return { statementType: 'DROP_MODEL', ddlOperationPerformed: 'DROP', genAiFunctions: [] };
  }

  /** `DROP TABLE FUNCTION [IF EXISTS] name`. */
  private dropTableFunction(tokens: Token[]): StatementResult {
    const cursor = new Cursor(tokens);
    cursor.expectWord('DROP');
    cursor.expectWord('TABLE');
    cursor.expectWord('FUNCTION');
    const ifExists = cursor.acceptWord('IF');
    if (ifExists) cursor.expectWord('EXISTS');
    const { parts, at } = cursor.path('a function name');
    endOfStatement(cursor);
    const ref = this.options.warehouse.tableRef(parts, at);
    if (!this.options.routines.delete(ref) && !ifExists)
      throw notFound(`Not found: Function ${displayTable(ref)}`);
    return { statementType: 'DROP_TABLE_FUNCTION', ddlOperationPerformed: 'DROP', genAiFunctions: [] };
  }

  /** `CREATE SCHEMA [IF NOT EXISTS] name [OPTIONS(...)]`: a dataset, its options checked against the schema list. */
  private async createSchema(tokens: Token[], ctx: StatementContext): Promise<StatementResult> {
    const { warehouse } = this.options;
    const cursor = new Cursor(tokens);
    cursor.expectWord('CREATE');
    cursor.expectWord('SCHEMA');
    const ifNotExists = cursor.acceptWord('IF');
    if (ifNotExists) {
      cursor.expectWord('NOT');
      cursor.expectWord('EXISTS');
    }
    const { parts } = cursor.path('a dataset name');
    if (isWord(cursor.peek(), 'DEFAULT'))
      throw unsupported(`CREATE SCHEMA ... DEFAULT COLLATE at ${location(cursor.peek())}`);
    if (cursor.acceptWord('OPTIONS')) {
      cursor.expectOp('(');
      const open = cursor.index - 1;
      await readOptions(optionLists.schema, tokens, open, this.evaluator(ctx));
      cursor.index = matchingClose(tokens, open) + 1;
    }
    endOfStatement(cursor);
    const ref =
      parts.length === 2
        ? { projectId: parts[0], datasetId: parts[1] }
        : { projectId: warehouse.defaultProject, datasetId: parts[0] };
    const exists = await warehouse.datasetExists(ref);
    if (exists && !ifNotExists)
      throw invalidQuery(`Already Exists: Dataset ${ref.projectId}:${ref.datasetId}`);
    await warehouse.createDataset(ref);
    return {
      statementType: 'CREATE_SCHEMA',
      ddlOperationPerformed: exists ? 'SKIP' : 'CREATE',
      genAiFunctions: [],
    };
  }

  /**
   * A table function is stored once its body runs on empty tables of the declared parameter columns, so a
   * body naming a missing table, model or column fails at CREATE, as BigQuery checks it then.
   */
  private async createTableFunction(tokens: Token[], ctx: StatementContext): Promise<StatementResult> {
    const { warehouse, routines } = this.options;
    const statement = parseCreateTableFunction(tokens, warehouse);
    if (statement.optionsAt >= 0)
      await readOptions(optionLists.tableFunction, tokens, statement.optionsAt, this.evaluator(ctx));
    const { ref } = statement.record;
    await warehouse.requireDataset({ projectId: ref.projectId, datasetId: ref.datasetId });
    const exists = routines.get(ref) !== undefined;
    const statementType = 'CREATE_TABLE_FUNCTION';
    if (exists && statement.ifNotExists)
      return { statementType, ddlOperationPerformed: 'SKIP', genAiFunctions: [] };
    if (exists && !statement.orReplace)
      throw new BigQueryError('duplicate', `Already Exists: Function ${displayTable(ref)}`);
    const check = [
      ...tokenize('SELECT * FROM ('),
      ...emptyArgumentsBody(statement.record),
      ...tokenize(') LIMIT 0'),
    ];
    await this.sql(check, ctx, 'SELECT');
    routines.put(statement.record);
    return { statementType, ddlOperationPerformed: exists ? 'REPLACE' : 'CREATE', genAiFunctions: [] };
  }

  /** Plain SQL: stored table functions inlined, ML./AI. table functions materialised, the rest translated to DuckDB. */
  private async sql(original: Token[], ctx: StatementContext, type: string): Promise<StatementResult> {
    const { warehouse } = this.options;
    const temps: string[] = [];
    const genAiFunctions: StatementResult['genAiFunctions'] = [];
    // Before any model runs: BigQuery parses the whole statement first.
    checkGoogleSql(original);
    try {
      const tokens = await inlineTableFunctions([...original], warehouse, this.options.routines);
      // Options are checked before any model is called: a bad option costs no generation.
      const options = await this.createOptions(tokens, type, ctx);
      const calls = findTableFunctions(tokens, warehouse);
      if (type === 'CREATE_VIEW' && calls.length > 0) {
        throw invalidQuery(
          'A view over ML./AI. table functions is not emulated; create a table from them instead',
        );
      }
      for (const call of calls.reverse()) {
        const replacement = await this.materialise(call, ctx, temps, genAiFunctions);
        tokens.splice(call.start, call.end - call.start, rawToken(replacement, tokens[call.start]));
      }
      const target =
        type.startsWith('CREATE_') || type.startsWith('DROP_') ? this.ddlTarget(tokens) : undefined;
      if (!target && typeof options.expirationMs === 'number')
        throw unsupported('expiration_timestamp on a temporary table');
      let ddlOperationPerformed: string | undefined;
      if (target && type.startsWith('CREATE_')) {
        const exists = await warehouse.tableExists(target.ref);
        if (exists && target.ifNotExists) ddlOperationPerformed = 'SKIP';
        else if (exists && !target.orReplace)
          throw new BigQueryError('duplicate', `Already Exists: Table ${displayTable(target.ref)}`);
        else ddlOperationPerformed = exists ? 'REPLACE' : 'CREATE';
        if (ddlOperationPerformed !== 'SKIP') requireFuture(options, ctx.instant);
      } else if (target) ddlOperationPerformed = 'DROP';
      const translation = warehouse.translate(tokens, { ddl: type.startsWith('CREATE_'), now: ctx.instant });
      const reader = await warehouse.run(translation, ctx.params, ctx.positional);
      const result: StatementResult = { statementType: type, genAiFunctions };
      if (type === 'SELECT') Object.assign(result, readResult(reader));
      else if (['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(type))
        result.numDmlAffectedRows = reader.rowsChanged;
      if (target) {
        result.ddlTargetTable = target.ref;
        result.ddlOperationPerformed = ddlOperationPerformed;
        if (type.startsWith('CREATE_') && ddlOperationPerformed !== 'SKIP') {
          await applyTableOptions(
            warehouse.connection,
            target.ref,
            options,
            type === 'CREATE_VIEW' ? 'VIEW' : 'TABLE',
          );
          this.expiresAt(options);
        }
      }
      return result;
    } finally {
      for (const temp of temps) await warehouse.connection.run(`DROP TABLE IF EXISTS ${temp}`);
    }
  }

  /**
   * The OPTIONS lists of a CREATE TABLE or CREATE VIEW head, each checked against its own list (the
   * object's at depth 0, its columns' inside the column list), before anything is created. Returns the
   * object's own options; an IF NOT EXISTS that finds the object still has them checked, as BigQuery
   * analyses the whole statement first.
   */
  private async createOptions(tokens: Token[], type: string, ctx: StatementContext): Promise<OptionValues> {
    const lists =
      type === 'CREATE_VIEW'
        ? [optionLists.view, optionLists.viewColumn]
        : type.startsWith('CREATE_TABLE')
          ? [optionLists.table, optionLists.column]
          : undefined;
    let own: OptionValues = {};
    if (!lists) return own;
    for (const { open, depth } of optionClauses(tokens)) {
      const read = await readOptions(lists[depth === 0 ? 0 : 1], tokens, open, this.evaluator(ctx));
      if (depth === 0) own = read;
    }
    return own;
  }

  private ddlTarget(
    tokens: Token[],
  ): { ref: TableRef; orReplace: boolean; ifNotExists: boolean } | undefined {
    const c = new Cursor(tokens);
    c.acceptWord('CREATE', 'DROP');
    const orReplace = c.acceptWord('OR');
    if (orReplace) c.expectWord('REPLACE');
    if (c.acceptWord('TEMP', 'TEMPORARY')) return undefined;
    c.acceptWord('TABLE', 'VIEW');
    const ifNotExists = c.acceptWord('IF');
    if (ifNotExists) {
      // CREATE ... IF NOT EXISTS, DROP ... IF EXISTS
      c.acceptWord('NOT');
      c.expectWord('EXISTS');
    }
    const { parts, at } = c.path('a table name');
    if (parts.length < 2) return undefined;
    return { ref: this.options.warehouse.tableRef(parts, at), orReplace, ifNotExists };
  }

  private async materialise(
    call: TableFunctionCall,
    ctx: StatementContext,
    temps: string[],
    genAi: StatementResult['genAiFunctions'],
  ): Promise<string> {
    const { warehouse, catalog, faults, stats } = this.options;
    const model = catalog.require(call.model);
    const n = ++this.tempCounter;
    const input = quoteIdent(`__bq_input_${n}`);
    const output = quoteIdent(`__bq_output_${n}`);
    let settingsValues: Record<string, unknown> = {};
    if (call.settings) {
      const settings = await this.sql(
        [...tokenize('SELECT'), ...call.settings, ...tokenize('AS s')],
        ctx,
        'SELECT',
      );
      settingsValues = (settings.rows?.[0]?.[0] ?? {}) as Record<string, unknown>;
    }
    const settings = readSettings(call.name, settingsValues);
    const tuned = model.model.tuned;
    // A tuned model reads its PROMPT_COL; an untuned one `prompt`, or `input_text` in ML.EVALUATE.
    const promptCol = tuned ? model.record.promptCol : call.name === 'ML.EVALUATE' ? 'input_text' : 'prompt';
    const labelCol = tuned ? model.record.labelCol : 'output_text';
    let prompts: (string | null)[];
    let expected: string[];
    if (call.input) {
      const tableInput =
        'table' in call.input ? warehouse.tableRef(call.input.table, call.input.at) : undefined;
      const source: Token[] =
        'query' in call.input
          ? call.input.query
          : [...tokenize('SELECT * FROM'), rawToken(tableName(tableInput!), call.input.at)];
      const inner = warehouse.translate(await this.withTableFunctions(source, ctx, temps, genAi), {
        now: ctx.instant,
      });
      if (tableInput) inner.tables.push(tableInput);
      temps.push(input);
      await warehouse.run(
        {
          ...inner,
          sql: `CREATE TEMP TABLE ${input} AS SELECT row_number() OVER () AS __bq_row, * FROM (${inner.sql})`,
        },
        ctx.params,
        ctx.positional,
      );
      const columns = (
        await warehouse.connection.runAndReadAll(`SELECT * FROM ${input} LIMIT 0`)
      ).columnNames();
      const find = (name: string): string => {
        const found = columns.find((c) => c.toLowerCase() === name.toLowerCase());
        if (!found)
          throw invalidQuery(
            `${call.name}: the input has no column named ${name} (columns: ${columns.filter((c) => c !== '__bq_row').join(', ')})`,
          );
        return found;
      };
      const wanted = [find(promptCol), ...(call.name === 'ML.EVALUATE' ? [find(labelCol)] : [])];
      const rows = (
        await warehouse.connection.runAndReadAll(
          `SELECT ${wanted.map(quoteIdent).join(', ')} FROM ${input} ORDER BY __bq_row`,
        )
      ).getRowsJson();
      prompts = rows.map((r) => (r[0] === null ? null : String(r[0])));
      expected = rows.map((r) => (r[1] === null || r[1] === undefined ? '' : String(r[1])));
    } else {
      if (!model.record.training || model.record.training.evalRows.length === 0) {
        throw invalidQuery(
          `ML.EVALUATE: model ${call.model.modelId} has no evaluation split; pass input data (TABLE or a query)`,
        );
      }
      prompts = model.record.training.evalRows.map((r) => r.prompt);
      expected = model.record.training.evalRows.map((r) => r.label);
    }
    const results = generateRows(prompts, model, settings, faults, stats);
    genAi.push({
      functionName: call.name,
      numProcessedRows: results.length,
      numFailedRows: results.filter((r) => r.status !== '').length,
    });
    if (call.name === 'ML.EVALUATE') {
      const taskType =
        settings.taskType ??
        (model.record.evaluationTask !== 'UNSPECIFIED' ? model.record.evaluationTask : 'TEXT_GENERATION');
      await this.writeColumns(output, evaluationColumns(taskType, expected, results), false);
      temps.push(output);
      return `(SELECT * EXCLUDE (__bq_row) FROM ${output})`;
    }
    await this.writeColumns(
      output,
      generationColumns(call.name, settings, results, model.record.endpoint),
      true,
    );
    temps.push(output);
    return `(SELECT o.* EXCLUDE (__bq_row), i.* EXCLUDE (__bq_row) FROM ${input} AS i JOIN ${output} AS o ON i.__bq_row = o.__bq_row)`;
  }

  private async withTableFunctions(
    tokens: Token[],
    ctx: StatementContext,
    temps: string[],
    genAi: StatementResult['genAiFunctions'],
  ): Promise<Token[]> {
    const copy = [...tokens];
    for (const call of findTableFunctions(copy, this.options.warehouse).reverse()) {
      const replacement = await this.materialise(call, ctx, temps, genAi);
      copy.splice(call.start, call.end - call.start, rawToken(replacement, copy[call.start]));
    }
    return copy;
  }

  private async writeColumns(table: string, columns: OutputColumn[], numbered: boolean): Promise<void> {
    const length = columns[0]?.values.length ?? 0;
    const values: Record<string, ReturnType<typeof listValue>> = {
      rn: listValue(Array.from({ length }, (_, i) => i + 1)),
    };
    const types: Record<string, ReturnType<typeof LIST>> = { rn: LIST(DOUBLE) };
    const select = ['CAST(unnest($rn) AS BIGINT) AS __bq_row'];
    columns.forEach((column, i) => {
      values[`c${i}`] = listValue(column.values);
      types[`c${i}`] = LIST(column.type === 'DOUBLE' ? DOUBLE : VARCHAR);
      select.push(`CAST(unnest($c${i}) AS ${column.type}) AS ${quoteIdent(column.name)}`);
    });
    const order = numbered ? '' : ' ORDER BY __bq_row';
    await this.options.warehouse.connection.run(
      `CREATE TEMP TABLE ${table} AS SELECT * FROM (SELECT ${select.join(', ')})${order}`,
      values,
      types,
    );
  }
}

/** Refuses tokens after a statement a Cursor read to its end. */
function endOfStatement(cursor: Cursor): void {
  if (!cursor.atEnd()) throw invalidQuery(`Syntax error: Unexpected ${cursor.describe()}`);
}

/** A DuckDB result as a REST schema and rows of DuckDB JSON values (see `schemaField`). */
export function readResult(reader: DuckDBResultReader): { schema: SchemaField[]; rows: Json[][] } {
  const names = reader.columnNames();
  const types = reader.columnTypes();
  return { schema: names.map((name, i) => schemaField(name, types[i])), rows: reader.getRowsJson() };
}
