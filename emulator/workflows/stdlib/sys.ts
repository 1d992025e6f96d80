import { Tag, wfError } from '../errors';
import type { FnImplementations } from '../functions';
import type { RuntimeValue } from '../values';
import { num, optional, str } from './args';

const SEVERITIES = new Set([
  'DEFAULT',
  'DEBUG',
  'INFO',
  'NOTICE',
  'WARNING',
  'ERROR',
  'CRITICAL',
  'ALERT',
  'EMERGENCY',
]);

/** The offset of a named time zone at an instant, as "+HH:MM" ("Z" for UTC). */
function zoneOffset(epochMs: number, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(epochMs);
  } catch {
    throw wfError(Tag.ValueError, `time.format: unknown time zone ${timeZone}`);
  }
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}:\d{2})?/.exec(name);
  return m?.[1] ?? 'Z';
}

/** RFC 3339 with microseconds, as Google prints timestamps; other zones use their local time and offset. */
function formatTime(seconds: number, timeZone = 'UTC'): string {
  const ms = Math.floor(seconds * 1000);
  const micros = String(Math.round((seconds - Math.floor(seconds)) * 1e6) % 1e6).padStart(6, '0');
  const offset = timeZone === 'UTC' || timeZone === 'Etc/UTC' ? 'Z' : zoneOffset(ms, timeZone);
  const shift =
    offset === 'Z'
      ? 0
      : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
  const local = new Date(ms + shift * 60_000).toISOString().slice(0, 19);
  return `${local}.${micros}${offset}`;
}

function parseTime(fnName: string, text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.exec(text.trim());
  if (!m) throw wfError(Tag.ValueError, `${fnName}: "${text}" is not an RFC 3339 timestamp`);
  const whole = Date.parse(`${m[1]}${m[3].toUpperCase()}`);
  if (Number.isNaN(whole)) throw wfError(Tag.ValueError, `${fnName}: "${text}" is not a valid time`);
  return whole / 1000 + (m[2] ? Number(`0${m[2]}`) : 0);
}

export const sys: FnImplementations = {
  'sys.now': (_args, ctx) => ctx.clock.now(),
  'sys.get_env': ([n, d], ctx) => {
    const name = str('sys.get_env', 'name', n);
    return Object.prototype.hasOwnProperty.call(ctx.env, name) ? ctx.env[name] : (d ?? null);
  },
  'sys.log': ([data, sev, textArg, json], ctx) => {
    const severity = (optional(sev, (x) => str('sys.log', 'severity', x)) ?? 'DEFAULT').toUpperCase();
    if (!SEVERITIES.has(severity)) throw wfError(Tag.ValueError, `sys.log: unknown severity ${severity}`);
    const given = [data, textArg, json].filter((x) => x !== undefined);
    if (given.length > 1) throw wfError(Tag.ValueError, 'sys.log: give only one of data, text and json');
    ctx.log(severity, (given[0] ?? null) as RuntimeValue);
    return null;
  },
  'sys.sleep': async ([s], ctx) => {
    const seconds = Number(num('sys.sleep', 'seconds', s));
    if (seconds < 0) throw wfError(Tag.ValueError, 'sys.sleep: seconds must not be negative');
    await ctx.clock.sleep(seconds, ctx.signal);
    return null;
  },
  'sys.sleep_until': async ([t], ctx) => {
    const until = parseTime('sys.sleep_until', str('sys.sleep_until', 'time', t));
    await ctx.clock.sleep(Math.max(0, until - ctx.clock.now()), ctx.signal);
    return null;
  },
  'time.format': ([s, tz]) =>
    formatTime(
      Number(num('time.format', 'seconds', s)),
      optional(tz, (x) => str('time.format', 'timezone', x)),
    ),
  'time.parse': ([v]) => parseTime('time.parse', str('time.parse', 'value', v)),
};
