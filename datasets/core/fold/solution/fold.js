// A rebuild of GNU fold (coreutils 9.1): wraps input lines to a width, counting columns (tabs to
// the next multiple of 8, backspace moving back, carriage return to the start) or bytes (-b),
// breaking after the last blank with -s. Like GNU fold 9.1 it works on bytes, whatever the locale.
'use strict';
const fs = require('fs');

const HELP = `Usage: fold [OPTION]... [FILE]...
Wrap input lines in each FILE, writing to standard output.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -b, --bytes         count bytes rather than columns
  -s, --spaces        break at spaces
  -w, --width=WIDTH   use WIDTH columns instead of 80
      --help        display this help and exit
      --version     output version information and exit

GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Report any translation bugs to <https://translationproject.org/team/>
Full documentation <https://www.gnu.org/software/coreutils/fold>
or available locally via: info '(coreutils) fold invocation'
`;

const VERSION = `fold (GNU coreutils) 9.1
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by David MacKenzie.
`;

const env = process.env;
const POSIXLY_CORRECT = env.POSIXLY_CORRECT !== undefined;

// ---------------------------------------------------------------------------------------------
// Locale. Only the character type matters to wc: the locale named by LC_ALL, else LC_CTYPE, else
// LANG (empty values count as unset). A UTF-8 codeset makes characters multibyte; anything else
// (C, POSIX, a single-byte codeset) is the C locale, where a character is a byte.
function localeIsUtf8() {
  const name = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  const dot = name.indexOf('.');
  if (dot < 0) return false;
  const codeset = name.slice(dot + 1).split('@')[0];
  return /^utf-?8$/i.test(codeset);
}
const UTF8 = localeIsUtf8();

// ---------------------------------------------------------------------------------------------
// Printable characters of glibc 2.36's UTF-8 locales (Unicode 14.0): the "print" class of
// localedata's i18n_ctype, stored as ranges, each as two base-36 numbers "gap.length": its start
// minus the previous range's end, and its end minus its start.
function decodeRanges(text) {
  const starts = [], ends = [];
  let prev = 0;
  for (const item of text.split(' ')) {
    const [gap, len] = item.split('.');
    const start = prev + parseInt(gap, 36);
    prev = start + parseInt(len, 36);
    starts.push(start);
    ends.push(prev);
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
const PRINT = decodeRanges(
  'w.2m y.k7 3.5 5.6 2.0 2.j 2.b0 2.11 3.1d 3.2 2.1i 9.q 5.5 c.7h 2.1n 3.2s f.1m 3.1c 3.e 2.r 3.0 2.a 6.u 2.1 ' +
  '7.6j 2.7 3.1 3.l 2.6 2.0 4.3 3.8 3.1 3.3 9.0 5.1 2.4 3.o 3.2 2.5 5.1 3.l 2.6 2.1 2.1 2.1 3.0 2.4 5.1 3.2 4.0 ' +
  '8.3 2.0 8.g b.2 2.8 2.2 2.l 2.6 2.1 2.4 3.9 2.2 2.2 3.0 g.3 3.b 8.6 2.2 2.7 3.1 3.l 2.6 2.1 2.4 3.8 3.1 3.2 ' +
  '8.2 5.1 2.4 3.h b.1 2.5 4.2 2.3 4.1 2.0 2.1 4.1 4.2 4.b 5.4 4.2 2.3 3.0 7.0 f.k 6.c 2.2 2.m 2.f 3.8 2.2 2.3 ' +
  '8.1 2.2 3.0 3.3 3.9 8.l 2.2 2.m 2.9 2.4 3.8 2.2 2.3 8.1 7.1 2.3 3.9 2.1 e.c 2.2 2.1e 2.2 2.5 5.f 3.p 2.2 2.h ' +
  '4.n 2.8 2.0 3.6 4.0 5.5 2.0 2.7 7.9 3.2 d.1l 5.s 12.1 2.0 2.4 2.n 2.0 2.m 3.4 2.0 2.5 3.9 3.3 x.1z 2.z 5.12 ' +
  '2.z 2.e 2.c 12.5h 2.0 6.0 3.ag 2.3 3.6 2.0 2.3 3.14 2.3 3.w 2.3 3.6 2.0 2.3 3.e 2.1k 2.3 3.1u 3.v 4.p 7.2d 3.5 ' +
  '3.ik 4.2g 8.l a.n a.j d.c 2.2 2.1 d.2l 3.9 7.9 7.p 7.2g 8.16 6.1x b.u 2.b 5.b 5.0 4.15 3.4 c.17 5.p 7.a 4.1p ' +
  '3.1s 2.s 3.a 7.9 7.d 3.u 1e.24 4.1a 2.37 9.1n 4.e 4.1n 8.16 3.a 9.16 6.et 3.5 3.11 3.5 3.7 2.0 2.0 2.0 2.u ' +
  '3.1g 2.e 2.d 3.5 2.i 3.2 2.8 2.13 3.1m 2.b 3.q 2.c 4.w g.w g.3v 5.ie q.a m.1eb 3.v 2.9o 6.18 2.0 6.0 3.1j 8.1 ' +
  'f.n a.6 2.6 2.6 2.6 2.6 2.6 2.6 2.6 2.3h z.p 2.2g d.5x r.b 5.1r 2.2d 3.2u 6.16 2.2l 2.2b d.1a 2.mlo 4.1i a.9n ' +
  'l.53 9.5m 6.1 2.0 2.4 p.1m 4.9 7.1j 9.1x 9.b 7.37 c.t 4.25 2.a 5.w 2.1i a.d 3.9 3.2u p.r b.5 3.5 3.5 a.6 2.6 ' +
  '2.1n 5.3h 3.9 7.8mb d.m 5.1c 1l1.57x 3.2x 13.6 d.4 6.p 2.4 2.0 2.1 2.1 2.3g h.cc 3.1h 8.0 x.15 7.1e 2.i 2.3 ' +
  '5.4 2.3q 3.0 2.59 4.5 3.5 3.5 3.2 4.6 2.6 b.4 3.b 2.p 2.i 2.1 2.e 3.d z.3e 6.2 5.18 4.2f 2.c 4.0 1c.19 3n.s ' +
  '4.1c g.r 5.z a.t 6.16 6.t 2.10 5.d 17.4d 3.9 7.z 5.z 5.13 9.1f c.b 2.e 2.6 2.1 2.a 2.e 2.6 2.1 1w.8m a.l b.7 ' +
  'p.5 2.15 2.8 1y.5 3.0 2.17 2.1 4.0 3.m 2.1z 9.8 1d.i 2.1 6.w 4.q 6.0 1t.1j 5.j 3.1d 2.1 6.7 2.2 2.s 3.2 5.9 ' +
  '8.8 8.1r x.12 5.b a.1h 4.s 3.q 6.p 8.3 d.6 29.20 1k.1e e.1e 8.19 9.9 87.u 2.15 2.2 3.1 27.13 9.15 n.p 13.r l.m ' +
  'a.25 5.z a.1v b.0 3.o 8.9 7.1g 2.h 9.12 a.2n 2.j c.h 2.17 1u.6 2.0 2.3 2.e 2.a 7.1m 6.9 7.3 2.7 3.1 3.l 2.6 ' +
  '2.1 2.4 2.9 3.1 3.2 3.0 7.0 6.6 3.6 4.4 3w.2j 2.4 v.1z 9.9 4n.1h 3.11 z.1w c.9 7.c k.1l 7.9 1j.q 3.e 5.m 56.1n ' +
  '2t.2a d.7 3.0 3.7 2.1 2.t 2.1 3.b a.9 1z.7 3.19 3.a s.1z 9.2a e.20 7c.8 2.18 2.d b.s 4.v 3.l 2.d 22.6 2.1 2.17 ' +
  '4.0 2.1 2.8 9.9 7.5 2.1 2.10 2.1 2.5 8.9 8n.o 54.0 g.1d e.pm 2v.32 2.4 c.5f 219.2q e.tq 2.8 348.g6 6nu.fs 8.u ' +
  '2.9 5.28 2.9 7.t 3.5 b.1x b.9 2.6 2.k 6.i j5.2i 2u.22 5.1k 8.g 1t.4 c.1 f.4qf 9.yd 17.8 6w8.3 2.6 2.1 2.82 ' +
  '1a.2 i.3 9.az 1s5.2y 6.c 4.8 8.9 3.7 3ml.19 3.m a.37 1p.6t b.12 3.5d m.1x 4b.j d.2e a.o 3s.2c 2.1y 2.1 3.0 3.1 ' +
  '3.3 2.b 2.0 2.6 2.1s 2.3 3.7 2.6 2.r 2.3 2.4 2.0 4.6 2.9f 3.83 3.jh g.4 2.e up.u 6a.6 2.g 3.6 2.1 2.4 5y.18 ' +
  '4.d 3.9 5.1 8x.u i.1l 6.0 yp.6 2.3 2.1 2.e 2.5g 3.f 16.23 5.9 5.1 lu.1v 25.1o 5f.3 2.q 2.1 2.0 3.0 2.9 2.3 2.0 ' +
  '2.0 7.0 5.0 2.0 2.0 2.2 2.1 2.0 3.0 2.0 2.0 2.0 2.0 2.1 2.0 3.3 2.6 2.3 2.3 2.0 2.9 2.g 6.2 2.4 2.g 1h.1 7j.17 ' +
  '5.2r d.e 3.e 2.e 2.10 b.4t 1l.s e.17 5.8 8.1 f.5 4b.rb 6.f 4.c 4.37 d.2g 8.b 5.0 g.b 5.1j 9.9 7.13 9.t 3.1 ' +
  '27.9f d.d 3.4 4.4 4.6 a.s 4.a 6.5 b.9 7.7 9.6 a.42 2.1i 12.9 sn.wyn x.37c 8.65 3.4g1 f.5rk 2e8.f1 15v.3t6 ' +
  'fcfr.0 v.2n 3l.6n 1e6p.1ekd 3.1ekd');
function inRanges(table, cp) {
  const { starts, ends } = table;
  let lo = 0, hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < starts[mid]) hi = mid - 1;
    else if (cp > ends[mid]) lo = mid + 1;
    else return true;
  }
  return false;
}

// iswprint, for the current locale (in the C locale, only ASCII graphic characters and space).
function isPrint(cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return UTF8 && cp <= 0x10ffff && inRanges(PRINT, cp);
}
// glibc's UTF-8 mbrtowc on buf[i..end): returns the character's length (its code point in
// decoded.cp), -1 for an invalid sequence, -2 for a valid but incomplete one. Like glibc it takes
// the historical 5- and 6-byte forms (up to 0x7fffffff) and rejects overlong forms and surrogates.
const decoded = { cp: 0 };
function decodeUtf8(buf, i, end) {
  const b = buf[i];
  if (b < 0x80) { decoded.cp = b; return 1; }
  let len, cp, min;
  if (b < 0xc2) return -1;
  else if (b < 0xe0) { len = 2; cp = b & 0x1f; min = 0x80; }
  else if (b < 0xf0) { len = 3; cp = b & 0x0f; min = 0x800; }
  else if (b < 0xf8) { len = 4; cp = b & 0x07; min = 0x10000; }
  else if (b < 0xfc) { len = 5; cp = b & 0x03; min = 0x200000; }
  else if (b < 0xfe) { len = 6; cp = b & 0x01; min = 0x4000000; }
  else return -1;
  for (let k = 1; k < len; k++) {
    if (i + k >= end) return -2;
    const c = buf[i + k];
    if ((c & 0xc0) !== 0x80) return -1;
    cp = cp * 64 + (c & 0x3f);
  }
  if (cp < min || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
  decoded.cp = cp;
  return len;
}

// ---------------------------------------------------------------------------------------------
// Quoting of file names in messages, as gnulib's quotearg does it for the shell-escape styles:
// bare when the name is harmless to a shell (shell_escape, used with a colon as one more special
// character for "NAME: error" messages), or always in single quotes (shell_escape_always), with
// what cannot be printed written as $'\ooo' escapes.
const SHELL_SPECIAL = new Set([...'!"$&()*;<=>[^`|'].map((c) => c.charCodeAt(0)));
const SAFE = new Set([...'%+,-./0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ]_abcdefghijklmnopqrstuvwxyz'].map((c) => c.charCodeAt(0)));
const C_ESCAPES = { 7: 'a', 8: 'b', 12: 'f', 10: 'n', 13: 'r', 9: 't', 11: 'v' };

class ForceQuotes extends Error {}

function quoteBytes(arg, always, colon) {
  if (!always) {
    try {
      return quoteStyled(arg, true, colon);
    } catch (e) {
      if (!(e instanceof ForceQuotes)) throw e;
    }
  }
  return quoteStyled(arg, false, false);
}

// One pass of quotearg_buffer_restyled for the shell styles; `elide` is true for the bare form,
// which throws ForceQuotes as soon as the name needs quotes.
function quoteStyled(arg, elide, colon) {
  let out = [];
  const store = (...bytes) => { for (const b of bytes) out.push(typeof b === 'string' ? b.charCodeAt(0) : b); };
  let pendingEscapeEnd = false;
  let singleQuoteSeen = false;
  let allCompatible = true;
  let rescan = false;
  // Like gnulib, a name with a single quote in it is gone through a second time, to decide between
  // "double quotes" (when every byte allows) and single quotes; the second pass keeps the escape
  // state the first one ended in.
  for (let pass = 0; pass < 2; pass++) {
    out = [];
    if (!elide) store("'");
    for (let i = 0; i < arg.length; i++) {
      let c = arg[i];
      let escaping = false;
      let compatible = false;
      const startEscape = () => {
        if (elide) throw new ForceQuotes();
        escaping = true;
        if (!pendingEscapeEnd) { store("'", '$', "'"); pendingEscapeEnd = true; }
        store('\\');
      };
      const endEscape = () => {
        if (pendingEscapeEnd && !escaping) { store("'", "'"); pendingEscapeEnd = false; }
      };
      let action = 'store';
      if (C_ESCAPES[c] !== undefined) {
        if ((c === 10 || c === 13 || c === 9) && elide) throw new ForceQuotes();
        c = C_ESCAPES[c].charCodeAt(0);
        action = 'escape';
      } else if (c === 0x3f /* ? */ || c === 0x5c /* \ */) {
        if (elide) throw new ForceQuotes();
      } else if (c === 0x27 /* ' */) {
        singleQuoteSeen = true;
        compatible = true;
        if (elide) throw new ForceQuotes();
        store("'", '\\', "'");
        pendingEscapeEnd = false;
      } else if (c === 0x7b || c === 0x7d /* { } */) {
        if (arg.length === 1) {
          compatible = true;
          if (elide) throw new ForceQuotes();
        }
      } else if (c === 0x23 || c === 0x7e /* # ~ */) {
        if (i === 0) {
          compatible = true;
          if (elide) throw new ForceQuotes();
        }
      } else if (c === 0x20) {
        compatible = true;
        if (elide) throw new ForceQuotes();
      } else if (SHELL_SPECIAL.has(c)) {
        if (elide) throw new ForceQuotes();
      } else if (SAFE.has(c)) {
        compatible = true;
        if (c === 0x3a && colon) action = 'escape';
      } else {
        // Anything else: one character, printable or not, of one or more bytes.
        let m, printable;
        if (!UTF8) {
          m = 1;
          printable = c >= 0x20 && c < 0x7f;
        } else {
          const n = decodeUtf8(arg, i, arg.length);
          if (n === -1) { m = 0; printable = false; }
          else if (n === -2) { m = arg.length - i; printable = false; }
          else { m = n; printable = isPrint(decoded.cp); }
        }
        compatible = printable;
        if (m > 1 || !printable) {
          const limit = i + m;
          for (;;) {
            if (!printable) {
              startEscape();
              store(0x30 + (c >> 6), 0x30 + ((c >> 3) & 7));
              c = 0x30 + (c & 7);
            }
            if (limit <= i + 1) break;
            endEscape();
            store(c);
            c = arg[++i];
          }
        }
      }
      if (action === 'escape') startEscape();
      endEscape();
      store(c);
      if (!compatible) allCompatible = false;
    }
    if (arg.length === 0 && elide) throw new ForceQuotes();
    if (!elide && singleQuoteSeen) {
      if (allCompatible) return Buffer.concat([Buffer.from('"'), arg, Buffer.from('"')]);
      if (!rescan) { rescan = true; continue; }
    }
    break;
  }
  if (!elide) store("'");
  return Buffer.from(out);
}

const asBuffer = (name) => (Buffer.isBuffer(name) ? name : Buffer.from(name));

// quotef: a file name before a colon, bare when harmless (a colon counting as special).
const quotef = (name) => quoteBytes(asBuffer(name), false, true);

// quote(): a value in a message, between the locale's quotation marks (‘…’ in a UTF-8 locale,
// '…' otherwise), with C-style backslash escapes for what cannot be printed.
function quote(text) {
  const arg = asBuffer(text);
  const left = Buffer.from(UTF8 ? '\u2018' : "'");
  const right = Buffer.from(UTF8 ? '\u2019' : "'");
  const out = [...left];
  const octal = (b) => out.push(0x5c, 0x30 + (b >> 6), 0x30 + ((b >> 3) & 7), 0x30 + (b & 7));
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i];
    let isRightQuote = i + right.length <= arg.length && arg.subarray(i, i + right.length).equals(right);
    if (C_ESCAPES[c] !== undefined) {
      out.push(0x5c, C_ESCAPES[c].charCodeAt(0));
    } else if (c === 0x5c) {
      out.push(0x5c, 0x5c);
    } else if (c !== 0x40 && c >= 0x20 && c < 0x7f) {
      if (isRightQuote) out.push(0x5c);
      out.push(c);
    } else {
      let m, printable;
      if (!UTF8) {
        m = 1;
        printable = c >= 0x20 && c < 0x7f;
      } else {
        const n = decodeUtf8(arg, i, arg.length);
        if (n === -1) { m = 0; printable = false; }
        else if (n === -2) { m = arg.length - i; printable = false; }
        else { m = n; printable = isPrint(decoded.cp); }
      }
      const last = Math.max(i + m, i + 1);
      for (; i < last; i++) {
        if (!printable) octal(arg[i]);
        else {
          if (isRightQuote) { out.push(0x5c); isRightQuote = false; }
          out.push(arg[i]);
        }
      }
      i--;
    }
  }
  out.push(...right);
  return Buffer.from(out);
}

// ---------------------------------------------------------------------------------------------
// Output and messages.
const ERRNO_TEXT = {
  EPERM: 'Operation not permitted', ENOENT: 'No such file or directory', EIO: 'Input/output error', ENXIO: 'No such device or address',
  EBADF: 'Bad file descriptor', EAGAIN: 'Resource temporarily unavailable', ENOMEM: 'Cannot allocate memory', EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy', ENODEV: 'No such device', ENOTDIR: 'Not a directory', EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument', ENFILE: 'Too many open files in system', EMFILE: 'Too many open files', ETXTBSY: 'Text file busy',
  EFBIG: 'File too large', ENOSPC: 'No space left on device', ESPIPE: 'Illegal seek', EROFS: 'Read-only file system',
  EPIPE: 'Broken pipe', ENAMETOOLONG: 'File name too long', ELOOP: 'Too many levels of symbolic links', EOVERFLOW: 'Value too large for defined data type',
};
const errnoText = (e) => ERRNO_TEXT[e && e.code] || (e && e.code) || 'Input/output error';

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms) => Atomics.wait(sleepCell, 0, 0, ms);
function writeAll(fd, buf) {
  for (let off = 0; off < buf.length;) {
    try {
      off += fs.writeSync(fd, buf, off);
    } catch (e) {
      if (e.code === 'EAGAIN') { sleep(1); continue; }
      throw e;
    }
  }
}

const outParts = [];
let outBytes = 0;
function write(buf) {
  outParts.push(buf);
  outBytes += buf.length;
  if (outBytes >= 1 << 20) flush();
}
function flush() {
  if (outParts.length) writeAll(1, Buffer.concat(outParts.splice(0)));
  outBytes = 0;
}
function warn(...parts) {
  flush();
  writeAll(2, Buffer.concat([Buffer.from('fold: '), ...parts.map(asBuffer), Buffer.from('\n')]));
}
function usageError(...parts) {
  if (parts.length) warn(...parts);
  writeAll(2, Buffer.from("Try 'fold --help' for more information.\n"));
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// The width: gnulib's xdectoumax with no suffixes allowed, between 1 and SIZE_MAX - TAB_WIDTH - 1
// (leading white space and "+" allowed).
const TAB_WIDTH = 8;
const MAX_WIDTH = 2n ** 64n - 1n - BigInt(TAB_WIDTH) - 1n;
const isCSpace = (ch) => ch === ' ' || (ch >= '\t' && ch <= '\r');

function parseWidth(text) {
  const what = 'invalid number of columns: ';
  let i = 0;
  while (i < text.length && isCSpace(text[i])) i++;
  const m = /^\+?([0-9]+)$/.exec(text.slice(i));
  if (!m) {
    warn(what, quote(text));
    process.exit(1);
  }
  const n = BigInt(m[1]);
  if (n > MAX_WIDTH) {
    warn(what, quote(text), ': Value too large for defined data type');
    process.exit(1);
  }
  if (n < 1n) {
    warn(what, quote(text), ': Numerical result out of range');
    process.exit(1);
  }
  // Columns never get near 2^53, so a larger width is as good as infinite.
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

// ---------------------------------------------------------------------------------------------
// Options, parsed the way glibc's getopt_long does ("bsw:0::1::…9::"): options and operands may be
// mixed (unless POSIXLY_CORRECT), "--" ends the options, long options may be abbreviated to any
// unique prefix, and a digit starts a width that takes the rest of its argument (-72, -b5).
const LONG_OPTIONS = [
  { name: 'bytes', arg: false, key: 'b' },
  { name: 'spaces', arg: false, key: 's' },
  { name: 'width', arg: true, key: 'w' },
  { name: 'help', arg: false, key: 'help' },
  { name: 'version', arg: false, key: 'version' },
];

let width = 80;
let countBytes = false;
let breakSpaces = false;

function applyOption(key, value) {
  switch (key) {
    case 'b': countBytes = true; break;
    case 's': breakSpaces = true; break;
    case 'w': width = parseWidth(value); break;
    case 'help': writeAll(1, Buffer.from(HELP)); process.exit(0); break;
    case 'version': writeAll(1, Buffer.from(VERSION)); process.exit(0); break;
  }
}

const files = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--') { files.push(...args.slice(i + 1)); break; }
  if (arg === '-' || !arg.startsWith('-')) {
    if (POSIXLY_CORRECT) { files.push(...args.slice(i)); break; }
    files.push(arg);
    continue;
  }
  if (arg.startsWith('--')) {
    const body = arg.slice(2);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    let option = LONG_OPTIONS.find((o) => o.name === name);
    if (!option) {
      const matches = LONG_OPTIONS.filter((o) => o.name.startsWith(name));
      if (matches.length === 0) usageError(`unrecognized option '${arg}'`);
      if (matches.length > 1) {
        warn(`option '${arg}' is ambiguous; possibilities:`, matches.map((o) => ` '--${o.name}'`).join(''));
        usageError();
      }
      option = matches[0];
    }
    let value;
    if (eq >= 0) {
      if (!option.arg) usageError(`option '--${option.name}' doesn't allow an argument`);
      value = body.slice(eq + 1);
    } else if (option.arg) {
      if (i + 1 >= args.length) usageError(`option '--${option.name}' requires an argument`);
      value = args[++i];
    }
    applyOption(option.key, value);
    continue;
  }
  // A cluster of short options, looked at byte by byte.
  const bytes = Buffer.from(arg);
  for (let j = 1; j < bytes.length; j++) {
    const b = bytes[j];
    if (b === 0x62 /* b */ || b === 0x73 /* s */) {
      applyOption(String.fromCharCode(b));
    } else if (b === 0x77 /* w */) {
      let value;
      if (j + 1 < bytes.length) value = bytes.subarray(j + 1).toString();
      else if (i + 1 < args.length) value = args[++i];
      else usageError("option requires an argument -- 'w'");
      applyOption('w', value);
      break;
    } else if (b >= 0x30 && b <= 0x39) {
      // An obsolete -WIDTH: the digit and whatever follows it in the argument.
      applyOption('w', bytes.subarray(j).toString());
      break;
    } else {
      usageError(Buffer.concat([Buffer.from("invalid option -- '"), bytes.subarray(j, j + 1), Buffer.from("'")]));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Folding.

// The column the cursor moves to when byte c is printed at column `column` (the first is 0).
function adjustColumn(column, c) {
  if (countBytes) return column + 1;
  if (c === 0x08) return column > 0 ? column - 1 : 0;
  if (c === 0x0d) return 0;
  if (c === 0x09) return column + TAB_WIDTH - (column % TAB_WIDTH);
  return column + 1;
}

// The line being built; kept across inputs like GNU's buffer, but emptied at the end of each.
let line = Buffer.alloc(1024);
let lineLength = 0;
function pushByte(c) {
  if (lineLength === line.length) {
    const bigger = Buffer.alloc(line.length * 2);
    line.copy(bigger, 0, 0, lineLength);
    line = bigger;
  }
  line[lineLength++] = c;
}
const emit = (start, end) => write(Buffer.from(line.subarray(start, end)));
const NEWLINE = Buffer.from('\n');

// Folds the bytes of one input; column is where the cursor is (carried from byte to byte).
function makeFolder() {
  let column = 0;
  return (buf, n) => {
    for (let k = 0; k < n; k++) {
      const c = buf[k];
      if (c === 0x0a) {
        pushByte(c);
        emit(0, lineLength);
        column = lineLength = 0;
        continue;
      }
      for (;;) {
        column = adjustColumn(column, c);
        if (column <= width) {
          pushByte(c);
          break;
        }
        // This byte would make the line too long: end the line before it, after its last blank
        // with -s, and put the byte on the next line.
        if (breakSpaces) {
          let blank = lineLength;
          while (blank > 0 && line[blank - 1] !== 0x20 && line[blank - 1] !== 0x09) blank--;
          if (blank > 0) {
            emit(0, blank);
            write(NEWLINE);
            line.copy(line, 0, blank, lineLength);
            lineLength -= blank;
            column = 0;
            for (let i = 0; i < lineLength; i++) column = adjustColumn(column, line[i]);
            continue;
          }
        }
        if (lineLength === 0) {
          pushByte(c);
          break;
        }
        pushByte(0x0a);
        emit(0, lineLength);
        column = lineLength = 0;
      }
    }
  };
}

function readChunks(fd, onChunk) {
  const buf = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let n;
    try {
      n = fs.readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if (e.code === 'EAGAIN') { sleep(1); continue; }
      if (e.code === 'EOF') return;
      throw e;
    }
    if (n === 0) return;
    onChunk(buf, n);
  }
}

function foldFile(name) {
  let fd = 0;
  if (name !== '-') {
    try {
      fd = fs.openSync(name, 'r');
    } catch (e) {
      warn(quotef(name), ': ', errnoText(e));
      return false;
    }
  }
  let error = null;
  try {
    readChunks(fd, makeFolder());
  } catch (e) {
    error = e;
  }
  // What is left of the last line goes out without a newline.
  if (lineLength > 0) emit(0, lineLength);
  lineLength = 0;
  if (name !== '-') fs.closeSync(fd);
  if (error) {
    warn(quotef(name), ': ', errnoText(error));
    return false;
  }
  return true;
}

let ok = true;
for (const name of files.length > 0 ? files : ['-']) ok = foldFile(name) && ok;
flush();
process.exitCode = ok ? 0 : 1;
