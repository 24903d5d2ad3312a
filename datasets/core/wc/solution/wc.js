// A rebuild of GNU wc (coreutils 9.1): counts newlines, words, characters, bytes and the widest
// line of files, standard input or a NUL-separated list of names (--files0-from).
'use strict';
const fs = require('fs');

const HELP = "Usage: wc [OPTION]... [FILE]...\n  or:  wc [OPTION]... --files0-from=F\nPrint newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.  A word is a non-zero-length sequence of\nprintable characters delimited by white space.\n\nWith no FILE, or when FILE is -, read standard input.\n\nThe options below may be used to select which counts are printed, always in\nthe following order: newline, word, character, byte, maximum line length.\n  -c, --bytes            print the byte counts\n  -m, --chars            print the character counts\n  -l, --lines            print the newline counts\n      --files0-from=F    read input from the files specified by\n                           NUL-terminated names in file F;\n                           If F is - then read names from standard input\n  -L, --max-line-length  print the maximum display width\n  -w, --words            print the word counts\n      --help        display this help and exit\n      --version     output version information and exit\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nReport any translation bugs to <https://translationproject.org/team/>\nFull documentation <https://www.gnu.org/software/coreutils/wc>\nor available locally via: info '(coreutils) wc invocation'\n";

const VERSION = 'wc (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Paul Rubin and David MacKenzie.\n';

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
// Character classes of glibc 2.36's UTF-8 locales (Unicode 14.0): the "print" class of
// localedata's i18n_ctype and the column widths of the UTF-8 charmap's WIDTH section, stored as
// ranges, each as two base-36 numbers "gap.length": its start minus the previous range's end, and
// its end minus its start.
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
// Printable characters that take no column (combining marks, format characters, …).
const ZERO_WIDTH = decodeRanges(
  'lc.33 7o.6 7c.18 2.0 2.1 2.1 2.0 21.a 2.0 1b.k h.0 2u.6 3.5 3.1 2.3 10.0 v.q 2k.a 1n.8 a.0 p.3 2.8 2.2 2.4 ' +
  '18.2 1p.7 17.n 2.v 1k.0 2.0 5.7 5.0 4.6 b.1 u.0 1n.0 5.3 9.0 l.1 r.0 3.1 1m.0 5.1 5.1 3.2 4.0 v.1 4.0 c.1 1m.0 ' +
  '5.4 2.1 5.0 l.1 n.5 2.0 1n.0 3.0 2.3 9.0 8.1 c.1 v.0 1q.0 d.0 1f.0 4.0 1k.0 2.2 6.2 2.3 8.1 c.1 u.0 1n.0 3.0 ' +
  '7.0 6.1 l.1 t.1 1m.1 5.3 9.0 l.1 u.0 21.0 8.2 2.0 2j.0 3.6 d.7 2r.0 3.8 c.5 23.1 s.0 2.0 2.0 1k.d 2.4 2.1 6.a ' +
  '2.z a.0 2v.3 2.5 2.1 3.1 q.1 5.2 h.3 e.0 3.1 7.0 g.0 5f.4f 9q.2 qb.2 u.1 v.1 v.1 1t.1 2.6 9.0 3.a a.0 1a.4 ' +
  '3a.1 z.0 3b.2 5.1 a.0 7.2 64.1 3.0 1n.0 2.6 2.0 2.0 3.7 7.9 3.0 1d.u 1e.3 1d.0 2.4 2.0 6.0 15.8 d.1 x.3 3.1 ' +
  '2.2 1l.0 2.1 4.0 2.2 1n.7 3.1 49.2 2.c 2.6 5.0 7.0 4.1 5j.1r ek.4 r.4 1e.4 2.9 2p.w 2db.2 3y.0 2p.v ff.3 30.1 ' +
  'n9x.3 2.9 x.1 29.1 7l.0 4.0 5.0 q.1 6.0 48.1 r.h e.0 13.7 q.a 1b.2 1d.0 3.3 3.1 14.0 1w.5 3.1 3.1 d.0 9.0 1c.0 ' +
  '1g.0 2.2 3.1 6.1 2.0 17.1 9.0 6n.0 3.0 5.0 8n7.m 5.1c 6xv.0 ki.f h.f 5s.0 6y.2 ea.0 6b.0 46.4 1af.2 2.1 6.3 ' +
  '15.2 5.0 4m.1 fy.3 as.1 4a.a 1e.3 3g.0 1j.e 16.0 3.1 b.2 1e.3 3.1 8.0 1q.2 11.4 2.7 1r.0 d.1 1h.8 b.3 3.0 2o.2 ' +
  '3.0 2.1 7.0 4h.0 4.7 m.1 1m.1 4.0 12.6 4.4 5g.7 3.2 2.0 o.0 2d.5 2.0 5.1 2.1 6n.3 7.1 2.1 s.1 2e.7 3.0 2.1 ' +
  '2z.0 2.0 3.5 2.0 2u.2 3.3 2.4 78.8 2.1 75.1 2.0 5.0 41.3 3.1 5.0 x.9 15.5 3.3 9.0 a.5 3.2 1b.c 2.1 bb.6 2.5 ' +
  '2.0 2b.l 3.6 2.1 2.1 3f.5 4.0 2.1 2.6 2.0 21.1 4.0 2.0 9o.1 470.8 at4.4 1o.6 t5.0 1s.3 2a.0 f5l.1 2.3 3ml.19 ' +
  '3.m f5.2 a.f 3.6 v.3 45.2 1j0.1i 5.1d 9.0 f.0 n.4 2.e 11t.6 2.g 3.6 2.1 2.4 7a.6 ag.0 1q.3 15t.6 32.6 gzav.0 ' +
  'v.2n 3l.6n');
// Printable characters that take two columns (East Asian wide and fullwidth).
const DOUBLE_WIDTH = decodeRanges(
  '3cw.2n 3i3.1 e.1 5b.3 4.0 3.0 ei.1 m.1 1f.b 18.0 k.0 e.0 9.1 i.1 6.1 9.0 6.0 m.0 8.1 2.0 5.0 3.0 8.0 5.1 t.0 ' +
  '10.0 2.0 5.2 2.0 1q.2 p.0 f.0 nw.1 1g.0 5.0 mj.p 2.2g d.5x r.b 5.15 5.g 3.2d 5.2s 6.16 2.2l 2.2b d.1a 2.mlo ' +
  '4.1i wq.s hw.8mb 6l9.a5 3.2x mv.9 n.y 2.i 2.3 46.2n 3k.6 m4a.3 d.1 f.4qf 9.yd 17.8 6w8.3 2.6 2.1 2.82 1a.2 i.3 ' +
  '9.az c21.0 5n.0 5b.0 3.9 2u.2 e.17 5.8 8.1 f.5 4b.w d.8 2.1x 2.l d.16 5.4 d.g 4.0 4.1y 2.0 2.56 3.1q e.3 2.n ' +
  'j.0 r.1 e.0 2f.2c 1d.1x 7.0 4.2 3.2 6.2 c.1 8.8 6c.b 5.0 7w.1a 2.9 2.54 35.4 4.4 4.6 a.s 4.a 6.5 b.9 7.7 9.6 ' +
  'zu.wyn x.37c 8.65 3.4g1 f.5rk 2e8.f1 15v.3t6');

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
// wcwidth of a printable character.
function width(cp) {
  if (cp < 0x300) return 1;
  if (inRanges(ZERO_WIDTH, cp)) return 0;
  return inRanges(DOUBLE_WIDTH, cp) ? 2 : 1;
}
// iswspace beyond ASCII: the "space" class of i18n_ctype (U+2028 and U+2029, also in it, are not
// printable, so never reach this test).
function isWideSpace(cp) {
  return cp === 0x1680 || (cp >= 0x2000 && cp <= 0x2006) || (cp >= 0x2008 && cp <= 0x200a) || cp === 0x205f || cp === 0x3000;
}
// GNU wc also splits words at the non-breaking spaces, unless POSIXLY_CORRECT is set.
function isNonBreakingSpace(cp) {
  return !POSIXLY_CORRECT && (cp === 0xa0 || cp === 0x2007 || cp === 0x202f || cp === 0x2060);
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
// quotef: bare if harmless, a colon counting as special. quoteaf: always quoted.
const quotef = (name) => quoteBytes(asBuffer(name), false, true);
const quoteaf = (name) => quoteBytes(asBuffer(name), true, false);

// ---------------------------------------------------------------------------------------------
// Messages.
const ERRNO_TEXT = {
  EPERM: 'Operation not permitted', ENOENT: 'No such file or directory', EIO: 'Input/output error', ENXIO: 'No such device or address',
  EBADF: 'Bad file descriptor', EAGAIN: 'Resource temporarily unavailable', ENOMEM: 'Cannot allocate memory', EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy', ENODEV: 'No such device', ENOTDIR: 'Not a directory', EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument', ENFILE: 'Too many open files in system', EMFILE: 'Too many open files', ETXTBSY: 'Text file busy',
  EFBIG: 'File too large', ENOSPC: 'No space left on device', ESPIPE: 'Illegal seek', EROFS: 'Read-only file system',
  EPIPE: 'Broken pipe', ENAMETOOLONG: 'File name too long', ELOOP: 'Too many levels of symbolic links', EOVERFLOW: 'Value too large for defined data type',
};
const errnoText = (e) => ERRNO_TEXT[e && e.code] || (e && e.code) || 'Input/output error';

const stderrParts = [];
function warn(...parts) {
  stderrParts.push(Buffer.from('wc: '), ...parts.map(asBuffer), Buffer.from('\n'));
  flushStderr();
}
function flushStderr() {
  if (stderrParts.length) writeAll(2, Buffer.concat(stderrParts.splice(0)));
}
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
const sleepCell = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms) => Atomics.wait(sleepCell, 0, 0, ms);

function usageError(...parts) {
  if (parts.length) warn(...parts);
  writeAll(2, Buffer.from("Try 'wc --help' for more information.\n"));
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Options, parsed the way glibc's getopt_long does: options and operands may be mixed (unless
// POSIXLY_CORRECT), "--" ends the options, long options may be abbreviated to any unique prefix.
const LONG_OPTIONS = [
  { name: 'bytes', arg: false, key: 'c' },
  { name: 'chars', arg: false, key: 'm' },
  { name: 'lines', arg: false, key: 'l' },
  { name: 'words', arg: false, key: 'w' },
  { name: 'debug', arg: false, key: 'debug' },
  { name: 'files0-from', arg: true, key: 'files0-from' },
  { name: 'max-line-length', arg: false, key: 'L' },
  { name: 'help', arg: false, key: 'help' },
  { name: 'version', arg: false, key: 'version' },
];
const SHORT_OPTIONS = 'clLmw';

const print = { lines: false, words: false, chars: false, bytes: false, maxLine: false };
let debug = false;
let files0From = null;
const operands = [];

function applyOption(key, value) {
  switch (key) {
    case 'c': print.bytes = true; break;
    case 'm': print.chars = true; break;
    case 'l': print.lines = true; break;
    case 'w': print.words = true; break;
    case 'L': print.maxLine = true; break;
    case 'debug': debug = true; break;
    case 'files0-from': files0From = value; break;
    case 'help': writeAll(1, Buffer.from(HELP)); process.exit(0); break;
    case 'version': writeAll(1, Buffer.from(VERSION)); process.exit(0); break;
  }
}

const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--') { operands.push(...args.slice(i + 1)); break; }
  if (arg === '-' || !arg.startsWith('-')) {
    if (POSIXLY_CORRECT) { operands.push(...args.slice(i)); break; }
    operands.push(arg);
    continue;
  }
  if (arg.startsWith('--')) {
    const body = arg.slice(2);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    let option = LONG_OPTIONS.find((o) => o.name === name);
    if (!option) {
      const matches = LONG_OPTIONS.filter((o) => o.name.startsWith(name));
      if (matches.length > 1) {
        warn(`option '${arg}' is ambiguous; possibilities:`, matches.map((o) => ` '--${o.name}'`).join(''));
        usageError();
      }
      option = matches[0];
    }
    if (!option) usageError(`unrecognized option '${arg}'`);
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
  // A cluster of short options; getopt looks at it byte by byte.
  const bytes = Buffer.from(arg.slice(1));
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (b < 0x80 && SHORT_OPTIONS.includes(ch)) applyOption(ch);
    else usageError(Buffer.concat([Buffer.from("invalid option -- '"), Buffer.from([b]), Buffer.from("'")]));
  }
}

if (!print.lines && !print.words && !print.chars && !print.bytes && !print.maxLine) {
  print.lines = print.words = print.bytes = true;
}
const printCount = print.lines + print.words + print.chars + print.bytes + print.maxLine;

// ---------------------------------------------------------------------------------------------
// Reading.
const CHUNK = 64 * 1024;
// Calls onChunk(buffer, length) for each block read from fd; throws the read error, if any.
function readChunks(fd, onChunk) {
  const buf = Buffer.allocUnsafe(CHUNK);
  for (;;) {
    let n;
    try {
      n = fs.readSync(fd, buf, 0, CHUNK, null);
    } catch (e) {
      if (e.code === 'EAGAIN') { sleep(1); continue; }
      if (e.code === 'EOF') return;
      throw e;
    }
    if (n === 0) return;
    onChunk(buf, n);
  }
}

// ---------------------------------------------------------------------------------------------
// Counting, with the three ways GNU wc has: bytes alone, newlines (and bytes) alone, everything.
function newCounts() {
  return { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
}

// In the C locale characters are bytes, so -m alone is just a byte count.
const countChars = print.chars && UTF8;
const countComplicated = print.words || print.maxLine;
const countBytesOnly = (print.bytes || (print.chars && !UTF8)) && !countChars && !print.lines && !countComplicated;

let hasAvx2 = null;
function announceLineCounter() {
  // GNU wc counts newlines with AVX2 instructions when the processor has them, and under --debug
  // says so for each input it counts that way.
  if (!debug) return;
  if (hasAvx2 === null) {
    try {
      hasAvx2 = /^flags\s*:.*\bavx2\b/m.test(fs.readFileSync('/proc/cpuinfo', 'latin1'));
    } catch {
      hasAvx2 = false;
    }
  }
  warn(hasAvx2 ? 'using avx2 hardware support' : 'avx2 support not detected');
}

// Counts what fd holds into c; returns the read error, if any.
function countFd(fd, c) {
  try {
    if (countBytesOnly) {
      readChunks(fd, (buf, n) => { c.bytes += n; });
    } else if (!countChars && !countComplicated) {
      announceLineCounter();
      readChunks(fd, (buf, n) => {
        c.bytes += n;
        for (let at = buf.indexOf(10, 0); at >= 0 && at < n; at = buf.indexOf(10, at + 1)) c.lines++;
      });
    } else if (UTF8) {
      countMultibyte(fd, c);
    } else {
      countSingleByte(fd, c);
    }
  } catch (e) {
    return e;
  }
  if (print.chars && !countChars) c.chars = c.bytes;
  return null;
}

function countSingleByte(fd, c) {
  let inWord = false, linePos = 0, lines = 0, words = 0, maxLine = 0;
  try {
    readChunks(fd, (buf, n) => {
      c.bytes += n;
      for (let i = 0; i < n; i++) {
        const b = buf[i];
        if (b >= 0x21 && b < 0x7f) { linePos++; inWord = true; continue; }
        switch (b) {
          case 10:
            lines++;
          // falls through
          case 13:
          case 12:
            if (linePos > maxLine) maxLine = linePos;
            linePos = 0;
            words += inWord; inWord = false;
            break;
          case 9:
            linePos += 8 - (linePos % 8);
            words += inWord; inWord = false;
            break;
          case 32:
            linePos++;
            words += inWord; inWord = false;
            break;
          case 11:
            words += inWord; inWord = false;
            break;
          default:
            // Not printable: neither part of a word nor a separator, and no width.
            break;
        }
      }
    });
  } finally {
    if (linePos > maxLine) maxLine = linePos;
    words += inWord;
    c.lines += lines; c.words += words; c.maxLine = Math.max(c.maxLine, maxLine);
  }
}

function countMultibyte(fd, c) {
  let inWord = false, linePos = 0, lines = 0, words = 0, chars = 0, maxLine = 0;
  // Bytes of a character cut by the end of a block wait for the next one.
  let carry = Buffer.alloc(0);
  try {
    readChunks(fd, (chunk, n) => {
      c.bytes += n;
      const buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk;
      const end = carry.length + n;
      let i = 0;
      while (i < end) {
        const b = buf[i];
        let cp, len;
        if (b < 0x80) { cp = b; len = 1; } else {
          len = decodeUtf8(buf, i, end);
          if (len === -2) break;
          // An invalid byte is a byte but not a character: skipped without a word.
          if (len === -1) { i++; continue; }
          cp = decoded.cp;
        }
        i += len;
        chars++;
        switch (cp) {
          case 10:
            lines++;
          // falls through
          case 13:
          case 12:
            if (linePos > maxLine) maxLine = linePos;
            linePos = 0;
            words += inWord; inWord = false;
            break;
          case 9:
            linePos += 8 - (linePos % 8);
            words += inWord; inWord = false;
            break;
          case 32:
            linePos++;
            words += inWord; inWord = false;
            break;
          case 11:
            words += inWord; inWord = false;
            break;
          default:
            if (isPrint(cp)) {
              linePos += width(cp);
              if (isWideSpace(cp) || isNonBreakingSpace(cp)) { words += inWord; inWord = false; } else inWord = true;
            }
            break;
        }
      }
      carry = Buffer.from(buf.subarray(i, end));
    });
  } finally {
    if (linePos > maxLine) maxLine = linePos;
    words += inWord;
    c.lines += lines; c.words += words; c.chars += chars; c.maxLine = Math.max(c.maxLine, maxLine);
  }
}

// ---------------------------------------------------------------------------------------------
// Output: the counts selected, in a fixed order, each right-aligned to a common width.
let numberWidth = 1;
const outParts = [];
function writeCounts(c, name) {
  const fields = [];
  if (print.lines) fields.push(c.lines);
  if (print.words) fields.push(c.words);
  if (print.chars) fields.push(c.chars);
  if (print.bytes) fields.push(c.bytes);
  if (print.maxLine) fields.push(c.maxLine);
  // The first field is padded to the width; the others get one more column, a space before them.
  let line = fields.map((v) => String(v).padStart(numberWidth)).join(' ');
  const parts = [Buffer.from(line)];
  if (name !== null) {
    const bytes = asBuffer(name);
    parts.push(Buffer.from(' '), bytes.includes(10) ? quotef(bytes) : bytes);
  }
  parts.push(Buffer.from('\n'));
  outParts.push(...parts);
  if (outParts.length > 256) flushStdout();
}
function flushStdout() {
  if (outParts.length) writeAll(1, Buffer.concat(outParts.splice(0)));
}

const total = newCounts();
let ok = true;

// Counts one input ("-" or null: standard input) and prints its line.
function wcFile(name) {
  const c = newCounts();
  let fd;
  const isStdin = name === null || asBuffer(name).equals(Buffer.from('-'));
  if (isStdin) {
    fd = 0;
  } else {
    try {
      fd = fs.openSync(asBuffer(name), 'r');
    } catch (e) {
      warn(quotef(name), ': ', errnoText(e));
      ok = false;
      return;
    }
  }
  const err = countFd(fd, c);
  if (err) {
    warn(quotef(name === null ? 'standard input' : name), ': ', errnoText(err));
    ok = false;
  }
  if (!isStdin) fs.closeSync(fd);
  writeCounts(c, name);
  total.lines += c.lines;
  total.words += c.words;
  total.chars += c.chars;
  total.bytes += c.bytes;
  if (c.maxLine > total.maxLine) total.maxLine = c.maxLine;
}

// The column width comes from the sizes known before anything is read: wide enough for the sum of
// the regular files' sizes (inputs that cannot be looked at add nothing), at least 7 when some input
// is not a regular file, and just 1 when the inputs are not known up front or a single count of a
// single input is printed.
function computeNumberWidth(names) {
  if (names.length === 0 || (names.length === 1 && printCount === 1)) return 1;
  const stats = names.map((name) => {
    try {
      return name === '-' || (Buffer.isBuffer(name) && name.equals(Buffer.from('-'))) ? fs.fstatSync(0) : fs.statSync(asBuffer(name));
    } catch {
      return null;
    }
  });
  let minimum = 1;
  let regularTotal = 0n;
  for (const st of stats) {
    if (!st) continue;
    if (!st.isFile()) minimum = 7;
    else regularTotal += BigInt(st.size);
  }
  return Math.max(String(regularTotal).length, minimum);
}

// Reads NUL-terminated names from fd, calling onName for each as it comes (the last one may lack
// its NUL).
function readNames(fd, onName) {
  let pending = [];
  readChunks(fd, (buf, n) => {
    let start = 0;
    for (let at = buf.indexOf(0, 0); at >= 0 && at < n; at = buf.indexOf(0, start)) {
      pending.push(Buffer.from(buf.subarray(start, at)));
      onName(Buffer.concat(pending));
      pending = [];
      start = at + 1;
    }
    if (start < n) pending.push(Buffer.from(buf.subarray(start, n)));
  });
  if (pending.length) onName(Buffer.concat(pending));
}

function main() {
  if (files0From === null) {
    numberWidth = computeNumberWidth(operands.length ? operands : ['-']);
    operands.forEach((name) => {
      if (name === '') {
        warn('invalid zero-length file name');
        ok = false;
        return;
      }
      wcFile(name);
    });
    if (operands.length === 0) wcFile(null);
    if (operands.length > 1) writeCounts(total, 'total');
    return;
  }

  if (operands.length > 0) {
    warn('extra operand ', quoteaf(operands[0]));
    writeAll(2, Buffer.from('file operands cannot be combined with --files0-from\n'));
    usageError();
  }
  const fromStdin = files0From === '-';
  let fd = 0;
  if (!fromStdin) {
    try {
      fd = fs.openSync(files0From, 'r');
    } catch (e) {
      warn('cannot open ', quoteaf(files0From), ' for reading: ', errnoText(e));
      process.exitCode = 1;
      return;
    }
  }
  let count = 0;
  const handle = (name) => {
    count++;
    if (fromStdin && name.length === 1 && name[0] === 0x2d) {
      warn('when reading file names from stdin, no file name of ', quoteaf(name), ' allowed');
      ok = false;
      return;
    }
    if (name.length === 0) {
      warn(quotef(files0From), `:${count}: invalid zero-length file name`);
      ok = false;
      return;
    }
    wcFile(name);
  };
  // A small regular file of names is read whole first, so that the names' sizes can set the width;
  // names from a pipe are counted as they come, at width 1.
  let st = null;
  try {
    st = fs.fstatSync(fd);
  } catch {
    st = null;
  }
  if (st && st.isFile() && st.size <= 10 * 1024 * 1024) {
    const names = [];
    try {
      readNames(fd, (name) => names.push(name));
    } catch (e) {
      warn('cannot read file names from ', quoteaf(files0From), ': ', errnoText(e));
      process.exit(1);
    }
    numberWidth = computeNumberWidth(names);
    names.forEach(handle);
  } else {
    numberWidth = 1;
    try {
      readNames(fd, handle);
    } catch (e) {
      warn(quotef(files0From), ': read error: ', errnoText(e));
      ok = false;
    }
  }
  if (count > 1) writeCounts(total, 'total');
}

main();
flushStdout();
flushStderr();
if (process.exitCode === undefined) process.exitCode = ok ? 0 : 1;
