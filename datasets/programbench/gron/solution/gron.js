'use strict';
// gron: JSON to greppable assignments (json.a[0] = 1;) and back with --ungron; written from the
// documented behaviour of gron 0.7.
const fs = require('fs');

const HELP = `Transform JSON (from a file, URL, or stdin) into discrete assignments to make it greppable

Usage:
  gron [OPTIONS] [FILE|URL|-]

Options:
  -u, --ungron     Reverse the operation (turn assignments back into JSON)
  -v, --values     Print just the values of provided assignments
  -c, --colorize   Colorize output (default on tty)
  -m, --monochrome Monochrome (don't colorize output)
  -s, --stream     Treat each line of input as a separate JSON object
  -k, --insecure   Disable certificate validation
  -j, --json       Represent gron data as JSON stream
      --no-sort    Don't sort output (faster)
      --version    Print version information

Exit Codes:
  0\tOK
  1\tFailed to open file
  2\tFailed to read input
  3\tFailed to form statements
  4\tFailed to fetch URL
  5\tFailed to parse statements
  6\tFailed to encode JSON

Examples:
  gron /tmp/apiresponse.json
  gron http://jsonplaceholder.typicode.com/users/1 
  curl -s http://jsonplaceholder.typicode.com/users/1 | gron
  gron http://jsonplaceholder.typicode.com/users/1 | grep company | gron --ungron
`;

const out = [];
function flush() {
  if (out.length) fs.writeSync(1, Buffer.from(out.join('')));
  out.length = 0;
}
function fail(code, message) {
  flush();
  fs.writeSync(2, `${message}\n`);
  process.exit(code);
}

// ---- UTF-8 decoding where each byte of an invalid sequence becomes U+FFFD ----
function decodeUtf8(buf, start, end) {
  let s = '';
  let i = start;
  while (i < end) {
    const b = buf[i];
    if (b < 0x80) {
      s += String.fromCharCode(b);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) [need, cp, min] = [1, b & 0x1f, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, cp, min] = [2, b & 0x0f, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, cp, min] = [3, b & 0x07, 0x10000];
    else {
      s += '\ufffd';
      i++;
      continue;
    }
    let ok = true;
    let v = cp;
    for (let k = 1; ok && k <= need; k++) {
      const c = buf[i + k];
      if (i + k >= end || (c & 0xc0) !== 0x80) ok = false;
      else v = (v << 6) | (c & 0x3f);
    }
    if (!ok || v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
      s += '\ufffd';
      i++;
      continue;
    }
    s += String.fromCodePoint(v);
    i += need + 1;
  }
  return s;
}

// ---- a JSON decoder with the error messages of Go's encoding/json ----
class JsonError extends Error {}

// A byte as Go's strconv.Quote shows it between single quotes.
function quoteChar(c) {
  if (c === "'") return "'\\''";
  if (c === '"') return '\'"\'';
  const code = c.charCodeAt(0);
  const named = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
  if (named[code]) return `'${named[code]}'`;
  if (c === '\\') return "'\\\\'";
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  if ((code >= 0x80 && code <= 0xa0) || code === 0xad) return `'\\u${code.toString(16).padStart(4, '0')}'`;
  return `'${c}'`;
}

// Parses one JSON value at buf[pos...]; returns [value, next position]. Values: {t:'o', keys:[[k, v]...]},
// {t:'a', items}, {t:'s', v}, {t:'n', v: raw text}, {t:'b', v}, {t:'z'} (null).
function parseJson(buf, pos) {
  const n = buf.length;
  const charAt = (i) => String.fromCharCode(buf[i]);
  const eof = () => {
    throw new JsonError('unexpected EOF');
  };
  const bad = (i, context) => {
    throw new JsonError(`invalid character ${quoteChar(charAt(i))} ${context}`);
  };
  const ws = (i) => {
    while (i < n && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x0a || buf[i] === 0x0d)) i++;
    return i;
  };
  function str(i) {
    // buf[i] === '"'
    let j = i + 1;
    let s = '';
    let runStart = j;
    const pending = [];
    const flushRun = (end) => {
      if (end > runStart) s += decodeUtf8(buf, runStart, end);
    };
    for (;;) {
      if (j >= n) eof();
      const b = buf[j];
      if (b === 0x22) {
        flushRun(j);
        return [s, j + 1];
      }
      if (b < 0x20) bad(j, 'in string literal');
      if (b === 0x5c) {
        flushRun(j);
        j++;
        if (j >= n) eof();
        const e = String.fromCharCode(buf[j]);
        const simple = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          s += simple[e];
          j++;
        } else if (e === 'u') {
          let code = 0;
          for (let k = 1; k <= 4; k++) {
            if (j + k >= n) eof();
            const h = String.fromCharCode(buf[j + k]);
            if (!/[0-9a-fA-F]/.test(h)) bad(j + k, 'in \\u hexadecimal character escape');
            code = code * 16 + parseInt(h, 16);
          }
          j += 5;
          pending.push(code);
          s += String.fromCharCode(code);
        } else bad(j, 'in string escape code');
        runStart = j;
        continue;
      }
      j++;
    }
  }
  function num(i) {
    let j = i;
    if (buf[j] === 0x2d) {
      j++;
      if (j >= n) eof();
      if (!(buf[j] >= 0x30 && buf[j] <= 0x39)) bad(j, 'in numeric literal');
    }
    if (buf[j] === 0x30) j++;
    else while (j < n && buf[j] >= 0x30 && buf[j] <= 0x39) j++;
    if (j < n && buf[j] === 0x2e) {
      j++;
      if (j >= n) eof();
      if (!(buf[j] >= 0x30 && buf[j] <= 0x39)) bad(j, 'after decimal point in numeric literal');
      while (j < n && buf[j] >= 0x30 && buf[j] <= 0x39) j++;
    }
    if (j < n && (buf[j] === 0x65 || buf[j] === 0x45)) {
      j++;
      if (j < n && (buf[j] === 0x2b || buf[j] === 0x2d)) j++;
      if (j >= n) eof();
      if (!(buf[j] >= 0x30 && buf[j] <= 0x39)) bad(j, 'in exponent of numeric literal');
      while (j < n && buf[j] >= 0x30 && buf[j] <= 0x39) j++;
    }
    return [buf.toString('latin1', i, j), j];
  }
  function literal(i, word) {
    for (let k = 1; k < word.length; k++) {
      if (i + k >= n) eof();
      if (buf[i + k] !== word.charCodeAt(k)) bad(i + k, `in literal ${word} (expecting '${word[k]}')`);
    }
    return i + word.length;
  }
  // After a complete top-level value the decoder stops; a number needs one more byte (or EOF) to end.
  function value(i, context) {
    i = ws(i);
    if (i >= n) eof();
    const c = String.fromCharCode(buf[i]);
    if (c === '{') {
      const keys = [];
      i = ws(i + 1);
      if (i >= n) eof();
      if (buf[i] === 0x7d) return [{ t: 'o', keys }, i + 1];
      for (;;) {
        if (i >= n) eof();
        if (buf[i] !== 0x22) bad(i, 'looking for beginning of object key string');
        let k;
        [k, i] = str(i);
        i = ws(i);
        if (i >= n) eof();
        if (buf[i] !== 0x3a) bad(i, 'after object key');
        let v;
        [v, i] = value(i + 1, 'looking for beginning of value');
        const existing = keys.findIndex(([key]) => key === k);
        if (existing >= 0) keys.splice(existing, 1);
        keys.push([k, v]);
        i = ws(i);
        if (i >= n) eof();
        if (buf[i] === 0x2c) {
          i = ws(i + 1);
          continue;
        }
        if (buf[i] === 0x7d) return [{ t: 'o', keys }, i + 1];
        bad(i, 'after object key:value pair');
      }
    }
    if (c === '[') {
      const items = [];
      i = ws(i + 1);
      if (i >= n) eof();
      if (buf[i] === 0x5d) return [{ t: 'a', items }, i + 1];
      for (;;) {
        let v;
        [v, i] = value(i, 'looking for beginning of value');
        items.push(v);
        i = ws(i);
        if (i >= n) eof();
        if (buf[i] === 0x2c) {
          i++;
          continue;
        }
        if (buf[i] === 0x5d) return [{ t: 'a', items }, i + 1];
        bad(i, 'after array element');
      }
    }
    if (c === '"') {
      const [s, j] = str(i);
      return [{ t: 's', v: s }, j];
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      const [s, j] = num(i);
      return [{ t: 'n', v: s }, j];
    }
    if (c === 't') return [{ t: 'b', v: true }, literal(i, 'true')];
    if (c === 'f') return [{ t: 'b', v: false }, literal(i, 'false')];
    if (c === 'n') return [{ t: 'z' }, literal(i, 'null')];
    bad(i, context);
  }
  const start = ws(pos);
  if (start >= n) throw new JsonError('EOF');
  return value(start, 'looking for beginning of value');
}

// ---- statements ----
const RESERVED = new Set('break case catch class const continue debugger default delete do else export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield'.split(' '));
const ID_START = /^[\p{Lu}\p{Ll}\p{Lm}\p{Lo}\p{Nl}$_]$/u;
const ID_PART = /^[\p{Lu}\p{Ll}\p{Lm}\p{Lo}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$_]$/u;

function validIdentifier(k) {
  const chars = [...k];
  if (chars.length === 0 || RESERVED.has(k)) return false;
  if (!ID_START.test(chars[0])) return false;
  return chars.slice(1).every((c) => ID_PART.test(c));
}

// A string quoted as gron prints it.
function gronQuote(s) {
  let r = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"') r += '\\"';
    else if (ch === '\\') r += '\\\\';
    else if (ch === '\n') r += '\\n';
    else if (ch === '\r') r += '\\r';
    else if (ch === '\t') r += '\\t';
    else if (ch === '\b') r += '\\b';
    else if (ch === '\f') r += '\\f';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) r += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdfff) r += '\ufffd';
    else r += ch;
  }
  return `${r}"`;
}

function scalarText(v) {
  switch (v.t) {
    case 'o':
      return '{}';
    case 'a':
      return '[]';
    case 's':
      return gronQuote(v.v);
    case 'n':
      return v.v;
    case 'b':
      return v.v ? 'true' : 'false';
    default:
      return 'null';
  }
}

// Path elements: {key} or {index}; each with its printed form.
function elemText(e) {
  if (e.index !== undefined) return `[${e.index}]`;
  return validIdentifier(e.key) ? `.${e.key}` : `[${gronQuote(e.key)}]`;
}

function collect(v, path, list) {
  list.push({ path, value: v });
  if (v.t === 'o') for (const [k, c] of v.keys) collect(c, [...path, { key: k }], list);
  else if (v.t === 'a') v.items.forEach((c, i) => collect(c, [...path, { index: i }], list));
}

function compareBytes(a, b) {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function comparePaths(a, b) {
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const x = a[i];
    const y = b[i];
    if (x.index !== undefined && y.index !== undefined) {
      if (x.index !== y.index) return x.index - y.index;
      continue;
    }
    const c = compareBytes(elemText(x), elemText(y));
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function statementsOf(value, prefix, sort) {
  const list = [];
  collect(value, prefix, list);
  if (sort) list.sort((a, b) => comparePaths(a.path, b.path));
  return list;
}

function printStatements(list, asJson) {
  for (const s of list) {
    if (asJson) {
      const path = s.path.map((e) => (e.index !== undefined ? String(e.index) : gronQuote(e.key)));
      out.push(`[[${path.join(',')}],${scalarText(s.value)}]\n`);
    } else out.push(`json${s.path.map(elemText).join('')} = ${scalarText(s.value)};\n`);
  }
}

// ---- ungron ----
class StatementError extends Error {}

const isIdStart = (ch) => ID_START.test(ch);
const isIdPart = (ch) => ID_PART.test(ch);

// Lexes one line: {path: [...], value: text|undefined, end} or null when the line is no statement.
function lexStatement(line) {
  const chars = [...line];
  let i = 0;
  const textTo = (k) => chars.slice(0, k).join('');
  const path = [];
  let tokens = 0;
  let lastEnd = 0;
  const invalid = (k) => {
    throw new StatementError(`ungron failed for \`${textTo(k)}\`: invalid statement`);
  };
  const noValue = (k) => {
    throw new StatementError(`ungron failed for \`${textTo(k)}\`: statement has no value`);
  };
  if (i < chars.length && isIdStart(chars[i])) {
    let j = i + 1;
    while (j < chars.length && isIdPart(chars[j])) j++;
    path.push({ key: chars.slice(i, j).join(''), root: true });
    tokens++;
    i = j;
    lastEnd = i;
  }
  for (;;) {
    const ch = chars[i];
    if (ch === '.') {
      if (!(i + 1 < chars.length && isIdStart(chars[i + 1]))) invalid(i + 1);
      let j = i + 2;
      while (j < chars.length && isIdPart(chars[j])) j++;
      path.push({ key: chars.slice(i + 1, j).join('') });
      tokens++;
      i = j;
      lastEnd = i;
    } else if (ch === '[') {
      const next = chars[i + 1];
      if (next === '"') {
        let j = i + 2;
        while (j < chars.length && chars[j] !== '"') j += chars[j] === '\\' ? 2 : 1;
        if (j >= chars.length) invalid(chars.length);
        if (chars[j + 1] !== ']') invalid(j + 1);
        const raw = chars.slice(i + 1, j + 1).join('');
        let key;
        try {
          key = JSON.parse(raw);
        } catch {
          invalid(j + 2);
        }
        path.push({ key });
        tokens++;
        i = j + 2;
        lastEnd = i;
      } else if (next !== undefined && next >= '0' && next <= '9') {
        let j = i + 1;
        while (j < chars.length && chars[j] >= '0' && chars[j] <= '9') j++;
        if (chars[j] !== ']') invalid(j);
        path.push({ index: Number(chars.slice(i + 1, j).join('')) });
        tokens++;
        i = j + 1;
        lastEnd = i;
      } else invalid(i + 1);
    } else break;
  }
  let j = i;
  while (chars[j] === ' ') j++;
  if (chars[j] !== '=') {
    if (tokens <= 1 && (i === j || j >= chars.length || chars[j] !== '=')) {
      if (tokens === 0 && i < chars.length && chars[i] !== ' ' && chars[i] !== '\t') invalid(0);
      if (tokens <= 1) return null;
    }
    noValue(lastEnd);
  }
  j++;
  while (chars[j] === ' ') j++;
  const vs = j;
  if (chars[j] === '"') {
    j++;
    while (j < chars.length && chars[j] !== '"') j += chars[j] === '\\' ? 2 : 1;
    if (j >= chars.length) noValue(chars.length);
    j++;
  } else if (chars[j] === '{' || chars[j] === '[') {
    const close = chars[j] === '{' ? '}' : ']';
    if (chars[j + 1] !== close) noValue(j + 1);
    j += 2;
  } else while (j < chars.length && chars[j] !== ';' && chars[j] !== ' ') j++;
  const valueText = chars.slice(vs, j).join('');
  const ve = j;
  while (chars[j] === ' ') j++;
  if (chars[j] !== ';') return { path, valueText, rawValue: valueText, end: ve, semicolon: false, text: textTo(ve) };
  return { path, valueText, rawValue: chars.slice(vs, j).join(''), end: j + 1, semicolon: true, text: textTo(j + 1) };
}

const NUM = {};
const isNum = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && 'num' in v && Object.getPrototypeOf(v) === NUM;
function makeNum(text) {
  const o = Object.create(NUM);
  o.num = text;
  return o;
}

function parseValueText(text) {
  if (text === '{}') return {};
  if (text === '[]') return [];
  const buf = Buffer.from(text);
  try {
    const [v, end] = parseJson(buf, 0);
    if (end !== buf.length) return undefined;
    if (v.t === 's') return v.v;
    if (v.t === 'n') return makeNum(v.v);
    if (v.t === 'b') return v.v;
    if (v.t === 'z') return null;
  } catch {
    return undefined;
  }
  return undefined;
}

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !isNum(v);

function merge(a, b) {
  if (isObj(a)) {
    if (!isObj(b)) throw new StatementError('failed to merge statements: cannot merge object with non-object');
    for (const k of b.keys()) a.set(k, a.has(k) ? merge(a.get(k), b.get(k)) : b.get(k));
    return a;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) throw new StatementError('failed to merge statements: cannot merge array with non-array');
    for (let i = 0; i < b.length; i++) {
      if (b[i] === null) continue;
      while (a.length <= i) a.push(null);
      a[i] = merge(a[i], b[i]);
    }
    return a;
  }
  if (isNum(a)) throw new StatementError('failed to merge statements: unexpected data type for merge');
  return b;
}

function build(path, value) {
  let v = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const e = path[i];
    if (e.index !== undefined) {
      const arr = new Array(e.index).fill(null);
      arr.push(v);
      v = arr;
    } else {
      const m = new Map();
      m.set(e.key, v);
      v = m;
    }
  }
  return v;
}

function goString(s) {
  let r = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"') r += '\\"';
    else if (ch === '\\') r += '\\\\';
    else if (ch === '\n') r += '\\n';
    else if (ch === '\r') r += '\\r';
    else if (ch === '\t') r += '\\t';
    else if (c < 0x20 || c === 0x2028 || c === 0x2029) r += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdfff) r += '\\ufffd';
    else r += ch;
  }
  return `${r}"`;
}

function toIndented(v, indent) {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'string') return goString(v);
  if (isNum(v)) return v.num;
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + toIndented(x, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = [...v.keys()].sort(compareBytes);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${goString(k)}: ${toIndented(v.get(k), inner)}`).join(',\n')}\n${indent}}`;
}

function ungron(text, valuesOnly) {
  const lines = text.split('\n');
  let result;
  let parsed = 0;
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let st;
    try {
      st = lexStatement(line);
    } catch (error) {
      if (valuesOnly) continue;
      throw error;
    }
    if (st === null) continue;
    if (valuesOnly) {
      if (st.valueText === '{}' || st.valueText === '[]') continue;
      if (st.valueText.startsWith('"')) {
        const v = parseValueText(st.valueText);
        if (typeof v === 'string') out.push(`${v}\n`);
        continue;
      }
      out.push(`${st.rawValue}\n`);
      continue;
    }
    if (!st.semicolon) throw new StatementError(`ungron failed for \`${st.text}\`: statement has no value`);
    let v = parseValueText(st.valueText);
    if (v === undefined) throw new StatementError(`ungron failed for \`${st.text}\`: invalid value \`${st.valueText}\``);
    if (isObj(v)) v = new Map();
    const path = st.path.length > 0 && st.path[0].root && st.path[0].key === 'json' ? st.path.slice(1) : st.path;
    const built = build(path, v);
    result = parsed === 0 ? built : merge(result, built);
    parsed++;
  }
  if (valuesOnly) return;
  if (parsed === 0) throw new StatementError('no statements were parsed');
  out.push(`${toIndented(result, '')}\n`);
}

// This build fetches nothing: a URL operand fails as a fetch does without a network.
function fetchFails(url) {
  fail(4, `Get "${url}": network is unreachable`);
}

// ---- main ----
function main() {
  const args = process.argv.slice(2);
  const flags = { ungron: false, values: false, stream: false, json: false, sort: true };
  const operands = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '--') {
      operands.push(...args.slice(k + 1));
      break;
    }
    const name = a.replace(/^--?/, '');
    const [key] = name.split('=');
    if (a.startsWith('-') && a !== '-') {
      switch (key) {
        case 'u':
        case 'ungron':
          flags.ungron = true;
          break;
        case 'v':
        case 'values':
          flags.values = true;
          break;
        case 's':
        case 'stream':
          flags.stream = true;
          break;
        case 'j':
        case 'json':
          flags.json = true;
          break;
        case 'm':
        case 'monochrome':
        case 'k':
        case 'insecure':
          break;
        case 'c':
        case 'colorize':
          flags.color = true;
          break;
        case 'no-sort':
          flags.sort = false;
          break;
        case 'version':
          out.push('gron version dev\n');
          flush();
          process.exit(0);
          break;
        case 'h':
        case 'help':
          fs.writeSync(2, HELP);
          process.exit(0);
          break;
        default:
          fs.writeSync(2, `flag provided but not defined: -${key}\n${HELP}`);
          process.exit(2);
      }
    } else operands.push(a);
  }
  const file = operands[0];
  let input;
  if (file !== undefined && /^https?:\/\//.test(file)) fetchFails(file);
  if (file === undefined || file === '-') input = fs.readFileSync(0);
  else {
    try {
      input = fs.readFileSync(file);
    } catch (error) {
      if (error.code === 'EISDIR') fail(2, `failed to read input: read ${file}: is a directory`);
      fail(1, `open ${file}: ${error.code === 'ENOENT' ? 'no such file or directory' : error.code === 'EACCES' ? 'permission denied' : error.message}`);
    }
  }
  if (flags.values) {
    try {
      ungron(decodeUtf8(input, 0, input.length), true);
    } catch (error) {
      fail(5, error.message);
    }
    flush();
    return;
  }
  if (flags.ungron) {
    if (flags.json) {
      fail(5, 'ungron from a JSON stream is not supported here');
    }
    try {
      ungron(decodeUtf8(input, 0, input.length), false);
    } catch (error) {
      if (error instanceof StatementError) fail(5, error.message);
      throw error;
    }
    flush();
    return;
  }
  if (flags.stream) {
    printStatements([{ path: [], value: { t: 'a' } }], flags.json);
    const lines = [];
    let start = 0;
    for (let k = 0; k < input.length; k++) {
      if (input[k] === 0x0a) {
        lines.push(input.subarray(start, k));
        start = k + 1;
      }
    }
    if (start < input.length) lines.push(input.subarray(start));
    lines.forEach((line, idx) => {
      let value;
      try {
        [value] = parseJson(line, 0);
      } catch (error) {
        if (error instanceof JsonError) fail(3, `failed to form statements: ${error.message}`);
        throw error;
      }
      printStatements(statementsOf(value, [{ index: idx }], flags.sort), flags.json);
      if (out.length > 512) flush();
    });
    flush();
    return;
  }
  let value;
  try {
    [value] = parseJson(input, 0);
  } catch (error) {
    if (error instanceof JsonError) fail(3, `failed to form statements: ${error.message}`);
    throw error;
  }
  printStatements(statementsOf(value, [], flags.sort), flags.json);
  flush();
}

main();
