import { REPORT_CSS, REPORT_SCRIPT } from './app.js';
import type { ReportData } from './data.js';

// The report page. With data it is a self-contained file (no network: styles, script and data
// inline); without, it is the page `shipbench view` serves, which fetches /api.

function page(title: string, dataScript: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; connect-src 'self'">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>shipbench report</h1></header>
<nav><a href="#" data-view="leaderboard" class="on">Leaderboard</a><a href="#" data-view="heatmap">Heatmap</a><a href="#" data-view="trials">Trials</a><a href="#" data-view="tasks">Tasks</a><a href="#" data-view="markets">Markets</a></nav>
<main><p class="muted">loading…</p></main>
${dataScript}<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

// JSON safe inside <script>: no "</script>", no HTML comment openers, no line separators.
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function renderReport(data: ReportData): string {
  const run = data.summary.run;
  return page(run ? `shipbench · ${run.name}` : 'shipbench report', `<script type="application/json" id="data">${scriptJson(data)}</script>\n`);
}

export function viewerPage(): string {
  return page('shipbench view', '');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
