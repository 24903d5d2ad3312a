import type { GeneratorConfig } from '../../../contracts/generator.js';
import { Rng } from '../../../util/rng.js';
import type { PlannedCase } from '../../record.js';
import { cliFamily } from './cli.js';
import { commandsFamily } from './commands.js';
import { dateTimeFamily } from './datetime.js';
import { ddlFamily } from './ddl.js';
import { dmlFamily } from './dml.js';
import { ftsFamily } from './fts.js';
import { hexdbFamily } from './hexdb.js';
import { functionsFamily } from './functions.js';
import { jsonFamily } from './json.js';
import { legacyFamily } from './legacy.js';
import { modesFamily } from './modes.js';
import { queryFamily } from './query.js';
import { rtreeFamily } from './rtree.js';
import type { Family, Script } from './script.js';
import { storageFamily } from './storage.js';
import { windowFamily } from './window.js';

// How often each family is drawn: weights roughly follow how much of sqlite3.c and shell.c a
// family reaches per case.
const FAMILIES: [Family, number][] = [
  [queryFamily, 12],
  [functionsFamily, 10],
  [commandsFamily, 11],
  [ddlFamily, 10],
  [ftsFamily, 11],
  [storageFamily, 10],
  [dmlFamily, 9],
  [jsonFamily, 8],
  [windowFamily, 7],
  [dateTimeFamily, 7],
  [modesFamily, 7],
  [rtreeFamily, 4],
  [cliFamily, 5],
  [hexdbFamily, 3],
  [legacyFamily, 6],
];
const TOTAL = FAMILIES.reduce((sum, [, w]) => sum + w, 0);

function drawFamily(r: Rng): Family {
  let at = r.float() * TOTAL;
  for (const [family, weight] of FAMILIES) {
    at -= weight;
    if (at < 0) return family;
  }
  return (FAMILIES[0] as [Family, number])[0];
}

const LEAD_MODES = ['.mode box', '.mode json', '.mode csv', '.mode line', '.mode markdown', '.mode quote', '.mode table', '.mode column', '.mode insert', '.mode html'];

// sqlite3: themed scripts (queries, functions, schema changes, full-text and spatial indexes,
// storage modes, dot-commands, output modes, command-line use), each case built only from
// (seed, index) and deterministic on the reference.
export function planSqlite(config: GeneratorConfig, count: number): PlannedCase[] {
  const out: PlannedCase[] = [];
  for (let i = 0; i < count; i++) {
    const r = new Rng(config.seed, `sqlite-${i}`);
    const s: Script = { r: r.fork('script'), lines: [], files: {}, argv: [], features: new Set() };
    if (r.chance(0.12)) {
      const lead = r.pick(LEAD_MODES);
      s.lines.push(r.chance(0.5) ? '.headers on' : '.headers off', lead);
      s.features.add(lead);
    }
    drawFamily(r)(s);
    const stdin = s.lines.length > 0 ? `${s.lines.join('\n')}\n` : '';
    out.push({ id: `candidate-${i}`, features: [...s.features].sort(), run: { argv: s.argv, stdin, files: s.files, env: {} } });
  }
  return out;
}
