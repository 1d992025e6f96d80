import { showHidden } from '../visible-text';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text or attribute value safe inside HTML and SVG markup, shown as it is: markup characters as entities,
 * and the characters a reader could not see (or that would reorder what follows) as `⟨U+XXXX⟩`.
 */
export const escapeXml = (text: string): string => showHidden(text).replace(/[&<>"']/g, (c) => entities[c]);
