/** A metric as terminal and report text: three decimals, or an em dash when there is none. */
export const metric3 = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : x.toFixed(3);
