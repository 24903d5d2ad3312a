// The report's page: CSS and a dependency-free script. The same page is the one-file report (data
// embedded in <script id="data">) and `shipbench view` (data fetched from /api page by page,
// polled while a run is in progress). Long lists are virtualised: only the rows in view exist.

export const REPORT_CSS = `
:root { --fg:#1d232b; --muted:#65707d; --line:#d9dee4; --bg:#fff; --soft:#f4f6f8; --accent:#2563eb; --bad:#c0392b; --good:#1e8449; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--fg); background:var(--bg); }
header { padding:14px 24px; border-bottom:1px solid var(--line); display:flex; gap:16px; align-items:baseline; flex-wrap:wrap; }
header h1 { font-size:18px; margin:0; }
header .meta { color:var(--muted); }
.live { color:var(--good); font-weight:600; }
nav { display:flex; gap:4px; padding:0 24px; border-bottom:1px solid var(--line); background:var(--soft); }
nav a { padding:8px 12px; text-decoration:none; color:var(--fg); border-bottom:2px solid transparent; }
nav a.on { border-color:var(--accent); color:var(--accent); }
main { padding:16px 24px; }
h2 { font-size:16px; margin:18px 0 8px; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:4px 8px; border-bottom:1px solid var(--line); white-space:nowrap; }
th { background:var(--soft); font-weight:600; cursor:pointer; user-select:none; position:sticky; top:0; }
th.sorted::after { content:" ▾"; } th.sorted.asc::after { content:" ▴"; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
.ci { color:var(--muted); font-size:12px; }
.heat { display:grid; gap:2px; align-items:center; }
.heat .cell { padding:3px 4px; text-align:center; font-size:12px; border-radius:3px; cursor:pointer; color:#111; }
.heat .label { font-size:12px; overflow:hidden; text-overflow:ellipsis; white-space:nowrap; }
.vlist { position:relative; overflow:auto; border:1px solid var(--line); }
.vlist .row { position:absolute; left:0; right:0; display:grid; column-gap:12px; align-items:center; padding:0 8px; border-bottom:1px solid var(--line); cursor:pointer; white-space:nowrap; }
.vlist .row:hover { background:var(--soft); }
.vlist .head { position:sticky; top:0; z-index:1; background:var(--soft); font-weight:600; display:grid; column-gap:12px; align-items:center; padding:0 8px; border-bottom:1px solid var(--line); }
.vlist .head span { cursor:pointer; }
.vlist span { overflow:hidden; text-overflow:ellipsis; }
.panel { border:1px solid var(--line); border-radius:6px; padding:12px 16px; margin-top:12px; }
.tabs { display:flex; gap:8px; margin:8px 0; }
.tabs button { border:1px solid var(--line); background:var(--soft); padding:4px 10px; border-radius:4px; cursor:pointer; }
.tabs button.on { background:var(--accent); color:#fff; border-color:var(--accent); }
pre.cmd { background:#eef3fb; max-height:160px; }
pre { background:var(--soft); padding:8px; overflow:auto; max-height:420px; margin:4px 0; font-size:12px; }
pre .add { color:var(--good); } pre .del { color:var(--bad); } pre .hunk { color:var(--accent); }
.case { border-bottom:1px solid var(--line); padding:4px 0; }
.case > div { cursor:pointer; }
.tag { display:inline-block; background:var(--soft); border:1px solid var(--line); border-radius:3px; padding:0 4px; margin-right:3px; font-size:12px; }
.bad { color:var(--bad); } .good { color:var(--good); } .muted { color:var(--muted); }
.event { border-left:3px solid var(--line); padding:2px 8px; margin:6px 0; }
.event.command { border-color:var(--accent); } .event.broker { border-color:#8e44ad; } .event.message { border-color:#95a5a6; } .event.end { border-color:var(--good); } .event.sprint { border-color:#e67e22; background:#fff7ee; } .task-link { cursor:pointer; text-decoration:underline dotted; }
.charts { display:grid; grid-template-columns:repeat(auto-fit, minmax(420px, 1fr)); gap:12px; }
.chart { border:1px solid var(--line); border-radius:6px; padding:8px; }
.chart h3 { font-size:13px; margin:0 0 4px; }
svg text { font-size:10px; fill:var(--muted); }
.note { color:var(--muted); font-size:12px; margin-top:16px; }
input.filter { padding:4px 8px; margin:4px 0 8px; width:280px; }
`;

export const REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  const $ = (sel, root) => (root || document).querySelector(sel);
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const pct = (x) => (x == null ? '-' : (x * 100).toFixed(1) + '%');
  const usd = (x) => (x == null ? '-' : (x < 0 ? '-' : '') + '$' + Math.abs(x).toLocaleString('en-US', { maximumFractionDigits: Math.abs(x) < 1 ? 4 : Math.abs(x) < 100 ? 2 : 0 }));
  const num = (x) => (x == null ? '-' : Number(x).toLocaleString('en-US'));

  // Data: embedded (one file) or served (view).
  const embedded = document.getElementById('data');
  const data = embedded ? JSON.parse(embedded.textContent) : null;
  const api = (path) => fetch(path).then((r) => (r.ok ? r.json() : null));
  const source = data
    ? {
        summary: async () => data.summary,
        trial: async (id) => data.trials[id] || null,
        trajectory: async (id) => data.trajectories[id] || null,
        market: async (id) => data.markets[id] || null,
        task: async (id) => data.tasks[id] || null,
        canPage: false,
      }
    : {
        summary: () => api('/api/summary'),
        trial: (id, offset) => api('/api/trials/' + encodeURIComponent(id) + '?offset=' + (offset || 0) + '&limit=100'),
        trajectory: (id, offset) => api('/api/trials/' + encodeURIComponent(id) + '/trajectory?offset=' + (offset || 0) + '&limit=200'),
        market: (id) => api('/api/markets/' + encodeURIComponent(id)),
        task: (id) => api('/api/tasks/' + encodeURIComponent(id)),
        canPage: true,
      };

  let summary = null;
  const state = { view: 'leaderboard', trialSort: { key: 'ordinal', asc: true }, lbSort: null, filter: '', open: null };

  // A sortable table; columns: { key, label, num, html(row), value(row) }.
  function sortable(id, columns, rows, sort, onSort, rowAttrs) {
    const sorted = rows.slice();
    if (sort) {
      const col = columns.find((c) => c.key === sort.key);
      sorted.sort((a, b) => {
        const x = col.value(a), y = col.value(b);
        const d = x == null ? -1 : y == null ? 1 : typeof x === 'string' ? x.localeCompare(y) : x - y;
        return sort.asc ? d : -d;
      });
    }
    const head = columns.map((c) => '<th data-key="' + c.key + '" class="' + (c.num ? 'num ' : '') + (sort && sort.key === c.key ? 'sorted' + (sort.asc ? ' asc' : '') : '') + '">' + esc(c.label) + '</th>').join('');
    const body = sorted.map((r) => '<tr ' + (rowAttrs ? rowAttrs(r) : '') + '>' + columns.map((c) => '<td data-col="' + c.key + '" class="' + (c.num ? 'num' : '') + '">' + c.html(r) + '</td>').join('') + '</tr>').join('');
    const el = document.createElement('div');
    el.innerHTML = '<table id="' + id + '"><thead><tr>' + head + '</tr></thead><tbody>' + body + '</tbody></table>';
    el.querySelectorAll('th').forEach((th) => th.addEventListener('click', () => onSort(th.dataset.key)));
    return el;
  }

  // A virtualised list: a fixed row height, only the visible rows in the DOM.
  function vlist(columns, rows, opts) {
    const rowH = 28, height = Math.min(opts.height || 480, rowH * (rows.length + 1) + 2);
    const grid = columns.map((c) => c.width || '1fr').join(' ');
    const wrap = document.createElement('div');
    wrap.className = 'vlist';
    wrap.style.height = height + 'px';
    wrap.dataset.rows = rows.length;
    const head = document.createElement('div');
    head.className = 'head';
    head.style.gridTemplateColumns = grid;
    head.style.height = rowH + 'px';
    head.innerHTML = columns.map((c) => '<span data-key="' + c.key + '" style="' + (c.num ? 'text-align:right' : '') + '">' + esc(c.label) + (opts.sort && opts.sort.key === c.key ? (opts.sort.asc ? ' ▴' : ' ▾') : '') + '</span>').join('');
    head.querySelectorAll('span').forEach((s) => s.addEventListener('click', () => opts.onSort && opts.onSort(s.dataset.key)));
    const space = document.createElement('div');
    space.style.height = rowH * rows.length + 'px';
    space.style.position = 'relative';
    wrap.append(head, space);
    let drawn = '';
    function draw() {
      const first = Math.max(0, Math.floor(wrap.scrollTop / rowH) - 10);
      const last = Math.min(rows.length, Math.ceil((wrap.scrollTop + height) / rowH) + 10);
      const key = first + ':' + last;
      if (key === drawn) return;
      drawn = key;
      let html = '';
      for (let i = first; i < last; i++) {
        const r = rows[i];
        html += '<div class="row" data-index="' + i + '" ' + (opts.attrs ? opts.attrs(r) : '') + ' style="top:' + i * rowH + 'px;height:' + rowH + 'px;grid-template-columns:' + grid + '">' + columns.map((c) => '<span style="' + (c.num ? 'text-align:right' : '') + '">' + c.html(r) + '</span>').join('') + '</div>';
      }
      space.innerHTML = html;
    }
    wrap.addEventListener('scroll', draw);
    space.addEventListener('click', (e) => {
      const row = e.target.closest('.row');
      if (row && opts.onClick) opts.onClick(rows[Number(row.dataset.index)]);
    });
    requestAnimationFrame(draw);
    draw();
    return wrap;
  }

  // A line chart: series [{ name, color, values }], x = day 1..n.
  function lineChart(title, series, fmt, testid) {
    const W = 460, H = 180, L = 56, R = 8, T = 10, B = 22;
    const n = Math.max(1, ...series.map((s) => s.values.length));
    const all = series.flatMap((s) => s.values);
    const max = Math.max(0, ...all), min = Math.min(0, ...all);
    const span = max - min || 1;
    const x = (i) => L + (n === 1 ? 0 : (i / (n - 1)) * (W - L - R));
    const y = (v) => T + (1 - (v - min) / span) * (H - T - B);
    let svg = '<svg viewBox="0 0 ' + W + ' ' + H + '" width="100%" role="img" aria-label="' + esc(title) + '">';
    for (const v of [min, min + span / 2, max]) svg += '<line x1="' + L + '" x2="' + (W - R) + '" y1="' + y(v) + '" y2="' + y(v) + '" stroke="#e5e8eb"/><text x="' + (L - 4) + '" y="' + (y(v) + 3) + '" text-anchor="end">' + esc(fmt(v)) + '</text>';
    svg += '<text x="' + L + '" y="' + (H - 6) + '">day 1</text><text x="' + (W - R) + '" y="' + (H - 6) + '" text-anchor="end">day ' + n + '</text>';
    for (const s of series) {
      const pts = s.values.map((v, i) => x(i).toFixed(1) + ',' + y(v).toFixed(1)).join(' ');
      svg += '<polyline fill="none" stroke="' + s.color + '" stroke-width="1.6" points="' + pts + '"><title>' + esc(s.name) + '</title></polyline>';
    }
    svg += '</svg>';
    const legend = series.map((s) => '<span class="tag" style="border-color:' + s.color + '">' + esc(s.name) + ': ' + esc(fmt(s.values[s.values.length - 1] || 0)) + '</span>').join('');
    return '<div class="chart" data-testid="' + testid + '"><h3>' + esc(title) + '</h3>' + svg + '<div>' + legend + '</div></div>';
  }

  function barChart(title, entries, testid) {
    const max = Math.max(1, ...entries.map((e) => e[1]));
    const rows = entries.map((e) => '<div class="bar" data-class="' + esc(e[0]) + '" style="display:grid;grid-template-columns:160px 1fr 60px;gap:6px;align-items:center"><span>' + esc(e[0]) + '</span><span style="background:#e67e22;height:12px;width:' + (100 * e[1] / max).toFixed(1) + '%"></span><span class="num">' + num(e[1]) + '</span></div>').join('');
    return '<div class="chart" data-testid="' + testid + '"><h3>' + esc(title) + '</h3>' + (rows || '<span class="muted">no tickets</span>') + '</div>';
  }

  function diffHtml(diff) {
    return esc(diff || '(no diff)').split('\n').map((l) => (l.startsWith('+') ? '<span class="add">' + l + '</span>' : l.startsWith('-') ? '<span class="del">' + l + '</span>' : l.startsWith('@@') ? '<span class="hunk">' + l + '</span>' : l)).join('\n');
  }

  // Views.
  function renderLeaderboard(main) {
    const rows = summary.leaderboard;
    if (!rows.length) { main.innerHTML += '<p class="muted">No finished trials yet.</p>'; return; }
    if (summary.marketLeaderboard.length) renderMarketLeaderboard(main);
    const ks = Object.keys(rows[0].passAtK).map(Number);
    const ci = (iv) => pct(iv.value) + ' <span class="ci">[' + pct(iv.low) + '–' + pct(iv.high) + ']</span>';
    const cols = [
      { key: 'agent', label: 'agent', html: (r) => esc(r.agent), value: (r) => r.agent },
      { key: 'tasks', label: 'tasks', num: true, html: (r) => r.tasks, value: (r) => r.tasks },
      { key: 'attempts', label: 'trials', num: true, html: (r) => r.attempts, value: (r) => r.attempts },
      { key: 'resolved', label: 'resolved', num: true, html: (r) => ci(r.resolved), value: (r) => r.resolved.value },
      { key: 'almost', label: 'almost (≥95%)', num: true, html: (r) => ci(r.almostResolved), value: (r) => r.almostResolved.value },
      { key: 'mean', label: 'mean pass rate', num: true, html: (r) => ci(r.meanScore), value: (r) => r.meanScore.value },
      { key: 'aside', label: 'diagnostics aside', num: true, html: (r) => r.meanScoreAside ? pct(r.meanScoreAside.value) : '-', value: (r) => (r.meanScoreAside ? r.meanScoreAside.value : 0) },
      ...ks.map((k) => ({ key: 'pass@' + k, label: 'pass@' + k, num: true, html: (r) => pct(r.passAtK[k].value), value: (r) => r.passAtK[k].value })),
      ...ks.map((k) => ({ key: 'pass^' + k, label: 'pass^' + k, num: true, html: (r) => pct(r.passHatK[k].value), value: (r) => r.passHatK[k].value })),
      { key: 'cost', label: '$/task', num: true, html: (r) => usd(r.costPerTask), value: (r) => r.costPerTask },
      { key: 'steps', label: 'steps/task', num: true, html: (r) => (r.stepsPerTask == null ? '-' : r.stepsPerTask.toFixed(1)), value: (r) => r.stepsPerTask },
    ];
    main.insertAdjacentHTML('beforeend', summary.marketLeaderboard.length ? '<h2>Behaviour of the last builds</h2>' : '<h2>Leaderboard</h2>');
    main.append(sortable('leaderboard', cols, rows, state.lbSort, (key) => { state.lbSort = { key, asc: state.lbSort && state.lbSort.key === key ? !state.lbSort.asc : false }; render(); }, (r) => 'data-agent="' + esc(r.agent) + '"'));
    main.insertAdjacentHTML('beforeend', '<p class="note">resolved = 100% of the suite, almost = at least 95%; [low–high] is a 95% bootstrap interval over tasks. Click a column to sort.</p>');
  }

  function renderMarketLeaderboard(main) {
    const ci = (iv) => usd(iv.value) + (iv.low === iv.high ? '' : ' <span class="ci">[' + usd(iv.low) + '–' + usd(iv.high) + ']</span>');
    const cols = [
      { key: 'agent', label: 'agent', html: (r) => esc(r.agent), value: (r) => r.agent },
      { key: 'tasks', label: 'tasks', num: true, html: (r) => r.tasks, value: (r) => r.tasks },
      { key: 'attempts', label: 'trials', num: true, html: (r) => r.attempts, value: (r) => r.attempts },
      { key: 'worlds', label: 'worlds', num: true, html: (r) => r.worlds, value: (r) => r.worlds },
      { key: 'arr', label: 'ARR at the end', num: true, html: (r) => ci(r.arr), value: (r) => r.arr.value },
      { key: 'arrOverWorlds', label: 'over worlds', num: true, html: (r) => (r.arrOverWorlds.low === r.arrOverWorlds.high ? '–' : '<span class="ci">[' + usd(r.arrOverWorlds.low) + '–' + usd(r.arrOverWorlds.high) + ']</span>'), value: (r) => r.arrOverWorlds.high - r.arrOverWorlds.low },
      { key: 'arrMin', label: 'lowest ARR', num: true, html: (r) => usd(r.arrMin), value: (r) => r.arrMin },
      { key: 'balance', label: 'bank balance', num: true, html: (r) => ci(r.balance), value: (r) => r.balance.value },
      { key: 'insolvent', label: 'insolvent', num: true, html: (r) => r.insolvent + '/' + r.attempts * r.worlds + (r.firstInsolventDay === null ? '' : ', day ' + r.firstInsolventDay), value: (r) => r.insolvent },
      { key: 'flagged', label: 'hard-coding flags', num: true, html: (r) => (r.flagged ? '<span class="bad">' + r.flagged + '</span>' : '0'), value: (r) => r.flagged },
    ];
    main.insertAdjacentHTML('beforeend', '<h2>Market leaderboard</h2>');
    main.append(sortable('market-leaderboard', cols, summary.marketLeaderboard, state.mlbSort, (key) => { state.mlbSort = { key, asc: state.mlbSort && state.mlbSort.key === key ? !state.mlbSort.asc : false }; render(); }, (r) => 'data-agent="' + esc(r.agent) + '"'));
    main.insertAdjacentHTML('beforeend', '<p class="note">Each agent shipped its builds to the same simulated customers (same seeds). ARR is the mean over tasks, attempts and worlds; [low–high] beside it is a 95% bootstrap interval over tasks, "over worlds" a 95% t interval over the worlds (seeds) each build was scored in; insolvent counts attempt-worlds and the earliest day.</p>');
  }

  function renderHeatmap(main) {
    const agents = [...new Set(summary.heatmap.map((c) => c.agent))];
    const tasks = [...new Set(summary.heatmap.map((c) => c.task))].sort();
    main.insertAdjacentHTML('beforeend', '<h2>Pass rate: agents × tasks</h2>');
    if (!tasks.length) { main.insertAdjacentHTML('beforeend', '<p class="muted">No finished trials yet.</p>'); return; }
    const cell = new Map(summary.heatmap.map((c) => [c.agent + '\0' + c.task, c]));
    let html = '<div class="heat" id="heatmap" style="grid-template-columns:minmax(90px,160px) repeat(' + agents.length + ', minmax(70px,1fr))"><span></span>' + agents.map((a) => '<span class="label" title="' + esc(a) + '"><b>' + esc(a) + '</b></span>').join('');
    for (const t of tasks) {
      html += '<span class="label task-link" data-open-task="' + esc(t) + '" title="open ' + esc(t) + '">' + esc(t) + '</span>';
      for (const a of agents) {
        const c = cell.get(a + '\0' + t);
        html += c ? '<span class="cell" data-agent="' + esc(a) + '" data-task="' + esc(t) + '" style="background:hsl(' + Math.round(c.meanScore * 120) + ',70%,72%)" title="' + esc(a + ' on ' + t + ': ' + pct(c.meanScore) + ' mean over ' + c.attempts + ' attempts, ' + c.resolved + ' resolved') + '">' + pct(c.meanScore) + '</span>' : '<span class="cell muted">-</span>';
      }
    }
    html += '</div>';
    main.insertAdjacentHTML('beforeend', html);
    main.querySelectorAll('#heatmap .cell[data-task]').forEach((el) => el.addEventListener('click', () => { state.filter = el.dataset.agent + ' ' + el.dataset.task; state.view = 'trials'; render(); }));
    main.querySelectorAll('#heatmap [data-open-task]').forEach((el) => el.addEventListener('click', () => openTask(el.dataset.openTask)));
  }

  function renderTrials(main) {
    main.insertAdjacentHTML('beforeend', '<h2>Trials</h2><input class="filter" id="trial-filter" placeholder="filter: task or agent words" value="' + esc(state.filter) + '">');
    const words = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
    let rows = summary.trials.filter((t) => words.every((w) => (t.task + ' ' + t.agent + ' ' + t.status).toLowerCase().includes(w)));
    const cols = [
      { key: 'ordinal', label: '#', width: '50px', num: true, html: (t) => t.ordinal, value: (t) => t.ordinal },
      { key: 'task', label: 'task', width: '1.2fr', html: (t) => esc(t.task), value: (t) => t.task },
      { key: 'agent', label: 'agent', width: '1.4fr', html: (t) => esc(t.agent), value: (t) => t.agent },
      { key: 'attempt', label: 'attempt', width: '64px', num: true, html: (t) => t.attempt, value: (t) => t.attempt },
      { key: 'status', label: 'status', width: '90px', html: (t) => esc(t.status), value: (t) => t.status },
      { key: 'score', label: 'score', width: '70px', num: true, html: (t) => (t.score == null ? '-' : '<span class="' + (t.resolved ? 'good' : '') + '">' + pct(t.score) + '</span>'), value: (t) => t.score },
      { key: 'cases', label: 'cases', width: '90px', num: true, html: (t) => (t.total == null ? '-' : t.passed + '/' + t.total), value: (t) => t.passed },
      { key: 'steps', label: 'steps', width: '60px', num: true, html: (t) => num(t.steps), value: (t) => t.steps },
      { key: 'cost', label: 'cost', width: '70px', num: true, html: (t) => usd(t.costUsd), value: (t) => t.costUsd },
      ...(summary.trials.some((t) => t.arr != null) ? [{ key: 'arr', label: 'ARR', width: '90px', num: true, html: (t) => (t.arr == null ? '-' : usd(t.arr)), value: (t) => t.arr }] : []),
      { key: 'broker', label: 'probes', width: '60px', num: true, html: (t) => num(t.brokerCalls), value: (t) => t.brokerCalls },
    ];
    const s = state.trialSort;
    const col = cols.find((c) => c.key === s.key);
    rows = rows.slice().sort((a, b) => { const x = col.value(a), y = col.value(b); const d = x == null ? -1 : y == null ? 1 : typeof x === 'string' ? x.localeCompare(y) : x - y; return s.asc ? d : -d; });
    const list = vlist(cols, rows, { sort: s, onSort: (key) => { state.trialSort = { key, asc: s.key === key ? !s.asc : true }; render(); }, onClick: (t) => openTrial(t.id), attrs: (t) => 'data-trial="' + esc(t.id) + '"' });
    list.id = 'trials';
    main.append(list);
    const input = $('#trial-filter', main);
    input.addEventListener('input', () => { state.filter = input.value; const pos = input.selectionStart; render(); const again = $('#trial-filter'); again.focus(); again.setSelectionRange(pos, pos); });
  }

  function renderTasks(main) {
    main.insertAdjacentHTML('beforeend', '<h2>Tasks</h2>');
    const byTask = new Map();
    for (const c of summary.heatmap) {
      const t = byTask.get(c.task) || { task: c.task, agents: 0, attempts: 0, sum: 0, resolved: 0 };
      t.agents++; t.attempts += c.attempts; t.sum += c.meanScore * c.attempts; t.resolved += c.resolved;
      byTask.set(c.task, t);
    }
    const rows = [...byTask.values()].map((t) => ({ ...t, mean: t.attempts ? t.sum / t.attempts : 0 }));
    if (!rows.length) { main.insertAdjacentHTML('beforeend', '<p class="muted">No finished trials yet.</p>'); return; }
    const cols = [
      { key: 'task', label: 'task', html: (t) => esc(t.task), value: (t) => t.task },
      { key: 'agents', label: 'agents', num: true, html: (t) => t.agents, value: (t) => t.agents },
      { key: 'attempts', label: 'trials', num: true, html: (t) => t.attempts, value: (t) => t.attempts },
      { key: 'mean', label: 'mean pass rate', num: true, html: (t) => pct(t.mean), value: (t) => t.mean },
      { key: 'resolved', label: 'resolved trials', num: true, html: (t) => t.resolved, value: (t) => t.resolved },
    ];
    main.append(sortable('tasks', cols, rows, state.taskSort || { key: 'mean', asc: true }, (key) => { state.taskSort = { key, asc: state.taskSort && state.taskSort.key === key ? !state.taskSort.asc : true }; render(); }, (t) => 'data-open-task="' + esc(t.task) + '" style="cursor:pointer"'));
    main.querySelectorAll('#tasks tr[data-open-task]').forEach((tr) => tr.addEventListener('click', () => openTask(tr.dataset.openTask)));
  }

  async function openTask(id) {
    state.open = { kind: 'task', id };
    location.hash = 'task=' + encodeURIComponent(id);
    const panel = $('#panel');
    panel.innerHTML = '<div class="panel" data-testid="task-panel"><b>' + esc(id) + '</b><div id="tab"></div></div>';
    const box = $('#tab', panel);
    const d = await source.task(id);
    if (!d) { box.innerHTML = '<p class="muted">No finished trial of this task.</p>'; return; }
    const agents = d.agents.map((a) => a.agent);
    let html = '<table id="task-agents"><thead><tr><th>agent</th><th class="num">trials</th><th class="num">mean</th><th class="num">best</th><th class="num">resolved</th></tr></thead><tbody>' +
      d.agents.map((a) => '<tr data-agent="' + esc(a.agent) + '"><td>' + esc(a.agent) + '</td><td class="num">' + a.attempts + '</td><td class="num" data-col="mean">' + pct(a.meanScore) + '</td><td class="num">' + pct(a.bestScore) + '</td><td class="num">' + a.resolved + '</td></tr>').join('') + '</tbody></table>';
    html += '<h3>Features some trial fails</h3>';
    html += d.features.length
      ? '<table id="task-features"><thead><tr><th>feature</th>' + agents.map((a) => '<th class="num">' + esc(a) + '</th>').join('') + '</tr></thead><tbody>' +
        d.features.map((f) => '<tr data-feature="' + esc(f.feature) + '"><td>' + esc(f.feature) + '</td>' + agents.map((a) => { const v = f.byAgent[a]; return v ? '<td class="num" data-agent="' + esc(a) + '" style="background:hsl(' + Math.round((v.passed / v.total) * 120) + ',70%,85%)">' + v.passed + '/' + v.total + '</td>' : '<td class="num muted">-</td>'; }).join('') + '</tr>').join('') + '</tbody></table>'
      : '<p class="muted">Every graded trial passes every feature.</p>';
    html += '<h3>Cases failed most often</h3>';
    html += d.hardest.length
      ? '<table id="task-cases"><thead><tr><th>case</th><th class="num">failed by</th><th>features</th></tr></thead><tbody>' + d.hardest.map((c) => '<tr data-case="' + esc(c.id) + '"><td><code>' + esc(c.id) + '</code></td><td class="num">' + c.failedIn + ' of ' + d.gradedTrials + '</td><td>' + c.features.map((f) => '<span class="tag">' + esc(f) + '</span>').join('') + '</td></tr>').join('') + '</tbody></table>'
      : '<p class="muted">No case fails.</p>';
    box.innerHTML = html;
    panel.scrollIntoView({ block: 'nearest' });
  }

  function renderMarkets(main) {
    main.insertAdjacentHTML('beforeend', '<h2>Markets</h2>');
    if (!summary.markets.length) { main.insertAdjacentHTML('beforeend', '<p class="muted">No market results yet: shipbench market --task wordcount &lt;submission&gt;.</p>'); return; }
    const cols = [
      { key: 'task', label: 'task', html: (m) => esc(m.task), value: (m) => m.task },
      { key: 'product', label: 'product', html: (m) => esc(m.product), value: (m) => m.product },
      { key: 'arr', label: 'ARR', num: true, html: (m) => usd(m.summary.arr), value: (m) => m.summary.arr },
      { key: 'balance', label: 'bank balance', num: true, html: (m) => usd(m.summary.balance), value: (m) => m.summary.balance },
      { key: 'paying', label: 'paying', num: true, html: (m) => m.summary.customers.paying, value: (m) => m.summary.customers.paying },
      { key: 'churn', label: 'logo churn/mo', num: true, html: (m) => pct(m.summary.monthlyLogoChurn), value: (m) => m.summary.monthlyLogoChurn },
      { key: 'seed', label: 'seed', num: true, html: (m) => m.seed, value: (m) => m.seed },
    ];
    main.append(sortable('markets', cols, summary.markets, state.mkSort, (key) => { state.mkSort = { key, asc: state.mkSort && state.mkSort.key === key ? !state.mkSort.asc : false }; render(); }, (m) => 'data-market="' + esc(m.id) + '" style="cursor:pointer"'));
    main.querySelectorAll('#markets tr[data-market]').forEach((tr) => tr.addEventListener('click', () => openMarket(tr.dataset.market)));
  }

  async function openTrial(id, tab) {
    state.open = { kind: 'trial', id, tab: tab || 'cases' };
    location.hash = 'trial=' + encodeURIComponent(id) + '&tab=' + state.open.tab;
    const t = summary.trials.find((x) => x.id === id);
    const panel = $('#panel');
    panel.innerHTML = '<div class="panel" data-testid="trial-panel"><b>Trial ' + esc(t ? t.ordinal : id) + '</b>: ' + esc(t ? t.agent + ' on ' + t.task + ', attempt ' + t.attempt : '') + (t && t.score != null ? ' — ' + pct(t.score) + ' (' + t.passed + '/' + t.total + ' cases)' : '') + (t && t.exitStatus ? ' · ' + esc(t.exitStatus) : '') + (t && t.error ? '<div class="bad">' + esc(t.error) + '</div>' : '') +
      '<div class="tabs"><button data-tab="cases">failing cases</button><button data-tab="trajectory">trajectory</button>' + (t && t.marketId ? '<button data-tab="market">market</button>' : '') + '</div><div id="tab"></div></div>';
    panel.querySelectorAll('.tabs button').forEach((b) => { b.classList.toggle('on', b.dataset.tab === state.open.tab); b.addEventListener('click', () => openTrial(id, b.dataset.tab)); });
    const box = $('#tab', panel);
    if (state.open.tab === 'cases') await showCases(box, id, 0);
    else if (state.open.tab === 'trajectory') await showTrajectory(box, id, 0);
    else if (t && t.marketId) await showMarket(box, t.marketId);
    panel.scrollIntoView({ block: 'nearest' });
  }

  function caseHtml(c) {
    return '<div class="case" data-case="' + esc(c.id) + '"><div><b>' + esc(c.id) + '</b> <span class="bad">' + esc(c.failures.join(', ')) + '</span> ' + c.features.map((f) => '<span class="tag">' + esc(f) + '</span>').join('') + '</div><pre class="diff" hidden>' + diffHtml(c.diff) + '</pre></div>';
  }

  async function showCases(box, id, offset) {
    const d = await source.trial(id, offset);
    if (!d) { box.innerHTML = '<p class="muted">No grade for this trial.</p>'; return; }
    let html = '';
    if (d.build && d.build.status === 'failed') html += '<div class="bad">build failed: ' + esc(d.build.message) + '</div>' + (d.build.logTail ? '<pre>' + esc(d.build.logTail) + '</pre>' : '');
    if (d.features.length) html += '<h3>Failed features</h3><table id="features"><thead><tr><th>feature</th><th class="num">passed</th><th class="num">cases</th></tr></thead><tbody>' + d.features.map((f) => '<tr><td>' + esc(f.feature) + '</td><td class="num">' + f.passed + '</td><td class="num">' + f.total + '</td></tr>').join('') + '</tbody></table>';
    html += '<h3>Failing cases (' + d.failingTotal + ')</h3><div id="cases">' + d.failing.map(caseHtml).join('') + '</div>';
    const shown = d.offset + d.failing.length;
    if (shown < d.failingTotal) html += source.canPage ? '<button id="more-cases">show more (' + (d.failingTotal - shown) + ' left)</button>' : '<p class="note">' + (d.failingTotal - shown) + ' more failing cases: shipbench view shows them all.</p>';
    if (offset === 0) box.innerHTML = html;
    else { $('#more-cases', box).remove(); $('#cases', box).insertAdjacentHTML('beforeend', d.failing.map(caseHtml).join('')); if (shown < d.failingTotal) box.insertAdjacentHTML('beforeend', '<button id="more-cases">show more (' + (d.failingTotal - shown) + ' left)</button>'); }
    box.querySelectorAll('.case > div').forEach((head) => { if (!head.dataset.bound) { head.dataset.bound = '1'; head.addEventListener('click', () => { const pre = head.nextElementSibling; pre.hidden = !pre.hidden; }); } });
    const more = $('#more-cases', box);
    if (more) more.addEventListener('click', () => showCases(box, id, shown));
  }

  async function showTrajectory(box, id, offset) {
    const p = await source.trajectory(id, offset);
    if (!p) { box.innerHTML = '<p class="muted">No trajectory for this trial.</p>'; return; }
    let tokens = 0, cost = 0;
    const tok = [], usdSeries = [];
    for (const e of p.events) if (e.type === 'message' && e.usage) { tokens += e.usage.inputTokens + e.usage.outputTokens; cost += e.usage.costUsd; tok.push(tokens); usdSeries.push(cost); }
    let html = offset === 0 && tok.length ? '<div class="charts">' + lineChart('Tokens over model calls', [{ name: 'tokens', color: '#2563eb', values: tok }], (v) => num(Math.round(v)), 'tokens-chart').replace(/day /g, 'call ') + lineChart('Cost over model calls', [{ name: 'USD', color: '#c0392b', values: usdSeries }], (v) => usd(v), 'cost-chart').replace(/day /g, 'call ') + '</div>' : '';
    html += '<div id="events">' + p.events.map(eventHtml).join('') + '</div>';
    const shown = p.offset + p.events.length;
    if (shown < p.total) html += source.canPage ? '<button id="more-events">show more (' + (p.total - shown) + ' left)</button>' : '<p class="note">' + (p.total - shown) + ' more events: shipbench view shows them all.</p>';
    if (offset === 0) box.innerHTML = '<p>' + p.total + ' events</p>' + html;
    else { $('#more-events', box).remove(); box.insertAdjacentHTML('beforeend', html); }
    const more = $('#more-events', box);
    if (more) more.addEventListener('click', () => showTrajectory(box, id, shown));
  }

  function eventHtml(e) {
    switch (e.type) {
      case 'start': return '<div class="event"><b>start</b> ' + esc(e.agent) + ' on ' + esc(e.task) + ' (' + esc(e.policy) + ')<pre>' + esc(e.instruction) + '</pre></div>';
      case 'message': return '<div class="event message"><b>' + esc(e.role) + '</b>' + (e.usage ? ' <span class="muted">' + num(e.usage.inputTokens) + ' in / ' + num(e.usage.outputTokens) + ' out, ' + usd(e.usage.costUsd) + '</span>' : '') + '<pre>' + esc(e.content) + '</pre></div>';
      case 'command': return '<div class="event command" data-step="' + e.step + '"><b>step ' + e.step + '</b> <code>' + esc(e.command) + '</code> <span class="' + (e.exitCode === 0 ? 'good' : 'bad') + '">exit ' + esc(e.exitCode == null ? e.endedBy : e.exitCode) + '</span> <span class="muted">' + Math.round(e.wallMs) + ' ms</span><pre>' + esc(e.output) + '</pre></div>';
      case 'broker': return '<div class="event broker"><b>reference call ' + e.seq + '</b> <code>' + esc(e.argv.join(' ')) + '</code> → ' + e.status + ' <span class="muted">' + Math.round(e.wallMs) + ' ms, ' + e.stdoutBytes + ' bytes out</span></div>';
      case 'network': return '<div class="event"><b>network</b> ' + esc(e.target) + ' ' + (e.allowed ? 'allowed' : '<span class="bad">refused</span>') + '</div>';
      case 'note': return '<div class="event"><b>note</b> ' + esc(e.text) + '</div>';
      case 'sprint': return '<div class="event sprint" data-sprint="' + e.sprint + '"><b>sprint ' + e.sprint + '</b> from day ' + e.day + '<pre>' + esc(e.text) + '</pre></div>';
      case 'end': return '<div class="event end"><b>end</b>: ' + esc(e.exitStatus) + ' after ' + e.steps + ' steps, ' + num(e.usage.inputTokens + e.usage.outputTokens) + ' tokens, ' + usd(e.usage.costUsd) + (e.message ? ' — ' + esc(e.message) : '') + '</div>';
      default: return '';
    }
  }

  async function openMarket(id) {
    state.open = { kind: 'market', id };
    location.hash = 'market=' + encodeURIComponent(id);
    const panel = $('#panel');
    panel.innerHTML = '<div class="panel" data-testid="market-panel"><div id="tab"></div></div>';
    await showMarket($('#tab', panel), id);
    panel.scrollIntoView({ block: 'nearest' });
  }

  async function showMarket(box, id) {
    const m = await source.market(id);
    if (!m) { box.innerHTML = '<p class="muted">No market data.</p>'; return; }
    const d = m.days, s = m.summary;
    const classes = {};
    for (const day of d) for (const [k, v] of Object.entries(day.ticketsOpened)) classes[k] = (classes[k] || 0) + v;
    let html = '<p><b>' + esc(m.task) + '</b> market of ' + esc(m.product) + ' (seed ' + m.seed + ', ' + m.customers + ' customers' + (m.brief ? ', ' + esc(m.brief) + ' brief' : '') + '): ARR <b data-testid="market-arr">' + usd(s.arr) + '</b>, bank balance ' + usd(s.balance) + ', monthly logo churn ' + pct(s.monthlyLogoChurn) + ', net revenue retention ' + pct(s.netRevenueRetention) + '</p>';
    const w = m.worlds;
    if (w && w.seeds.length > 1) {
      const mean = w.arr.reduce((a, b) => a + b, 0) / w.arr.length;
      const insolvent = w.insolventDay.filter((x) => x != null);
      html += '<p data-testid="market-worlds">Over ' + w.seeds.length + ' worlds (seeds ' + w.seeds[0] + '–' + w.seeds[w.seeds.length - 1] + '; the charts show the first, the others replay its builds and prices): mean ARR ' + usd(mean) + ', lowest ' + usd(Math.min(...w.arr)) + ', highest ' + usd(Math.max(...w.arr)) + ', insolvent in ' + insolvent.length + (insolvent.length ? ' (first on day ' + Math.min(...insolvent) + ')' : '') + '.</p>';
    }
    html += '<div class="charts">';
    html += lineChart('MRR and ARR by day', [{ name: 'MRR', color: '#2563eb', values: d.map((x) => x.mrr) }, { name: 'ARR', color: '#1e8449', values: d.map((x) => 12 * x.mrr) }], usd, 'chart-mrr');
    html += lineChart('Customers by day', [{ name: 'trial', color: '#f39c12', values: d.map((x) => x.trial) }, { name: 'paying', color: '#1e8449', values: d.map((x) => x.paying) }, { name: 'churned', color: '#c0392b', values: d.map((x) => x.churned) }], (v) => num(Math.round(v)), 'chart-customers');
    html += barChart('Tickets by failure class', Object.entries(classes).sort((a, b) => b[1] - a[1]), 'chart-tickets');
    html += lineChart('Bank balance', [{ name: 'balance', color: '#8e44ad', values: d.map((x) => x.balance) }], usd, 'chart-balance');
    html += '</div><h3>Tickets</h3><table id="tickets"><thead><tr><th>class</th><th class="num">tickets</th><th>job</th><th>first day</th></tr></thead><tbody>' + m.tickets.slice(0, 50).map((t) => '<tr><td>' + esc(t.class) + '</td><td class="num">' + t.tickets + '</td><td><code>' + esc((t.input.argv || []).join(' ') || String(t.input.stdin).slice(0, 80)) + '</code></td><td>' + t.firstDay + '</td></tr>').join('') + '</tbody></table>';
    box.innerHTML = html;
  }

  function render() {
    const main = $('main');
    main.innerHTML = '';
    document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('on', a.dataset.view === state.view));
    if (state.view === 'leaderboard') renderLeaderboard(main);
    else if (state.view === 'heatmap') renderHeatmap(main);
    else if (state.view === 'trials') renderTrials(main);
    else if (state.view === 'tasks') renderTasks(main);
    else renderMarkets(main);
    const panel = document.createElement('div');
    panel.id = 'panel';
    main.append(panel);
    if (data && data.truncated.length) main.insertAdjacentHTML('beforeend', '<p class="note">This file holds ' + data.truncated.map(esc).join('; ') + '.</p>');
  }

  function header() {
    const r = summary.run;
    $('header').innerHTML = '<h1>shipbench report</h1><span class="meta">' + (r ? 'run <b>' + esc(r.name) + '</b> · ' + r.tasks + ' tasks · ' + esc(r.agents.join(', ')) + ' · ' + r.attempts + ' attempts · ' + esc(r.policy) : 'no run in the store') + ' · generated ' + esc(summary.generatedAt) + ' · shipbench ' + esc(summary.shipbenchVersion) + '</span>' + (summary.live ? '<span class="live" id="live">● run in progress</span>' : '');
  }

  async function load() {
    summary = await source.summary();
    header();
    if (!state.open) render();
    else {
      const main = $('main');
      const keep = $('#panel');
      render();
      $('#panel').replaceWith(keep);
      void main;
    }
    if (!data && summary.live) setTimeout(load, 2000);
  }

  document.querySelectorAll('nav a').forEach((a) => a.addEventListener('click', (e) => { e.preventDefault(); state.view = a.dataset.view; state.open = null; render(); }));
  load().then(() => {
    const h = new URLSearchParams(location.hash.slice(1));
    if (h.get('trial')) openTrial(h.get('trial'), h.get('tab') || 'cases');
    else if (h.get('market')) { state.view = 'markets'; render(); openMarket(h.get('market')); }
    else if (h.get('task')) { state.view = 'tasks'; render(); openTask(h.get('task')); }
  });
})();
`;
