import pc from 'picocolors';

/**
 * Colours only for a terminal: piped or captured output (CI logs, tests, `> file`) stays plain text even
 * where picocolors would colour it because a CI variable is set.
 */
export const colors = pc.createColors(Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env));
