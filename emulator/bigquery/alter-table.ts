import { Cursor } from './cursor';
import { notFound, invalidQuery } from './errors';
import {
  optionLists,
  readOptions,
  requireFuture,
  type EvaluateOption,
  type OptionValues,
} from './option-lists';
import { applyTableOptions } from './table-options';
import { matchingClose, type Token } from './tokenizer';
import { quoteIdent, scalarTypes } from './translate';
import { displayTable, schemaName, tableName, type TableRef, type Warehouse } from './warehouse';

/** What ALTER needs of its statement: its parameters and instant, through the engine's option evaluator. */
export interface AlterContext {
  evaluate: EvaluateOption;
  /** The statement's instant (epoch ms): an expiration must lie after it. */
  now: number;
}

/** What an ALTER did: `ALTER` or `SKIP`, and the expiration it set or cleared (for the engine's scan). */
export interface AlterResult {
  operation: 'ALTER' | 'SKIP';
  options: OptionValues;
}

/**
 * `ALTER {TABLE|VIEW} [IF EXISTS] name SET OPTIONS(...)` and
 * `ALTER TABLE [IF EXISTS] t ADD COLUMN [IF NOT EXISTS] name TYPE [OPTIONS(...)] [, ADD COLUMN ...]`, the
 * ALTER forms the emulator runs
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language#alter_table_set_options_statement,
 * #alter_view_set_options_statement, #alter_table_add_column_statement). SET OPTIONS takes the table's or the
 * view's option list, checked as CREATE checks it; an `expiration_timestamp` is set, or removed when NULL,
 * and the other options are checked and not kept. As BigQuery documents, a new column must be NULLABLE:
 * `NOT NULL` is refused (https://cloud.google.com/bigquery/docs/managing-table-schemas#add_an_empty_column);
 * its OPTIONS are the column option list. ALTER TABLE on a view and ALTER VIEW on a table are refused (the
 * stricter reading: the pages give each statement its own object). Anything else is refused rather than
 * approximated.
 */
export async function alterStatement(
  tokens: Token[],
  warehouse: Warehouse,
  ctx: AlterContext,
): Promise<AlterResult> {
  const c = new Cursor(tokens);
  c.expectWord('ALTER');
  const kind = c.acceptWord('VIEW') ? 'VIEW' : 'TABLE';
  if (kind === 'TABLE') c.expectWord('TABLE');
  let ifExists = false;
  if (c.acceptWord('IF')) {
    c.expectWord('EXISTS');
    ifExists = true;
  }
  const { parts, at } = c.path(`a ${kind.toLowerCase()} name`);
  const ref = warehouse.tableRef(parts, at);
  if (c.acceptWord('SET')) {
    c.expectWord('OPTIONS');
    c.expectOp('(');
    const open = c.index - 1;
    const options = await readOptions(
      kind === 'VIEW' ? optionLists.view : optionLists.table,
      tokens,
      open,
      ctx.evaluate,
    );
    c.index = matchingClose(tokens, open) + 1;
    if (!c.atEnd()) throw invalidQuery(`Syntax error: Unexpected ${c.describe()}`);
    const actual = await warehouse.tableType(ref);
    if (actual === undefined) {
      if (ifExists) return { operation: 'SKIP', options: {} };
      throw notFound(`Not found: ${kind === 'VIEW' ? 'View' : 'Table'} ${displayTable(ref)}`);
    }
    if (actual !== kind)
      throw invalidQuery(
        `ALTER ${kind} ${displayTable(ref)}: it is a ${actual.toLowerCase()}; use ALTER ${actual}`,
      );
    requireFuture(options, ctx.now);
    await applyTableOptions(warehouse.connection, ref, options, kind);
    return { operation: 'ALTER', options };
  }
  if (kind === 'VIEW')
    throw invalidQuery(
      `ALTER VIEW ... ${c.peek()?.text ?? ''} is not supported by the local emulator: only SET OPTIONS is`,
    );
  const added = await addColumns(c, ref, ifExists, warehouse, ctx);
  return { operation: added.length > 0 ? 'ALTER' : 'SKIP', options: {} };
}

/** The ADD COLUMN list of an ALTER TABLE whose name `c` has read. Returns the columns added. */
async function addColumns(
  c: Cursor,
  ref: TableRef,
  ifExists: boolean,
  warehouse: Warehouse,
  ctx: AlterContext,
): Promise<string[]> {
  const columns: { name: string; type: string; ifNotExists: boolean }[] = [];
  do {
    if (!c.acceptWord('ADD'))
      throw invalidQuery(
        `ALTER TABLE ... ${c.peek()?.text ?? ''} is not supported by the local emulator: only ADD COLUMN is`,
      );
    c.expectWord('COLUMN');
    let ifNotExists = false;
    if (c.acceptWord('IF')) {
      c.expectWord('NOT');
      c.expectWord('EXISTS');
      ifNotExists = true;
    }
    const name = c.path('a column name');
    if (name.parts.length !== 1)
      throw invalidQuery(`Syntax error: Expected a column name at ${name.parts.join('.')}`);
    const typeToken = c.peek();
    const type = typeToken === undefined ? undefined : scalarTypes[typeToken.value.toUpperCase()];
    if (typeToken === undefined || type === undefined)
      throw invalidQuery(
        `ADD COLUMN ${name.parts[0]} ${typeToken?.text ?? ''}: not supported by the local emulator (scalar types only)`,
      );
    c.acceptWord(typeToken.value);
    if (c.acceptWord('NOT'))
      throw invalidQuery(
        `Cannot add a REQUIRED column ${name.parts[0]} to an existing table: a new column must be NULLABLE`,
      );
    if (c.acceptWord('OPTIONS')) {
      c.expectOp('(');
      const open = c.index - 1;
      await readOptions(optionLists.column, c.tokens, open, ctx.evaluate);
      c.index = matchingClose(c.tokens, open) + 1;
    }
    columns.push({ name: name.parts[0], type, ifNotExists });
  } while (c.acceptOp(','));
  if (!c.atEnd()) throw invalidQuery(`Syntax error: Unexpected ${c.describe()}`);
  if (!(await warehouse.tableExists(ref))) {
    if (ifExists) return [];
    throw notFound(`Not found: Table ${displayTable(ref)}`);
  }
  const existing = new Set(
    (
      await warehouse.connection.runAndReadAll(
        'SELECT column_name FROM information_schema.columns WHERE table_schema = $schema AND table_name = $table',
        { schema: schemaName(ref), table: ref.tableId },
      )
    )
      .getRows()
      .map((r) => String(r[0]).toLowerCase()),
  );
  const added: string[] = [];
  for (const column of columns) {
    if (existing.has(column.name.toLowerCase())) {
      if (column.ifNotExists) continue;
      throw invalidQuery(`Column already exists: ${column.name}`);
    }
    await warehouse.connection.run(
      `ALTER TABLE ${tableName(ref)} ADD COLUMN ${quoteIdent(column.name)} ${column.type}`,
    );
    added.push(column.name);
  }
  return added;
}
