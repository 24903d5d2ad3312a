import { describe, expect, it } from 'vitest';
import { argKind, scaffoldGenerator } from '../../src/fuzz/scaffold.js';

// `tasks new` for any program (issue: suite depth): mined options with the kind of their argument
// and values to try, byte-oriented tools get binary inputs, script languages are named as such.

const XXD_HELP = `Usage:
       xxd [options] [infile [outfile]]
Options:
    -a          toggle autoskip: A single '*' replaces nul-lines. Default off.
    -c cols     format <cols> octets per line. Default 16 (-i: 12, -ps: 30).
    -g bytes    number of octets per group in normal output. Default 2 (-e: 4).
    -l len      stop after <len> octets.
    -ps         output in postscript plain hexdump style.
    -s [+][-]seek  start at <seek> bytes abs. (or +: rel.) infile offset.
`;

const SED_HELP = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  -s, --separate
                 consider files as separate rather than as a single
                 continuous long stream.
`;

const CUT_HELP = `Usage: cut OPTION... [FILE]...
Print selected parts of lines from each FILE to standard output.
  -d, --delimiter=DELIM   use DELIM instead of TAB for field delimiter
  -f, --fields=LIST       select only these fields
      --output-delimiter=STRING  use STRING as the output delimiter
      --version  output version information and exit
`;

describe('tasks new scaffolding', () => {
  it("mines value-taking options written with lower-case placeholders (xxd's -c cols, -s [+][-]seek) and gives each values of its kind", () => {
    const { generator, notes } = scaffoldGenerator(XXD_HELP);
    const byName = Object.fromEntries(generator.options.map((o) => [o.short ?? o.long, o]));
    for (const name of ['-c', '-g', '-l', '-s']) {
      expect(byName[name]?.arg, name).toBe('required');
      expect(byName[name]?.values?.length, name).toBeGreaterThan(2);
    }
    expect(byName['-c']?.kind).toBe('number');
    expect(byName['-g']?.kind).toBe('size');
    expect(byName['-a']?.arg).toBe('none');
    expect(Object.keys(byName).some((n) => n?.includes('seek'))).toBe(false);
    expect(generator.binaryInputs).toBeGreaterThan(0.1);
    expect(notes.join('\n')).toMatch(/binary/);
  });

  it('says when a program runs scripts of its own language, and points at writing a preset', () => {
    const { notes } = scaffoldGenerator(SED_HELP);
    expect(notes.join('\n')).toMatch(/scripts of its own language/);
    expect(notes.join('\n')).toMatch(/preset/);
    expect(scaffoldGenerator(CUT_HELP).notes.join('\n')).not.toMatch(/own language/);
  });

  it('kinds follow placeholders: lists, delimiters, strings; --version is left out', () => {
    const { generator } = scaffoldGenerator(CUT_HELP);
    const byName = Object.fromEntries(generator.options.map((o) => [o.long, o]));
    expect(byName['--fields']?.kind).toBe('list');
    expect(byName['--delimiter']?.kind).toBe('char');
    expect(byName['--output-delimiter']?.kind).toBe('text');
    expect(byName['--version']).toBeUndefined();
    expect(generator.domain).toBe('tsv');
    expect(argKind({ arg: 'required', argName: 'FILE', description: 'write result to FILE instead of standard output' })).toBe('output-file');
  });
});
