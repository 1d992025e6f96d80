import { Cursor } from './cursor';
import { notFound, invalidQuery } from './errors';
import type { Token } from './tokenizer';
import { quoteIdent, scalarTypes } from './translate';
import { displayTable, schemaName, tableName, type Warehouse } from './warehouse';

/**
 * `ALTER TABLE [IF EXISTS] t ADD COLUMN [IF NOT EXISTS] name TYPE [OPTIONS(...)] [, ADD COLUMN ...]`, the only
 * ALTER TABLE form the emulator runs (what provisioning needs when a table definition gains a column).
 * As BigQuery documents, a new column must be NULLABLE: `NOT NULL` is refused
 * (https://cloud.google.com/bigquery/docs/managing-table-schemas#add_an_empty_column;
 * syntax: https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language#alter_table_add_column_statement).
 * Anything else is refused rather than approximated. Returns the columns added.
 */
export async function alterTable(tokens: Token[], warehouse: Warehouse): Promise<string[]> {
  const c = new Cursor(tokens);
  c.expectWord('ALTER');
  c.expectWord('TABLE');
  let ifExists = false;
  if (c.acceptWord('IF')) {
    c.expectWord('EXISTS');
    ifExists = true;
  }
  const { parts, at } = c.path('a table name');
  const ref = warehouse.tableRef(parts, at);
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
    if (c.acceptWord('OPTIONS')) c.options();
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
