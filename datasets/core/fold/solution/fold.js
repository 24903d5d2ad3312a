'use strict';
// A rebuild of GNU fold: wraps input lines to a width, counting columns (tabs to the next multiple
// of 8, backspace and carriage return moving back) or bytes (-b), breaking at blanks with -s.
const fs = require('fs');

const out = [];
let exitCode = 0;
const write = (buf) => out.push(Buffer.isBuffer(buf) ? buf : Buffer.from(buf));
const warn = (text) => process.stderr.write(`fold: ${text}\n`);

function usageError(text) {
  warn(text);
  process.stderr.write("Try 'fold --help' for more information.\n");
  process.exit(1);
}

// Quotes a file name only when a shell would need it (coreutils' shell-escape style).
function quoteName(name) {
  if (/^[A-Za-z0-9_./+,:=@%^-]+$/.test(name)) return name;
  if (!name.includes("'")) return `'${name}'`;
  return `"${name.replace(/(["\\$`])/g, '\\$1')}"`;
}

function parseWidth(text) {
  if (!/^\+?\d+$/.test(text)) {
    warn(`invalid number of columns: ‘${text}’`);
    process.exit(1);
  }
  const n = BigInt(text.replace(/^\+/, ''));
  if (n > 18446744073709551615n) {
    warn(`invalid number of columns: ‘${text}’: Value too large for defined data type`);
    process.exit(1);
  }
  if (n === 0n) {
    warn(`invalid number of columns: ‘${text}’: Numerical result out of range`);
    process.exit(1);
  }
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

let width = 80;
let countBytes = false;
let breakSpaces = false;
const files = [];
const args = process.argv.slice(2);
const longOptions = ['bytes', 'spaces', 'width', 'help', 'version'];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--') {
    files.push(...args.slice(i + 1));
    break;
  }
  if (arg.startsWith('--')) {
    const [name, value] = arg.slice(2).split(/=(.*)/s);
    const matches = longOptions.filter((o) => o.startsWith(name));
    const exact = longOptions.includes(name) ? name : matches.length === 1 ? matches[0] : null;
    if (!exact) {
      if (matches.length > 1) usageError(`option '${arg.split('=')[0]}' is ambiguous; possibilities:${matches.map((m) => ` '--${m}'`).join('')}`);
      usageError(`unrecognized option '${arg}'`);
    }
    if (exact === 'width') {
      let v = value;
      if (v === undefined) {
        if (i + 1 >= args.length) usageError(`option '--width' requires an argument`);
        v = args[++i];
      }
      width = parseWidth(v);
    } else if (value !== undefined) {
      usageError(`option '--${exact}' doesn't allow an argument`);
    } else if (exact === 'bytes') countBytes = true;
    else if (exact === 'spaces') breakSpaces = true;
    else if (exact === 'version') {
      process.stdout.write('fold (GNU coreutils) 9.1\n');
      process.exit(0);
    } else {
      process.stdout.write('Usage: fold [OPTION]... [FILE]...\n');
      process.exit(0);
    }
    continue;
  }
  if (arg.startsWith('-') && arg.length > 1) {
    let j = 1;
    // Obsolete -WIDTH, possibly followed by more option letters.
    const digits = /^\d+/.exec(arg.slice(1));
    if (digits) {
      width = parseWidth(digits[0]);
      j = 1 + digits[0].length;
    }
    for (; j < arg.length; j++) {
      const c = arg[j];
      if (c === 'b') countBytes = true;
      else if (c === 's') breakSpaces = true;
      else if (c === 'w') {
        let v = arg.slice(j + 1);
        if (v === '') {
          if (i + 1 >= args.length) usageError(`option requires an argument -- 'w'`);
          v = args[++i];
        }
        width = parseWidth(v);
        break;
      } else if (/\d/.test(c)) {
        const more = /^\d+/.exec(arg.slice(j));
        width = parseWidth(more[0]);
        j += more[0].length - 1;
      } else usageError(`invalid option -- '${c}'`);
    }
    continue;
  }
  files.push(arg);
}
if (files.length === 0) files.push('-');

function adjust(column, c) {
  if (countBytes) return column + 1;
  if (c === 0x08) return column > 0 ? column - 1 : 0;
  if (c === 0x0d) return 0;
  if (c === 0x09) return column + 8 - (column % 8);
  return column + 1;
}

function fold(data) {
  let line = [];
  let column = 0;
  for (let k = 0; k < data.length; k++) {
    const c = data[k];
    if (c === 0x0a) {
      line.push(c);
      write(Buffer.from(line));
      line = [];
      column = 0;
      continue;
    }
    for (;;) {
      const next = adjust(column, c);
      if (next > width) {
        if (breakSpaces) {
          let blank = -1;
          for (let m = line.length - 1; m >= 0; m--) {
            if (line[m] === 0x20 || line[m] === 0x09) {
              blank = m;
              break;
            }
          }
          if (blank >= 0) {
            write(Buffer.from(line.slice(0, blank + 1)));
            write('\n');
            line = line.slice(blank + 1);
            column = 0;
            for (const b of line) column = adjust(column, b);
            continue;
          }
        }
        if (line.length === 0) {
          line.push(c);
          column = next;
          break;
        }
        line.push(0x0a);
        write(Buffer.from(line));
        line = [];
        column = 0;
        continue;
      }
      line.push(c);
      column = next;
      break;
    }
  }
  if (line.length > 0) write(Buffer.from(line));
}

for (const file of files) {
  let data;
  try {
    data = file === '-' ? fs.readFileSync(0) : fs.readFileSync(file);
  } catch (error) {
    const what = error.code === 'ENOENT' ? 'No such file or directory' : error.code === 'EISDIR' ? 'Is a directory' : error.code === 'EACCES' ? 'Permission denied' : error.message;
    warn(`${quoteName(file)}: ${what}`);
    exitCode = 1;
    continue;
  }
  fold(data);
}
fs.writeSync(1, Buffer.concat(out));
process.exitCode = exitCode;
