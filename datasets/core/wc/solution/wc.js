// A simple wc: counts lines, words, characters, bytes and the longest line of files or stdin.
'use strict';
const fs = require('fs');

const HELP = "Usage: wc [OPTION]... [FILE]...\n  or:  wc [OPTION]... --files0-from=F\nPrint newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.  A word is a non-zero-length sequence of\nprintable characters delimited by white space.\n\nWith no FILE, or when FILE is -, read standard input.\n\nThe options below may be used to select which counts are printed, always in\nthe following order: newline, word, character, byte, maximum line length.\n  -c, --bytes            print the byte counts\n  -m, --chars            print the character counts\n  -l, --lines            print the newline counts\n      --files0-from=F    read input from the files specified by\n                           NUL-terminated names in file F;\n                           If F is - then read names from standard input\n  -L, --max-line-length  print the maximum display width\n  -w, --words            print the word counts\n      --help        display this help and exit\n      --version     output version information and exit\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nReport any translation bugs to <https://translationproject.org/team/>\nFull documentation <https://www.gnu.org/software/coreutils/wc>\nor available locally via: info '(coreutils) wc invocation'\n";

const args = process.argv.slice(2);
const want = { lines: false, words: false, chars: false, bytes: false, maxLine: false };
let files0From = null;
const operands = [];
let endOfOptions = false;

function fail(message) {
  process.stderr.write(`wc: ${message}\nTry 'wc --help' for more information.\n`);
  process.exit(1);
}

for (const arg of args) {
  if (endOfOptions || arg === '-' || !arg.startsWith('-')) { operands.push(arg); continue; }
  if (arg === '--') { endOfOptions = true; continue; }
  if (arg.startsWith('--')) {
    const [name, value] = arg.slice(2).split('=', 2);
    if (name === 'lines') want.lines = true;
    else if (name === 'words') want.words = true;
    else if (name === 'chars') want.chars = true;
    else if (name === 'bytes') want.bytes = true;
    else if (name === 'max-line-length') want.maxLine = true;
    else if (name === 'files0-from') files0From = value;
    else if (name === 'help') { process.stdout.write(HELP); process.exit(0); }
    else fail(`unrecognized option '${arg}'`);
    continue;
  }
  for (const flag of arg.slice(1)) {
    if (flag === 'l') want.lines = true;
    else if (flag === 'w') want.words = true;
    else if (flag === 'm') want.chars = true;
    else if (flag === 'c') want.bytes = true;
    else if (flag === 'L') want.maxLine = true;
    else fail(`invalid option -- '${flag}'`);
  }
}
if (!want.lines && !want.words && !want.chars && !want.bytes && !want.maxLine) {
  want.lines = want.words = want.bytes = true;
}
if (files0From !== null) {
  if (operands.length > 0) {
    process.stderr.write(`wc: extra operand '${operands[0]}'\nfile operands cannot be combined with --files0-from\nTry 'wc --help' for more information.\n`);
    process.exit(1);
  }
  let list;
  try {
    list = files0From === '-' ? fs.readFileSync(0) : fs.readFileSync(files0From);
  } catch {
    process.stderr.write(`wc: cannot open '${files0From}' for reading: No such file or directory\n`);
    process.exit(1);
  }
  operands.push(...list.toString('utf8').split('\0').filter(Boolean));
}

function isWide(cp) {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

// Decodes UTF-8 by hand so that invalid bytes can be skipped (they are not characters).
function* codePoints(buf) {
  for (let i = 0; i < buf.length;) {
    const b = buf[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let cp = len === 1 ? b : len === 2 ? b & 0x1f : len === 3 ? b & 0x0f : b & 0x07;
    let ok = len > 0 && i + len <= buf.length;
    for (let k = 1; ok && k < len; k++) {
      if ((buf[i + k] & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (buf[i + k] & 0x3f);
    }
    if (ok) { yield cp; i += len; } else { yield -1; i += 1; }
  }
}

function count(buf) {
  let lines = 0, words = 0, chars = 0, maxLine = 0, col = 0, inWord = false;
  for (const cp of codePoints(buf)) {
    if (cp < 0) continue;
    chars++;
    if (cp === 10) { lines++; maxLine = Math.max(maxLine, col); col = 0; }
    else if (cp === 9) col += 8 - (col % 8);
    else if (cp === 13 || cp === 12) { maxLine = Math.max(maxLine, col); col = 0; }
    else if (cp >= 0x20 && cp !== 0x7f) col += isWide(cp) ? 2 : 1;
    const space = cp === 32 || (cp >= 9 && cp <= 13);
    if (space) inWord = false;
    else if (!inWord) { inWord = true; words++; }
  }
  maxLine = Math.max(maxLine, col);
  return { lines, words, chars, bytes: buf.length, maxLine };
}

const inputs = operands.length > 0 ? operands : ['-'];
const results = [];
let status = 0;
let regularBytes = 0;
let minWidth = 1;
for (const name of inputs) {
  try {
    if (name === '-') { results.push({ name: operands.length > 0 ? '-' : '', counts: count(fs.readFileSync(0)) }); minWidth = 7; continue; }
    const st = fs.statSync(name);
    if (st.isDirectory()) {
      minWidth = 7;
      process.stderr.write(`wc: ${name}: Is a directory\n`);
      results.push({ name, counts: { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 } });
      status = 1;
      continue;
    }
    if (st.isFile()) regularBytes += st.size; else minWidth = 7;
    results.push({ name, counts: count(fs.readFileSync(name)) });
  } catch (e) {
    process.stderr.write(`wc: ${name}: No such file or directory\n`);
    status = 1;
  }
}

const keys = ['lines', 'words', 'chars', 'bytes', 'maxLine'].filter((k) => want[k]);
let width = String(regularBytes).length;
width = Math.max(width, minWidth);
if (keys.length === 1 && inputs.length === 1) width = 1;
const sum = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
for (const r of results) for (const k of keys) sum[k] = k === 'maxLine' ? Math.max(sum[k], r.counts[k]) : sum[k] + r.counts[k];
const line = (c, name) => keys.map((k) => String(c[k]).padStart(width)).join(' ') + (name ? ` ${name}` : '') + '\n';
let out = '';
for (const r of results) out += line(r.counts, r.name);
if (inputs.length > 1) out += line(sum, 'total');
process.stdout.write(out);
process.exitCode = status;
