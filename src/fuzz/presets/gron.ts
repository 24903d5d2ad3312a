import type { GeneratorConfig } from '../../contracts/generator.js';
import { Rng } from '../../util/rng.js';
import type { PlannedCase } from '../record.js';

// gron: JSON documents in, one assignment per leaf out (json.a[0] = 1;). Documents are drawn from
// a small grammar: nested objects and arrays whose keys are identifiers, reserved words, unicode
// letters, digits first, punctuation or empty; numbers kept as written (1.50, -0, 1e400); strings
// with escapes, controls, surrogate pairs and raw UTF-8. Modes: plain, --no-sort, --json, --stream
// (one document a line), --monochrome, --ungron and --values on statements written from a document
// (whole, shuffled or a grep-like subset), broken JSON and broken statements.

type Json = null | boolean | { num: string } | string | Json[] | { entries: [string, Json][] };

const KEYS = ['a', 'b', 'id', 'name', 'Name', 'x1', '_tmp', '$ref', 'a10', 'a2', 'é', 'ß', '日本', 'ª', 'class', 'true', 'null', 'for', 'let', 'enum', 'json', 'a b', 'a-b', 'a.b', '1a', '0', '10', '', 'A"q', 'back\\slash', 'tab\there', 'ünï', '😀', 'x²', '<tag>', 'new\nline', 'Ⅷ', 'á'];
const NUMBERS = ['0', '1', '-1', '42', '1.50', '-0', '-0.0', '3.14159', '1e5', '1E+2', '2.5e-3', '1e400', '123456789012345678901234567890', '-17.000', '0.1', '9007199254740993', '6.02214076e23'];
const STRINGS = ['', 'hello', 'with space', 'line\nbreak', 'tab\tstop', 'quote"d', 'back\\slash', 'slash/ok', '<html>&amp;', 'é ü ß', '日本語テキスト', '😀 emoji', '\u0001\u001f ctrl', '\u007f\u0085\u009f', '\u2028\u2029', '\b\f\r', 'null', 'true', '123', 'json.a = 1;', '\u00a0nbsp', 'a'.repeat(80)];
const RESERVED = new Set('break case catch class const continue debugger default delete do else export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield'.split(' '));

function value(r: Rng, depth: number, width: number): Json {
  const roll = r.int(0, depth <= 0 ? 5 : 9);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
    case 3:
      return { num: r.pick(NUMBERS) };
    case 4:
    case 5:
      return r.pick(STRINGS);
    case 6:
    case 7:
      return Array.from({ length: r.int(0, width) }, () => value(r, depth - 1, width));
    default: {
      const keys = r.subset(KEYS, r.int(0, width));
      return { entries: r.chance(0.5) ? keys.map((k) => [k, value(r, depth - 1, width)]) : keys.reverse().map((k) => [k, value(r, depth - 1, width)]) };
    }
  }
}

// A document: an object or an array at the top (the usual input), sometimes a bare scalar.
function document(r: Rng): Json {
  const width = r.int(1, 6);
  const depth = r.int(1, 5);
  if (r.chance(0.06)) return value(r, 0, 1);
  const v = value(r, depth, width);
  return typeof v === 'object' && v !== null && !('num' in v) ? v : { entries: [['value', v]] };
}

// A string written as JSON, with some characters as \u escapes (surrogate pairs for astral ones).
function quote(r: Rng, s: string, escapes: boolean): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += r.chance(0.5) ? '\\n' : '\\u000a';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (ch === '/' && escapes) out += '\\/';
    else if (code > 0x7e && escapes) out += ch.length === 2 ? `\\u${ch.charCodeAt(0).toString(16)}\\u${ch.charCodeAt(1).toString(16).toUpperCase()}` : `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function serialise(r: Rng, v: Json, pretty: boolean, escapes: boolean, indent = ''): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return quote(r, v, escapes);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const inner = `${indent}  `;
    return pretty ? `[\n${v.map((x) => inner + serialise(r, x, pretty, escapes, inner)).join(',\n')}\n${indent}]` : `[${v.map((x) => serialise(r, x, pretty, escapes)).join(',')}]`;
  }
  if ('num' in v) return v.num;
  if (v.entries.length === 0) return '{}';
  const inner = `${indent}  `;
  const entries = v.entries.map(([k, x]) => `${quote(r, k, escapes)}${pretty ? ': ' : ':'}${serialise(r, x, pretty, escapes, inner)}`);
  return pretty ? `{\n${entries.map((e) => inner + e).join(',\n')}\n${indent}}` : `{${entries.join(',')}}`;
}

// Assignments for a document, written the way gron writes them (paths from the root; order is the
// caller's to shuffle).
function statements(v: Json, path: string, out: string[]): string[] {
  const scalar = (x: Json): string => (x === null ? 'null' : typeof x === 'boolean' ? String(x) : typeof x === 'string' ? JSON.stringify(x).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : Array.isArray(x) ? '[]' : 'num' in x ? x.num : '{}');
  out.push(`${path} = ${scalar(v)};`);
  if (Array.isArray(v)) v.forEach((x, i) => statements(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object' && 'entries' in v) {
    for (const [k, x] of v.entries) statements(x, /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) && !RESERVED.has(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`, out);
  }
  return out;
}

function shuffle<T>(r: Rng, items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

// Broken JSON: cut short, a character swapped for another, a trailing comma, single quotes…
function breakJson(r: Rng, text: string): { text: string; how: string } {
  switch (r.int(0, 6)) {
    case 0:
      return { text: text.slice(0, r.int(0, Math.max(0, text.length - 1))), how: 'truncated' };
    case 1: {
      const at = r.int(0, Math.max(0, text.length - 1));
      return { text: text.slice(0, at) + r.pick(['x', '}', ']', ',', ':', '"', "'", '\\', '.', '-', 'é', '\u0001']) + text.slice(at + 1), how: 'replaced' };
    }
    case 2:
      return { text: text.replace(/([\]}])\s*$/, ',$1'), how: 'trailing-comma' };
    case 3:
      return { text: r.pick(["{'a':1}", '{a:1}', '[1 2]', '{"a" 1}', '{"a":1 "b":2}', '[tru]', '[1.]', '[1e]', '[-]', '["\\x"]', '["\\u12G4"]', '[01]', ']', '{"a":nul}', '[.5]', '[+1]', '[NaN]', '{,}', '{"a":}', '"abc', 'x', '["a\u0001"]', '[Infinity]', '{"a":1}}', '[1,2]x']), how: 'malformed' };
    case 4:
      return { text: r.pick(['', ' ', '\n', '\t\n  ']), how: 'empty' };
    case 5:
      return { text: `${text}${r.pick(['x', ' {}', '\n[1]', ']'])}`, how: 'trailing-data' };
    default:
      return { text: text.replace(/"([^"\\]*)"/, "'$1'"), how: 'single-quotes' };
  }
}

const BAD_STATEMENTS = ['json.a = tru;', 'json.a = 1', 'json.a 1;', 'json..a = 1;', 'json.a = "x;', 'json["a] = 1;', 'json[a] = 1;', 'json.a = 1;;', 'json.a = 1; x', 'json.1a = 1;', 'json[-1] = 1;', 'json.a = 1e;', 'json.a = "\\q";', 'json.a = {"x":1};', '= 1;', 'json = 1;', '.a = 1;', 'json.a.b.c = -1.5E+3;', 'json.a= {};', 'json.a =1;', 'json.a = 1 ;', '"x" = 1;', 'json["a"]["b"][0] = 1;', 'garbage', '  json.a = 1;', 'foo.a.b = "x";\nbar.c = 2;', 'json.a = 1;\njson.a.b = 2;', 'json.a.b = 2;\njson.a = 1;', 'json.a = [];\njson.a = {};', 'json.a = {};\njson.a = [];', 'json.a = null;\njson.a.b = 1;', 'json.a = 1;\njson.a = 2;', 'json[2] = 1;\njson[0] = {};\njson[0].x = 1;', 'json.a = "x";\njson.a = {};', 'json.a = true;\njson.a = 1;', 'json[1] = 2;\njson[1] = null;', 'json.a = {};\njson.a = null;', '', '\n\n', 'json = {};\njson[0] = 1;', 'json[10] = "ten";'];
const VALUE_LINES = ['json.a = tru;', 'json.a = 1', 'json.a = 1e;', 'json.a = 1 ;', 'garbage', 'json.a = "x\\ty";', 'json.a = {};', 'json.a = [];', 'json.b = "\\u00e9";'];

type Mode = 'plain' | 'no-sort' | 'json' | 'stream' | 'monochrome' | 'ungron' | 'values' | 'invalid' | 'bad-statements' | 'large' | 'file' | 'cli';

export function planGron(config: GeneratorConfig, count: number): PlannedCase[] {
  const r = new Rng(config.seed, 'gron');
  const out: PlannedCase[] = [];
  const modes: Mode[] = ['plain', 'plain', 'no-sort', 'json', 'stream', 'monochrome', 'ungron', 'ungron', 'values', 'invalid', 'invalid', 'bad-statements', 'file', 'cli', 'large'];
  for (let i = 0; out.length < count; i++) {
    const mode = i < modes.length ? (modes[i] as Mode) : r.chance(0.03) ? 'large' : r.pick(modes.filter((m) => m !== 'large'));
    const tags = new Set<string>([mode]);
    const doc = document(r);
    const pretty = r.chance(0.5);
    const escapes = r.chance(0.25);
    if (escapes) tags.add('unicode-escapes');
    let text = serialise(r, doc, pretty, escapes) + (r.chance(0.8) ? '\n' : '');
    let argv: string[] = [];
    let files: Record<string, string> = {};
    const extra = (): string[] => (r.chance(0.25) ? [r.pick(['-m', '--monochrome', '--no-sort', '-k'])] : []);
    switch (mode) {
      case 'plain':
        argv = extra();
        break;
      case 'no-sort':
        argv = [r.pick(['--no-sort', '--no-sort']), ...(r.chance(0.3) ? ['-j'] : [])];
        break;
      case 'json':
        argv = [r.pick(['-j', '--json']), ...extra()];
        break;
      case 'monochrome':
        argv = [r.pick(['-m', '--monochrome'])];
        break;
      case 'stream': {
        const lines = Array.from({ length: r.int(1, 6) }, () => serialise(r, document(r), false, r.chance(0.2)));
        if (r.chance(0.2)) {
          tags.add('stream-error');
          lines.splice(r.int(0, lines.length), 0, r.pick(['', ' ', 'xx', '{"a":', '[1,]']));
        }
        text = lines.join('\n') + (r.chance(0.8) ? '\n' : '');
        argv = [r.pick(['-s', '--stream']), ...(r.chance(0.3) ? [r.pick(['-j', '--no-sort', '-m'])] : [])];
        break;
      }
      case 'ungron':
      case 'values': {
        let lines = statements(doc, 'json', []);
        if (r.chance(0.35)) {
          tags.add('subset');
          const key = r.pick(KEYS);
          const kept = lines.filter((l) => l.includes(key) || r.chance(0.2));
          lines = kept.length > 0 ? kept : lines.slice(-1);
        }
        if (r.chance(0.3)) {
          tags.add('shuffled');
          lines = shuffle(r, lines);
        }
        text = `${lines.join('\n')}\n`;
        argv = mode === 'ungron' ? [r.pick(['-u', '--ungron']), ...(r.chance(0.2) ? [r.pick(['--no-sort', '-m'])] : [])] : [r.pick(['-v', '--values'])];
        break;
      }
      case 'invalid': {
        const broken = breakJson(r, text);
        tags.add(broken.how);
        text = broken.text;
        argv = r.chance(0.2) ? ['-s'] : [];
        break;
      }
      case 'bad-statements':
        if (r.chance(0.7)) {
          text = `${r.pick(BAD_STATEMENTS)}\n`;
          argv = [r.pick(['-u', '--ungron'])];
        } else {
          text = `${r.subset(VALUE_LINES, r.int(1, 4)).join('\n')}\n`;
          argv = ['-v'];
        }
        break;
      case 'file':
        files = { 'in.json': text };
        argv = [...extra(), r.pick(['in.json', 'in.json', 'missing.json', '-'])];
        if (argv.includes('-')) tags.add('stdin-dash');
        else text = '';
        break;
      case 'cli':
        argv = r.pick([['--help'], ['-h'], ['--version'], ['-x'], ['--frobnicate'], ['-u', '-v'], ['-j', '-s'], ['-u', '-s']]);
        break;
      case 'large': {
        const records = Array.from({ length: r.int(200, 1500) }, (_, k) => ({ entries: [['id', { num: String(k) }], ['name', r.pick(STRINGS)], ['tags', [r.pick(KEYS), { num: r.pick(NUMBERS) }]], ['nested', { entries: [['ok', r.chance(0.5)], ['v', null]] }]] as [string, Json][] }));
        text = serialise(r, records, r.chance(0.3), false);
        argv = r.chance(0.5) ? [] : [r.pick(['--no-sort', '-j'])];
        break;
      }
    }
    // --no-sort prints an object's members in Go's map order, which changes from run to run: such a
    // case compares its lines as a set (order aside).
    const unordered = argv.includes('--no-sort') && !argv.some((a) => a === '-u' || a === '--ungron' || a === '-v' || a === '--values');
    out.push({ id: `candidate-${out.length}`, features: [...tags].sort(), run: { argv, stdin: text, files, env: {} }, ...(unordered ? { compare: { exit: 'exact', stdout: { normalize: ['line-order'] }, stderr: 'exact', files: 'exact' } } : {}) });
  }
  return out;
}
