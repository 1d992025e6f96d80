const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Characters a reader cannot see or that change how the text around them is shown, each written as a visible
 * `⟨U+XXXX⟩` instead: C0 controls but tab and line feed (an HTML parser drops NUL and reads a lone CR as a
 * line break), a CR not followed by LF, DEL and the C1 controls, the bidirectional formatting characters
 * (an override such as U+202E shows the text after it reversed: "Trojan Source", CVE-2021-42574; Unicode
 * UAX #9), zero-width space, word joiner and the byte order mark, the invisible operators U+2061-U+2064,
 * and a UTF-16 surrogate without its pair (written to a UTF-8 file it would become U+FFFD). Zero-width
 * joiner and non-joiner stay: emoji sequences and several scripts need them.
 */
const hidden =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with each character of `hidden` written as `⟨U+XXXX⟩`, everything else as it is. */
export const showHidden = (text: string): string =>
  text.replace(hidden, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);

/**
 * Text or attribute value safe inside HTML and SVG markup, shown as it is: markup characters as entities,
 * and the characters a reader could not see (or that would reorder what follows) as `⟨U+XXXX⟩`.
 */
export const escapeXml = (text: string): string => showHidden(text).replace(/[&<>"']/g, (c) => entities[c]);
