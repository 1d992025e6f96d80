/**
 * Reads a prompt the way the local model needs it: the candidate labels, when the instruction lists them
 * in brackets ("... from among these labels [A, B, C]. TRANSCRIPT: ..."), and the input text the answer is
 * about (what follows the list, without a leading "NAME:" marker), so the label names in the instruction do
 * not count as evidence for themselves. Without a list, an instruction on a line of its own that ends in a
 * colon ("Summarise this note:\n...") is not part of the input either, so no answer copies it.
 */

/** A prompt as the model reads it: the candidate labels (empty without a list) and the input text. */
export interface ParsedPrompt {
  labels: string[];
  input: string;
}

const bracketList = /\[([^[\]]*,[^[\]]*)\]/;
const instructionLine = /^[^\n]*:[ \t]*\r?\n(?=[\s\S]*\S)/;
const leadingMarker = /^[\s.:;-]*(?:[A-Za-z][A-Za-z _-]{0,40}:)?\s*/;

function unquote(item: string): string {
  const trimmed = item.trim();
  const quoted = /^(['"`])(.*)\1$/.exec(trimmed);
  return quoted ? quoted[2].trim() : trimmed;
}

export function parsePrompt(prompt: string): ParsedPrompt {
  const match = bracketList.exec(prompt);
  if (!match || match.index === undefined) return { labels: [], input: prompt.replace(instructionLine, '') };
  const labels = match[1]
    .split(',')
    .map(unquote)
    .filter((label) => label.length > 0);
  const after = prompt.slice(match.index + match[0].length).replace(leadingMarker, '');
  return { labels: [...new Set(labels)], input: after.length > 0 ? after : prompt.slice(0, match.index) };
}
