import fs from 'node:fs';
import path from 'node:path';

/**
 * Rows of RE2's syntax reference (test/fixtures/re2-syntax.txt, the table the RE2 Syntax wiki page shows),
 * each turned into a concrete pattern and the outcome the table documents for it.
 */
export interface SyntaxRow {
  readonly section: string;
  readonly construct: string;
  readonly description: string;
  /** The construct with its placeholders («x», «re», «n», «name», ...) filled in. */
  readonly pattern: string;
  readonly supported: boolean;
}

const fixture = path.join(__dirname, '..', 'fixtures', 're2-syntax.txt');

/** Fills the table's placeholders with concrete text, keeping escapes such as `\x7F` intact. */
function instantiate(section: string, construct: string): string {
  if (section.startsWith('Flags')) return `(?${construct})`;
  if (section.startsWith('Unicode character class names')) return `\\p{${construct}}`;
  let p = construct
    .replace('{n,m}', '{2,3}')
    .replace('{n,}', '{2,}')
    .replace('{n}', '{2}')
    .replace(/^\(\?([+-]?)n\)$/, '(?$11)')
    .replace('[:name:]', '[:alpha:]')
    .replace('[:foo:]', '[:alpha:]')
    .replace(/\{(Foo|Name)\}/, '{Greek}')
    .replace('\\pF', '\\pL')
    .replace('(?flags', '(?i')
    .replace('(?#text)', '(?#c)')
    .replace(/name/g, 'n')
    .replace(/(?<![A-Za-z])re(?![A-Za-z])/g, 'a')
    .replace('xyz', 'abc')
    .replace(/^xy$/, 'ab')
    .replace(/(?<![\\A-Za-z])[xyz](?![A-Za-z])/g, (c) => ({ x: 'a', y: 'b', z: 'c' })[c] as string);
  // A class name such as [:alpha:] is a class element: it means the class only inside brackets.
  if (p.startsWith('[:') || section === 'Character class elements') p = `[${p}]`;
  return p;
}

/**
 * The table's rows about RE2 itself. Rows tagged `vim` describe Vim's syntax (the table compares engines)
 * and say nothing about what RE2 accepts, so they are left out. A NOT SUPPORTED row whose text is also a
 * supported row (`\b` as backspace, `\v` as vertical space) documents a meaning RE2 does not give that text,
 * not a rejection of it, so the supported reading stands.
 */
export function re2SyntaxRows(): SyntaxRow[] {
  const rows: SyntaxRow[] = [];
  let section = '';
  for (const line of fs.readFileSync(fixture, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) {
      if (line.trim() !== '' && !line.startsWith('Flag syntax')) section = line.replace(/:$/, '');
      continue;
    }
    const construct = line.slice(0, tab);
    const description = line.slice(tab + 1);
    if (/\bvim$/.test(description)) continue;
    rows.push({
      section,
      construct,
      description,
      pattern: instantiate(section, construct),
      supported: !description.includes('NOT SUPPORTED'),
    });
  }
  const supported = new Set(rows.filter((r) => r.supported).map((r) => r.pattern));
  return rows.filter((r) => r.supported || !supported.has(r.pattern));
}
