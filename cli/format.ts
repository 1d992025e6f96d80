/** A metric as terminal and report text: three decimals, or an em dash when there is none. */
export const metric3 = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : x.toFixed(3);

/** A change of a metric: three decimals with its sign (`+0.000` for none), as the report's delta columns show it. */
export const signedMetric3 = (delta: number): string => `${delta >= 0 ? '+' : ''}${delta.toFixed(3)}`;
