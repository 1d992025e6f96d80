/** The report's stylesheet, inlined so the file is self-contained. */
export const reportStyle = `
:root { color-scheme: light; --ink: #111827; --muted: #4b5563; --line: #e5e7eb; --bg: #f8fafc;
  --pass: #047857; --fail: #b91c1c; --warn: #b45309; --accent: #2563eb; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 64px; }
header { margin-bottom: 8px; }
.eyebrow { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; font-size: 12px; }
h1 { margin: 4px 0; font-size: 26px; display: flex; align-items: center; gap: 12px; }
h2 { margin: 0 0 12px; font-size: 18px; }
h3 { margin: 16px 0 8px; font-size: 15px; text-transform: capitalize; }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 16px 0; }
.meta { color: var(--muted); margin: 6px 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px;
  background: #f1f5f9; padding: 1px 4px; border-radius: 4px; }
.badge { font-size: 13px; font-weight: 600; padding: 3px 10px; border-radius: 999px; text-transform: uppercase;
  letter-spacing: .04em; }
.badge.succeeded { background: #d1fae5; color: var(--pass); }
.badge.rejected { background: #fef3c7; color: var(--warn); }
.badge.failed { background: #fee2e2; color: var(--fail); }
.callout { border-left: 4px solid; border-radius: 6px; padding: 10px 14px; }
.callout.pass { border-color: var(--pass); background: #ecfdf5; }
.callout.fail { border-color: var(--fail); background: #fef2f2; }
.callout p { margin: 6px 0 0; white-space: pre-wrap; }
.reasons { margin: 8px 0 0; padding-left: 20px; }
table { border-collapse: collapse; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
table.metrics td, table.per-label td { text-align: right; font-variant-numeric: tabular-nums; }
.gate-metric { background: #eff6ff; }
.tag { font-size: 10px; font-weight: 700; color: var(--accent); border: 1px solid var(--accent);
  border-radius: 4px; padding: 0 4px; margin-left: 4px; vertical-align: middle; }
td.up { color: var(--pass); font-weight: 600; }
td.down { color: var(--fail); font-weight: 600; }
.chart-frame { margin: 0; overflow-x: auto; }
.chart { max-width: 100%; height: auto; }
details { margin-top: 10px; }
summary { cursor: pointer; color: var(--accent); }
.scroll { overflow-x: auto; }
table.confusion { font-size: 12px; font-variant-numeric: tabular-nums; }
table.confusion td { width: 30px; min-width: 30px; text-align: center; border: 1px solid var(--line); padding: 3px 2px; }
table.confusion td.diag { outline: 1px solid #93c5fd; outline-offset: -1px; }
table.confusion tbody th { white-space: nowrap; font-weight: 500; border: 1px solid var(--line); }
table.confusion th.col { vertical-align: bottom; padding: 4px 2px; height: 150px; border-bottom: 1px solid var(--line); }
table.confusion th.col span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
  font-weight: 500; color: var(--ink); display: inline-block; }
table.confusion th.corner { vertical-align: bottom; font-weight: 500; white-space: nowrap; }
table.changed { width: 100%; }
table.changed td:first-child { width: 1%; }
table.changed td.input { color: var(--muted); font-size: 12.5px; width: 52%; }
table.side-by-side td { width: 25%; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 24em; overflow-y: auto; }
table.changed td.right { color: var(--pass); }
table.changed td.wrong { color: var(--fail); }
.pill { display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 8px; border-radius: 999px; white-space: nowrap; }
.pill.fixed { background: #d1fae5; color: var(--pass); }
.pill.broken, .pill.fail { background: #fee2e2; color: var(--fail); }
.pill.changed, .pill.warn { background: #fef3c7; color: var(--warn); }
.pill.ignore { background: #f1f5f9; color: var(--muted); }
.examples { margin: 4px 0 0; padding-left: 18px; color: var(--muted); font-size: 12.5px; }
.ok { color: var(--pass); font-weight: 600; }
table.config th { white-space: nowrap; width: 140px; }
.kv { display: inline-block; margin: 0 12px 2px 0; }
pre { background: #0f172a; color: #e2e8f0; padding: 12px 14px; border-radius: 8px; overflow-x: auto; font-size: 12px; }
`;
