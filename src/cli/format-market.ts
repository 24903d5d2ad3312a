import type { ArenaResult, MarketResult } from '../contracts/market.js';
import type { Calibration } from '../market/calibrate.js';
import { worldsSpread } from '../report/stats.js';
import { percent, table } from './format.js';

export function usd(x: number): string {
  const sign = x < 0 ? '-' : '';
  return `${sign}$${Math.abs(x).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
}

const BARS = '▁▂▃▄▅▆▇█';

// One character per value, scaled to the largest.
export function sparkline(values: readonly number[]): string {
  const max = Math.max(...values, 0);
  if (max <= 0) return BARS[0]!.repeat(values.length);
  return values.map((v) => BARS[Math.min(BARS.length - 1, Math.floor((Math.max(v, 0) / max) * (BARS.length - 1) + 0.5))]).join('');
}

function rate(x: number | null): string {
  return x === null ? '-' : percent(x);
}

// The human summary of a market: headline figures, a weekly table, the top tickets.
// A market result: the first world in full (days, tickets), then the spread over every world.
export function formatMarket(m: MarketResult, showTickets = 5): string {
  const s = m.summary;
  const last = m.days.at(-1);
  const lines = [`${m.task} market: ${m.product} (seed ${m.seed}, ${m.customers} customers, ${m.days.length} days, ${usd(last?.price ?? 0)}/month)`];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(20)}${value}`);
  row(`ARR on day ${m.days.length}`, `${usd(s.arr)}   (MRR ${usd(s.mrr)})`);
  row('bank balance', `${usd(s.balance)}${s.insolventDay !== null ? `   insolvent on day ${s.insolventDay}` : ''}`);
  const w = m.worlds;
  if (w && w.seeds.length > 1) {
    const { arr, balance, arrMin, insolvent, firstInsolventDay } = worldsSpread(w);
    row(`over ${w.seeds.length} worlds`, `ARR ${usd(arr.value)} [${usd(arr.low)}–${usd(arr.high)}] (95% t interval; seeds ${w.seeds[0]}–${w.seeds.at(-1)}) · lowest ${usd(arrMin)} · balance ${usd(balance.value)} · insolvent in ${insolvent}${firstInsolventDay !== null ? `, first on day ${firstInsolventDay}` : ''}`);
  }
  row('customers', `paying ${s.customers.paying} · trial ${s.customers.trial} · churned ${s.customers.churned} · lost trials ${s.customers.lostTrials} · never tried ${s.customers.prospects}`);
  row('retention', `monthly logo churn ${rate(s.monthlyLogoChurn)} · net revenue retention ${rate(s.netRevenueRetention)} · trial conversion ${rate(s.trialConversion)}`);
  row('jobs', `${s.jobs.toLocaleString('en-US')} run, ${s.failedJobs.toLocaleString('en-US')} failed (${s.jobs ? percent(s.failedJobs / s.jobs) : '-'}); pool pass rate ${percent(m.poolPassRate)}`);
  const tickets = Object.entries(s.tickets).sort((a, b) => b[1] - a[1]);
  row('tickets', tickets.length ? tickets.map(([k, v]) => `${k} ${v}`).join(' · ') : 'none');
  const i = m.integrity;
  row('integrity', `${i.flagged ? 'FLAGGED: ticket inputs pass far more often than fresh ones' : 'ok'} (ticket inputs ${rate(i.ticketInputPassRate)}, fresh ${rate(i.freshPassRate)})`);
  row('MRR by day', sparkline(m.days.map((d) => d.mrr)));
  const weeks = m.days.filter((d, k) => d.day % 7 === 0 || k === m.days.length - 1);
  lines.push('', table(['day', 'trial', 'paying', 'churned', 'MRR', 'balance', 'jobs failed'], weeks.map((d) => [String(d.day), String(d.trial), String(d.paying), String(d.churned), usd(d.mrr), usd(d.balance), d.jobs ? percent(d.failedJobs / d.jobs) : '-']), [true, true, true, true, true, true, true]).replace(/^/gm, '  '));
  if (m.tickets.length) {
    lines.push('', '  top tickets:');
    for (const t of m.tickets.slice(0, showTickets)) {
      const input = t.input.argv.length ? `${m.program} ${t.input.argv.join(' ')}` : String(t.input.stdin).slice(0, 80);
      lines.push(`    ${t.class} ×${t.tickets} (${t.workload}, ${t.features.join(' ') || 'no tags'}, first day ${t.firstDay}): ${input.slice(0, 100)}`);
    }
  }
  return lines.join('\n');
}

// An arena: each product's day-90 figures and share, then the share of paying customers by week.
export function formatArena(a: ArenaResult): string {
  const days = a.products[0]?.days ?? [];
  const last = a.share.at(-1) ?? [];
  const lines = [`${a.task} arena: ${a.products.length} products (seed ${a.seed}, ${a.customers} customers, ${days.length} days)`, ''];
  const rows = a.products.map((p, k) => {
    const w = p.worlds;
    const arr = w && w.seeds.length > 1 ? worldsSpread(w).arr : null;
    return [String(k + 1), p.product, usd(p.summary.arr), percent(last[k] ?? 0), String(p.summary.customers.paying), usd(p.summary.balance), arr ? (arr.low === arr.high ? usd(arr.value) : `${usd(arr.value)} [${usd(arr.low)}–${usd(arr.high)}]`) : '–', percent(p.poolPassRate)];
  });
  lines.push(table(['#', 'product', `ARR on day ${days.length}`, 'share', 'paying', 'balance', `over ${a.products[0]?.worlds?.seeds.length ?? 1} worlds`, 'pool pass rate'], rows, [true, false, true, true, true, true, true, true]).replace(/^/gm, '  '));
  const weeks = a.share.map((s, d) => ({ s, day: d + 1 })).filter((x, i) => x.day % 7 === 0 || i === a.share.length - 1);
  lines.push('', '  share of paying customers:', table(['day', ...a.products.map((_, k) => `#${k + 1}`)], weeks.map((x) => [String(x.day), ...x.s.map((v) => percent(v))]), [true, ...a.products.map(() => true)]).replace(/^/gm, '  '));
  return lines.join('\n');
}

export function formatCalibration(c: Calibration): string {
  const lines = [`${c.task} calibration over seeds ${c.seeds.join(', ')} (${c.features} features)`];
  const rows = c.rungs.map((r) => {
    const arr = r.arr;
    const mean = arr.reduce((s, x) => s + x, 0) / arr.length;
    const churns = r.monthlyLogoChurn.filter((x): x is number => x !== null);
    return [r.product, percent(r.failShare), usd(arr[0] ?? 0), usd(mean), `${usd(Math.min(...arr))}–${usd(Math.max(...arr))}`, churns.length ? percent(churns.reduce((s, x) => s + x, 0) / churns.length) : '-'];
  });
  lines.push(table(['product', 'jobs failed', `ARR seed ${c.seeds[0]}`, 'ARR mean', 'ARR range', 'logo churn/mo'], rows, [false, true, true, true, true, true]).replace(/^/gm, '  '));
  lines.push(`  ARR strictly increasing along the ladder on seed ${c.seeds[0]}: ${c.monotone ? 'yes' : 'NO'}`);
  lines.push(`  flawless product churns ${rate(c.anchors.flawlessChurn)} a month (target 2–4%): ${c.anchors.flawlessInBand ? 'ok' : 'OUT OF BAND'}`);
  lines.push(`  one failing 20% of jobs churns ${rate(c.anchors.failingFifthChurn)} a month (target > 15%): ${c.anchors.failingFifthAbove ? 'ok' : 'TOO LOW'}`);
  return lines.join('\n');
}
