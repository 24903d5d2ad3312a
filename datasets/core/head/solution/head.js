'use strict';
// A rebuild of GNU head: the first (or all but the last) N lines or bytes of each input, with
// ==> name <== headers when there are several inputs.
const fs = require('fs');

const chunks = [];
const write = (data) => chunks.push(Buffer.isBuffer(data) ? data : Buffer.from(data));
const flush = () => {
  if (chunks.length > 0) fs.writeSync(1, Buffer.concat(chunks.splice(0)));
};
const warn = (text) => {
  flush();
  process.stderr.write(`head: ${text}\n`);
};

function usageError(text) {
  warn(text);
  process.stderr.write("Try 'head --help' for more information.\n");
  process.exit(1);
}

const MULTIPLIERS = { b: 512n, k: 1024n, K: 1024n, m: 1048576n, M: 1048576n };
const POWERS = 'KMGTPEZYRQ';

// A count with coreutils' suffixes: b=512, K=1024 (KiB too), kB=1000, and so on up to Q.
function parseCount(text, what) {
  const invalid = (extra = '') => {
    warn(`invalid number of ${what}: ‘${text}’${extra}`);
    process.exit(1);
  };
  const m = /^\s*\+?(\d+)([A-Za-z]*)$/.exec(text);
  if (!m) invalid();
  let n = BigInt(m[1]);
  const suffix = m[2];
  if (suffix) {
    let factor;
    if (MULTIPLIERS[suffix] !== undefined) factor = MULTIPLIERS[suffix];
    else {
      const s = /^([kKmMGTPEZYRQ])(B|iB)?$/.exec(suffix);
      if (!s) invalid();
      const power = BigInt(POWERS.indexOf(s[1].toUpperCase()) + 1);
      factor = (s[2] === 'B' ? 1000n : 1024n) ** power;
    }
    n *= factor;
  }
  if (n > 18446744073709551615n) invalid(': Value too large for defined data type');
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

let mode = 'lines';
let count = 10;
let elide = false;
let header = null; // null: automatic, true: -v, false: -q
let delimiter = 0x0a;
const files = [];
const args = process.argv.slice(2);

function setCount(kind, value) {
  mode = kind;
  elide = value.startsWith('-');
  count = parseCount(elide ? value.slice(1) : value, kind);
}

// Obsolete form: head -NUM[bcklmqvz]...
if (args.length > 0 && /^-\d/.test(args[0])) {
  const m = /^-(\d+)([bcklmqvz]*)$/.exec(args[0]);
  if (m) {
    args.shift();
    let kind = 'lines';
    let multiplier = '';
    for (const c of m[2]) {
      if (c === 'c') kind = 'bytes';
      else if (c === 'l') kind = 'lines';
      else if (c === 'b' || c === 'k' || c === 'm') {
        kind = 'bytes';
        multiplier = c;
      } else if (c === 'q') header = false;
      else if (c === 'v') header = true;
      else if (c === 'z') delimiter = 0;
    }
    setCount(kind, m[1] + multiplier);
  }
}

const longOptions = ['bytes', 'lines', 'quiet', 'silent', 'verbose', 'zero-terminated', 'help', 'version'];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--') {
    files.push(...args.slice(i + 1));
    break;
  }
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const value = eq < 0 ? undefined : arg.slice(eq + 1);
    const matches = longOptions.filter((o) => o.startsWith(name));
    const exact = longOptions.includes(name) ? name : matches.length === 1 ? matches[0] : null;
    if (!exact) {
      if (matches.length > 1) usageError(`option '--${name}' is ambiguous; possibilities:${matches.map((o) => ` '--${o}'`).join('')}`);
      usageError(`unrecognized option '${arg}'`);
    }
    if (exact === 'bytes' || exact === 'lines') {
      let v = value;
      if (v === undefined) {
        if (i + 1 >= args.length) usageError(`option '--${exact}' requires an argument`);
        v = args[++i];
      }
      setCount(exact, v);
    } else if (value !== undefined) usageError(`option '--${exact}' doesn't allow an argument`);
    else if (exact === 'quiet' || exact === 'silent') header = false;
    else if (exact === 'verbose') header = true;
    else if (exact === 'zero-terminated') delimiter = 0;
    else if (exact === 'version') {
      process.stdout.write('head (GNU coreutils) 9.1\n');
      process.exit(0);
    } else {
      process.stdout.write('Usage: head [OPTION]... [FILE]...\n');
      process.exit(0);
    }
    continue;
  }
  if (arg.startsWith('-') && arg.length > 1) {
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j];
      if (c === 'c' || c === 'n') {
        let v = arg.slice(j + 1);
        if (v === '') {
          if (i + 1 >= args.length) usageError(`option requires an argument -- '${c}'`);
          v = args[++i];
        }
        setCount(c === 'c' ? 'bytes' : 'lines', v);
        break;
      } else if (c === 'q') header = false;
      else if (c === 'v') header = true;
      else if (c === 'z') delimiter = 0;
      else if (/\d/.test(c)) usageError(`invalid option -- '${c}'`);
      else usageError(`invalid option -- '${c}'`);
    }
    continue;
  }
  files.push(arg);
}
if (files.length === 0) files.push('-');
const showHeaders = header === null ? files.length > 1 : header;

function select(data) {
  if (mode === 'bytes') return elide ? data.subarray(0, Math.max(0, data.length - count)) : data.subarray(0, count);
  // Line ends of the data, in order.
  const ends = [];
  for (let k = 0; k < data.length; k++) if (data[k] === delimiter) ends.push(k + 1);
  if (!elide) {
    if (count === 0) return data.subarray(0, 0);
    return count <= ends.length ? data.subarray(0, ends[count - 1]) : data;
  }
  const total = ends.length + (data.length > 0 && data[data.length - 1] !== delimiter ? 1 : 0);
  const keep = total - count;
  if (keep <= 0) return data.subarray(0, 0);
  return data.subarray(0, ends[keep - 1] ?? data.length);
}

let exitCode = 0;
let first = true;
for (const file of files) {
  const name = file === '-' ? 'standard input' : file;
  let fd;
  if (file === '-') fd = 0;
  else {
    try {
      fd = fs.openSync(file, 'r');
    } catch (error) {
      const why = error.code === 'ENOENT' ? 'No such file or directory' : error.code === 'EACCES' ? 'Permission denied' : error.message;
      warn(`cannot open '${file.replaceAll("'", "'\\''")}' for reading: ${why}`);
      exitCode = 1;
      continue;
    }
  }
  if (showHeaders) {
    write(`${first ? '' : '\n'}==> ${name} <==\n`);
    first = false;
  }
  let data;
  try {
    data = fs.readFileSync(fd);
  } catch (error) {
    const why = error.code === 'EISDIR' ? 'Is a directory' : error.message;
    warn(`error reading '${name}': ${why}`);
    exitCode = 1;
    continue;
  }
  write(select(data));
}
flush();
process.exitCode = exitCode;
