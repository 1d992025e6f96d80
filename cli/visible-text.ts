/**
 * Characters a reader cannot see or that change how the text around them is shown, each written as a visible
 * `⟨U+XXXX⟩` instead: C0 controls but tab and line feed (ESC starts a terminal's control sequences; an HTML
 * parser drops NUL and reads a lone CR as a line break), a CR not followed by LF, DEL and the C1 controls
 * (U+009B is a terminal's one-character CSI), the bidirectional formatting characters (an override such as
 * U+202E shows the text after it reversed: "Trojan Source", CVE-2021-42574; Unicode UAX #9), zero-width
 * space, word joiner and the byte order mark, the invisible operators U+2061-U+2064, and a UTF-16 surrogate
 * without its pair (written as UTF-8 it would become U+FFFD). Zero-width joiner and non-joiner stay: emoji
 * sequences and several scripts need them.
 */
const hidden =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `text` as a report or a terminal shows it: each character a reader could not see, or that would act on the
 * terminal or reorder what follows, written as `⟨U+XXXX⟩`; everything else as it is.
 */
export const showHidden = (text: string): string =>
  text.replace(hidden, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);

/** A user's text quoted for the terminal: JSON's quoting and escapes, then `showHidden` for what JSON leaves. */
export const quoted = (text: string): string => showHidden(JSON.stringify(text));
