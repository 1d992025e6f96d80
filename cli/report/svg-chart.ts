import { escapeXml as x } from './escape';

export interface BarSeries {
  name: string;
  color: string;
  /** One value per category, in the domain [0, 1]; null draws no bar. */
  values: (number | null)[];
}

export interface GroupedBarChartOptions {
  title: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Axis label under the value axis. */
  valueLabel: string;
  /** Width of the SVG in pixels; default 1000. */
  width?: number;
}

const font = `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"`;

/**
 * A horizontal grouped bar chart over [0, 1] as static SVG: categories down the side (long label names stay
 * readable), one bar per series in each group, gridlines every 0.2, values at the bar ends, a legend on top.
 * Needs neither network nor script to view.
 */
export function groupedBarChart(options: GroupedBarChartOptions): string {
  const width = options.width ?? 1000;
  const labelWidth = Math.min(260, 24 + 7 * Math.max(...options.categories.map((c) => c.length), 4));
  const left = labelWidth;
  const right = 48;
  const top = 44;
  const bar = 11;
  const barGap = 2;
  const groupGap = 12;
  const groupHeight = options.series.length * (bar + barGap) - barGap;
  const plotHeight = options.categories.length * (groupHeight + groupGap);
  const height = top + plotHeight + 44;
  const plotWidth = width - left - right;
  const xOf = (v: number) => left + Math.max(0, Math.min(1, v)) * plotWidth;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${font} font-size="12">`,
    `<title>${x(options.title)}</title>`,
  );
  // Legend
  let lx = left;
  for (const s of options.series) {
    parts.push(
      `<g class="legend-item"><rect x="${lx}" y="12" width="12" height="12" rx="2" fill="${x(s.color)}"/>`,
      `<text x="${lx + 18}" y="22" fill="#1f2937">${x(s.name)}</text></g>`,
    );
    lx += 30 + 8 * s.name.length;
  }
  // Gridlines and value axis
  for (let i = 0; i <= 5; i++) {
    const v = i / 5;
    const gx = xOf(v).toFixed(1);
    parts.push(
      `<line x1="${gx}" x2="${gx}" y1="${top - 6}" y2="${top + plotHeight}" stroke="${i === 0 ? '#6b7280' : '#e5e7eb'}"/>`,
      `<text x="${gx}" y="${top + plotHeight + 16}" text-anchor="middle" fill="#4b5563">${v.toFixed(1)}</text>`,
    );
  }
  parts.push(
    `<text x="${left + plotWidth / 2}" y="${top + plotHeight + 36}" text-anchor="middle" fill="#374151" font-weight="600">${x(options.valueLabel)}</text>`,
  );
  // Bars
  options.categories.forEach((category, ci) => {
    const gy = top + ci * (groupHeight + groupGap);
    parts.push(
      `<text class="category" x="${left - 8}" y="${(gy + groupHeight / 2 + 4).toFixed(1)}" text-anchor="end" fill="#111827">${x(category)}</text>`,
    );
    options.series.forEach((s, si) => {
      const value = s.values[ci];
      if (value === null || value === undefined) return;
      const y = gy + si * (bar + barGap);
      const w = Math.max(0, xOf(value) - left);
      parts.push(
        `<rect class="bar" data-series="${x(s.name)}" data-category="${x(category)}" data-value="${value.toFixed(4)}" x="${left}" y="${y}" width="${w.toFixed(1)}" height="${bar}" rx="2" fill="${x(s.color)}">` +
          `<title>${x(`${category} · ${s.name}: ${value.toFixed(3)}`)}</title></rect>`,
        `<text x="${(left + w + 4).toFixed(1)}" y="${y + bar - 2}" font-size="10" fill="#374151">${value.toFixed(2)}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('\n');
}
