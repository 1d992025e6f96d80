const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or attribute value safe inside HTML and SVG markup. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c]);
