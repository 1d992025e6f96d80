/**
 * Plain-text tables that fit a terminal: columns two spaces apart, a header row, and when the total is
 * wider than `width` the widest shrinkable column is cut (with `…`) until it fits. Colour codes in cells
 * do not count towards widths; a cut cell loses its colour.
 */

/** One column of a table: its header and how its cells are laid out. */
export interface Column {
  header: string;
  /** Side the cells (and the header) line up on; default `left`. */
  align?: 'left' | 'right';
  /** May be cut to fit (never below 6 characters); other columns keep their width. Default false. */
  shrink?: boolean;
}

/** A title over consecutive columns, e.g. `baseline` over P, R and F1. */
export interface ColumnGroup {
  title: string;
  span: number;
}

// eslint-disable-next-line no-control-regex
const ansi = /\x1b\[[0-9;]*m/g;
const visible = (text: string) => [...text.replace(ansi, '')].length;
const gap = 2;
const minShrunk = 6;

/** The width tables are fitted to: the terminal's, or 80 when output is not a terminal. */
export const outputWidth = (): number => (process.stdout.isTTY ? process.stdout.columns || 80 : 80);

function cut(text: string, width: number): string {
  if (visible(text) <= width) return text;
  return [...text.replace(ansi, '')].slice(0, width - 1).join('') + '…';
}

function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - visible(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Renders `rows` (`[]` is an empty separator line) under `columns`; every line ends with a newline. */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: { width?: number; groups?: readonly ColumnGroup[] } = {},
): string {
  const width = options.width ?? outputWidth();
  const widths = columns.map((c, i) => Math.max(visible(c.header), ...rows.map((r) => visible(r[i] ?? ''))));
  const total = () => widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  while (total() > width) {
    let widest = -1;
    columns.forEach((c, i) => {
      if (c.shrink && widths[i] > minShrunk && (widest < 0 || widths[i] > widths[widest])) widest = i;
    });
    if (widest < 0) break;
    widths[widest]--;
  }
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => pad(cut(cells[i] ?? '', widths[i]), widths[i], c.align))
      .join(' '.repeat(gap))
      .trimEnd() + '\n';
  let out = '';
  if (options.groups) {
    const titles: string[] = [];
    let at = 0;
    for (const g of options.groups) {
      const span = widths.slice(at, at + g.span).reduce((a, b) => a + b, 0) + gap * (g.span - 1);
      titles.push(pad(cut(g.title, span), span));
      at += g.span;
    }
    out += titles.join(' '.repeat(gap)).trimEnd() + '\n';
  }
  out += line(columns.map((c) => c.header));
  for (const row of rows) out += row.length === 0 ? '\n' : line(row);
  return out;
}
