// A simple wc: counts lines, words, characters, bytes and the longest line of files or stdin.
'use strict';
const fs = require('fs');

const HELP = "Usage: wc [OPTION]... [FILE]...\n  or:  wc [OPTION]... --files0-from=F\nPrint newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.  A word is a non-zero-length sequence of\nprintable characters delimited by white space.\n\nWith no FILE, or when FILE is -, read standard input.\n\nThe options below may be used to select which counts are printed, always in\nthe following order: newline, word, character, byte, maximum line length.\n  -c, --bytes            print the byte counts\n  -m, --chars            print the character counts\n  -l, --lines            print the newline counts\n      --files0-from=F    read input from the files specified by\n                           NUL-terminated names in file F;\n                           If F is - then read names from standard input\n  -L, --max-line-length  print the maximum display width\n  -w, --words            print the word counts\n      --help        display this help and exit\n      --version     output version information and exit\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nReport any translation bugs to <https://translationproject.org/team/>\nFull documentation <https://www.gnu.org/software/coreutils/wc>\nor available locally via: info '(coreutils) wc invocation'\n";

const args = process.argv.slice(2);
const want = { lines: false, words: false, chars: false, bytes: false, maxLine: false };
let files0From = null;
const operands = [];
let endOfOptions = false;

// Shell-escape quoting of a file name in a message, as GNU coreutils prints it: bare when nothing in
// it is special to a shell or is a colon (unless `always`), in double quotes when a single quote is
// the only trouble, else in single quotes with $'…' escapes for what cannot be printed.
const SHELL_SPECIAL = new Set([...': !"$&()*;<=>[^`|\\\'?']);
const COMPAT = /^[A-Za-z0-9%+,\-./:\]_ '@]$/;
// Characters Unicode assigned after 14.0, the version glibc 2.36 (Debian 12) knows: to GNU wc they
// are not printable (escaped in names, no width), whatever this Node's Unicode says.
const NEWER_THAN_GLIBC = [
  [0x88f, 0x88f], [0x897, 0x897], [0xc5c, 0xc5c], [0xcdc, 0xcdc], [0xcf3, 0xcf3], [0xece, 0xece], [0x1acf, 0x1add], [0x1ae0, 0x1aeb],
  [0x1b4e, 0x1b4f], [0x1b7f, 0x1b7f], [0x1c89, 0x1c8a], [0x20c1, 0x20c1], [0x2427, 0x2429], [0x2b96, 0x2b96], [0x2ffc, 0x2fff], [0x31e4, 0x31e5],
  [0x31ef, 0x31ef], [0xa7cb, 0xa7cf], [0xa7d2, 0xa7d2], [0xa7d4, 0xa7d4], [0xa7da, 0xa7dc], [0xa7f1, 0xa7f1], [0xfbc3, 0xfbd2], [0xfd90, 0xfd91],
  [0xfdc8, 0xfdce], [0x105c0, 0x105f3], [0x10940, 0x10959], [0x10d40, 0x10d65], [0x10d69, 0x10d85], [0x10d8e, 0x10d8f], [0x10ec2, 0x10ec7], [0x10ed0, 0x10ed8],
  [0x10efa, 0x10eff], [0x1123f, 0x11241], [0x11380, 0x11389], [0x1138b, 0x1138b], [0x1138e, 0x1138e], [0x11390, 0x113b5], [0x113b7, 0x113c0], [0x113c2, 0x113c2],
  [0x113c5, 0x113c5], [0x113c7, 0x113ca], [0x113cc, 0x113d5], [0x113d7, 0x113d8], [0x113e1, 0x113e2], [0x116d0, 0x116e3], [0x11b00, 0x11b09], [0x11b60, 0x11b67],
  [0x11bc0, 0x11be1], [0x11bf0, 0x11bf9], [0x11db0, 0x11ddb], [0x11de0, 0x11de9], [0x11f00, 0x11f10], [0x11f12, 0x11f3a], [0x11f3e, 0x11f5a], [0x1342f, 0x1342f],
  [0x13439, 0x13455], [0x13460, 0x143fa], [0x16100, 0x16139], [0x16d40, 0x16d79], [0x16ea0, 0x16eb8], [0x16ebb, 0x16ed3], [0x16ff2, 0x16ff6], [0x187f8, 0x187ff],
  [0x18cff, 0x18cff], [0x18d09, 0x18d1e], [0x18d80, 0x18df2], [0x1b132, 0x1b132], [0x1b155, 0x1b155], [0x1cc00, 0x1ccfc], [0x1cd00, 0x1ceb3], [0x1ceba, 0x1ced0],
  [0x1cee0, 0x1cef0], [0x1d2c0, 0x1d2d3], [0x1df25, 0x1df2a], [0x1e030, 0x1e06d], [0x1e08f, 0x1e08f], [0x1e4d0, 0x1e4f9], [0x1e5d0, 0x1e5fa], [0x1e5ff, 0x1e5ff],
  [0x1e6c0, 0x1e6de], [0x1e6e0, 0x1e6f5], [0x1e6fe, 0x1e6ff], [0x1f6d8, 0x1f6d8], [0x1f6dc, 0x1f6dc], [0x1f774, 0x1f77f], [0x1f7d9, 0x1f7d9], [0x1f8b2, 0x1f8bb],
  [0x1f8c0, 0x1f8c1], [0x1f8d0, 0x1f8d8], [0x1fa54, 0x1fa57], [0x1fa75, 0x1fa77], [0x1fa87, 0x1fa8a], [0x1fa8e, 0x1fa8f], [0x1faad, 0x1faaf], [0x1fabb, 0x1fabf],
  [0x1fac6, 0x1fac6], [0x1fac8, 0x1fac8], [0x1facd, 0x1facf], [0x1fada, 0x1fadc], [0x1fadf, 0x1fadf], [0x1fae8, 0x1faea], [0x1faef, 0x1faef], [0x1faf7, 0x1faf8],
  [0x1fbcb, 0x1fbef], [0x1fbfa, 0x1fbfa], [0x2b739, 0x2b73f], [0x2cea2, 0x2cead], [0x2ebf0, 0x2ee5d], [0x31350, 0x33479],
];

function inRanges(ranges, cp) {
  let lo = 0, hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid][0]) hi = mid - 1;
    else if (cp > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

function isPrintable(ch) {
  return !/[\p{Cc}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/u.test(ch) && !inRanges(NEWER_THAN_GLIBC, ch.codePointAt(0));
}
function quoteName(name, always) {
  const chars = [...name];
  const special = (ch, i) => SHELL_SPECIAL.has(ch) || !isPrintable(ch) || ((ch === '#' || ch === '~') && i === 0) || ((ch === '{' || ch === '}') && chars.length === 1);
  if (!always && name !== '' && !chars.some(special)) return name;
  if (name.includes("'") && chars.every((ch) => COMPAT.test(ch) || (ch.codePointAt(0) > 0x7f && isPrintable(ch)))) return `"${name}"`;
  const names = { 7: 'a', 8: 'b', 12: 'f', 10: 'n', 13: 'r', 9: 't', 11: 'v' };
  let out = "'";
  // A name holding a single quote is quoted twice by GNU, and the second pass starts in the escape
  // state the first one ended in: after a name ending in an escape, an opening '' or a bare escape.
  let escaping = name.includes("'") && !isPrintable(chars[chars.length - 1]);
  for (const ch of chars) {
    if (!isPrintable(ch)) {
      if (!escaping) { out += "'$'"; escaping = true; }
      const code = ch.codePointAt(0);
      out += names[code] ? `\\${names[code]}` : [...Buffer.from(ch, 'utf8')].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
      continue;
    }
    if (ch === "'") { out += "'\\''"; escaping = false; continue; }
    if (escaping) { out += "''"; escaping = false; }
    out += ch;
  }
  return `${out}'`;
}

function fail(message) {
  process.stderr.write(`wc: ${message}\nTry 'wc --help' for more information.\n`);
  process.exit(1);
}

for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (endOfOptions || arg === '-' || !arg.startsWith('-')) { operands.push(arg); continue; }
  if (arg === '--') { endOfOptions = true; continue; }
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    let value = eq < 0 ? undefined : arg.slice(eq + 1);
    if (name === 'files0-from' && value === undefined) {
      if (i + 1 >= args.length) fail("option '--files0-from' requires an argument");
      value = args[++i];
    }
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
const ERRNO = { ENOENT: 'No such file or directory', EACCES: 'Permission denied', EISDIR: 'Is a directory', ENOTDIR: 'Not a directory', ENAMETOOLONG: 'File name too long', ELOOP: 'Too many levels of symbolic links' };
const reason = (e) => ERRNO[e && e.code] || 'Input/output error';
// GNU wc sizes its columns from the inputs' sizes only when it knows them up front: names read
// from a pipe are not.
let listIsRegular = true;

if (files0From !== null) {
  if (operands.length > 0) {
    process.stderr.write(`wc: extra operand ${quoteName(operands[0], true)}\nfile operands cannot be combined with --files0-from\nTry 'wc --help' for more information.\n`);
    process.exit(1);
  }
  let list;
  try {
    const source = files0From === '-' ? 0 : fs.openSync(files0From, 'r');
    listIsRegular = fs.fstatSync(source).isFile();
    list = fs.readFileSync(source);
  } catch (e) {
    process.stderr.write(`wc: cannot open ${quoteName(files0From, true)} for reading: ${reason(e)}\n`);
    process.exit(1);
  }
  const names = list.toString('utf8').split('\0');
  if (names[names.length - 1] === '') names.pop();
  operands.push(...names);
}

// East Asian Wide and Fullwidth ranges (two columns), as glibc's wcwidth counts them.
const WIDE = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55], [0x2e80, 0x303e],
  [0x3041, 0x3247], [0x3250, 0x4dbf], [0x4e00, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff],
  [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x16ff0, 0x16ff1],
  [0x17000, 0x18cff], [0x18d00, 0x18d08], [0x1aff0, 0x1b2ff], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f202], [0x1f210, 0x1f23b], [0x1f240, 0x1f248],
  [0x1f250, 0x1f251], [0x1f260, 0x1f265], [0x1f300, 0x1f320], [0x1f32d, 0x1f335], [0x1f337, 0x1f37c],
  [0x1f37e, 0x1f393], [0x1f3a0, 0x1f3ca], [0x1f3cf, 0x1f3d3], [0x1f3e0, 0x1f3f0], [0x1f3f4, 0x1f3f4],
  [0x1f3f8, 0x1f43e], [0x1f440, 0x1f440], [0x1f442, 0x1f4fc], [0x1f4ff, 0x1f53d], [0x1f54b, 0x1f54e],
  [0x1f550, 0x1f567], [0x1f57a, 0x1f57a], [0x1f595, 0x1f596], [0x1f5a4, 0x1f5a4], [0x1f5fb, 0x1f64f],
  [0x1f680, 0x1f6c5], [0x1f6cc, 0x1f6cc], [0x1f6d0, 0x1f6d2], [0x1f6d5, 0x1f6d7], [0x1f6dc, 0x1f6df],
  [0x1f6eb, 0x1f6ec], [0x1f6f4, 0x1f6fc], [0x1f7e0, 0x1f7eb], [0x1f7f0, 0x1f7f0], [0x1f90c, 0x1f93a],
  [0x1f93c, 0x1f945], [0x1f947, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff]/u;
const NOT_PRINTABLE = /[\p{Cc}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/u;

// Columns a printable character takes (0 for what prints nothing).
function columns(cp) {
  if (cp < 0x7f) return cp >= 0x20 ? 1 : 0;
  const ch = String.fromCodePoint(cp);
  if (NOT_PRINTABLE.test(ch) || inRanges(NEWER_THAN_GLIBC, cp)) return 0;
  if (cp !== 0xad && ZERO_WIDTH.test(ch)) return 0;
  return inRanges(WIDE, cp) ? 2 : 1;
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
    else col += columns(cp);
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
inputs.forEach((name, index) => {
  if (name === '') {
    process.stderr.write(files0From !== null ? `wc: ${quoteName(files0From, false)}:${index + 1}: invalid zero-length file name\n` : 'wc: invalid zero-length file name\n');
    status = 1;
    return;
  }
  if (files0From === '-' && name === '-') {
    process.stderr.write("wc: when reading file names from stdin, no file name of '-' allowed\n");
    status = 1;
    return;
  }
  try {
    const st = name === '-' ? fs.fstatSync(0) : fs.statSync(name);
    if (st.isDirectory()) {
      minWidth = 7;
      process.stderr.write(`wc: ${quoteName(name, false)}: Is a directory\n`);
      results.push({ name, counts: { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 } });
      status = 1;
      return;
    }
    if (st.isFile()) regularBytes += st.size; else minWidth = 7;
    results.push({ name: name === '-' && operands.length === 0 ? '' : name, counts: count(fs.readFileSync(name === '-' ? 0 : name)) });
  } catch (e) {
    process.stderr.write(`wc: ${quoteName(name, false)}: ${reason(e)}\n`);
    status = 1;
  }
});

const keys = ['lines', 'words', 'chars', 'bytes', 'maxLine'].filter((k) => want[k]);
let width = String(regularBytes).length;
width = Math.max(width, minWidth);
// A single count of a single input, or names read from a file (not known up front): no padding.
if ((keys.length === 1 && inputs.length === 1) || !listIsRegular) width = 1;
const sum = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
for (const r of results) for (const k of keys) sum[k] = k === 'maxLine' ? Math.max(sum[k], r.counts[k]) : sum[k] + r.counts[k];
const line = (c, name) => keys.map((k) => String(c[k]).padStart(width)).join(' ') + (name ? ` ${name}` : '') + '\n';
let out = '';
for (const r of results) out += line(r.counts, r.name);
if (inputs.length > 1) out += line(sum, 'total');
process.stdout.write(out);
process.exitCode = status;
