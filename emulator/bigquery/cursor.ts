import { invalidQuery } from './errors';
import { isOp, isWord, location, matchingClose, splitTopLevel, type Token } from './tokenizer';

/** A literal value of an `OPTIONS(...)` list: string, number, boolean, NULL, or an array of them. */
export type OptionValue = string | number | boolean | null | OptionValue[];

/** A recursive-descent reader over one statement's tokens, for the statements DuckDB has no equivalent of. */
export class Cursor {
  index = 0;

  constructor(readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  acceptWord(...words: string[]): boolean {
    if (!isWord(this.peek(), ...words)) return false;
    this.index++;
    return true;
  }

  /** @throws BigQueryError `invalidQuery` naming the keyword and what stands there instead. */
  expectWord(word: string): void {
    if (!this.acceptWord(word))
      throw invalidQuery(`Syntax error: Expected keyword ${word} but got ${this.describe()}`);
  }

  acceptOp(op: string): boolean {
    if (!isOp(this.peek(), op)) return false;
    this.index++;
    return true;
  }

  /** @throws BigQueryError `invalidQuery` naming the operator and what stands there instead. */
  expectOp(op: string): void {
    if (!this.acceptOp(op)) throw invalidQuery(`Syntax error: Expected "${op}" but got ${this.describe()}`);
  }

  /** The next token for an error message: `"text" at [line:column]`, or `end of statement`. */
  describe(): string {
    const t = this.peek();
    return t ? `"${t.text}" at ${location(t)}` : 'end of statement';
  }

  /**
   * A dotted name: `a.b.c`, `` `a.b.c` `` or `` `a`.`b` ``; returns its parts.
   * @throws BigQueryError `invalidQuery` (`Syntax error: Expected ...`) naming what was expected and where.
   */
  path(what: string): { parts: string[]; at: Token } {
    const at = this.peek();
    const parts: string[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || (t.kind !== 'ident' && t.kind !== 'quoted'))
        throw invalidQuery(`Syntax error: Expected ${what} but got ${this.describe()}`);
      parts.push(...(t.kind === 'quoted' ? t.value.split('.') : [t.value]));
      this.index++;
      if (!(isOp(this.peek(), '.') && (this.peek(1)?.kind === 'ident' || this.peek(1)?.kind === 'quoted')))
        break;
      this.index++;
    }
    return { parts, at: at! };
  }

  /**
   * A literal: string, number, TRUE/FALSE/NULL, -number, or an array of literals.
   * @throws BigQueryError `invalidQuery` (`Syntax error: Expected ...`) naming what was expected and where.
   */
  literal(what: string): OptionValue {
    const t = this.peek();
    if (!t) throw invalidQuery(`Syntax error: Expected a value for ${what} but got end of statement`);
    this.index++;
    if (t.kind === 'string') return t.value;
    if (t.kind === 'number') return Number(t.value);
    if (isOp(t, '-') && this.peek()?.kind === 'number') return -Number(this.tokens[this.index++].value);
    if (isWord(t, 'TRUE')) return true;
    if (isWord(t, 'FALSE')) return false;
    if (isWord(t, 'NULL')) return null;
    if (isOp(t, '[')) {
      const close = matchingClose(this.tokens, this.index - 1);
      const items = splitTopLevel(this.tokens, this.index, close).map(([start, end]) => {
        const inner = new Cursor(this.tokens.slice(start, end));
        const value = inner.literal(what);
        if (!inner.atEnd()) throw invalidQuery(`Syntax error: Unexpected ${inner.describe()} in ${what}`);
        return value;
      });
      this.index = close + 1;
      return items;
    }
    throw invalidQuery(
      `Syntax error: Expected a literal value for ${what} but got "${t.text}" at ${location(t)}`,
    );
  }

  /**
   * `OPTIONS(name = value, ...)`: names lower-cased, since BigQuery option names are case-insensitive.
   * @throws BigQueryError `invalidQuery` (`Syntax error: Expected ...`) naming what was expected and where.
   */
  options(): Map<string, OptionValue> {
    const options = new Map<string, OptionValue>();
    this.expectOp('(');
    while (!this.acceptOp(')')) {
      const name = this.peek();
      if (!name || name.kind !== 'ident')
        throw invalidQuery(`Syntax error: Expected an option name but got ${this.describe()}`);
      this.index++;
      this.expectOp('=');
      const key = name.value.toLowerCase();
      if (options.has(key)) throw invalidQuery(`Duplicate option ${key} at ${location(name)}`);
      options.set(key, this.literal(key));
      if (!this.acceptOp(',')) {
        this.expectOp(')');
        break;
      }
    }
    return options;
  }

  /** Consumes and returns every token left (an AS SELECT's query). */
  rest(): Token[] {
    const rest = this.tokens.slice(this.index);
    this.index = this.tokens.length;
    return rest;
  }
}
