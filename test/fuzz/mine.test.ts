import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mineExamples, mineOptions, parseOptionLine, shellWords } from '../../src/fuzz/mine.js';
import { renderManPage } from '../../src/tasks/docs.js';

function help(program: string): string {
  const r = spawnSync(program, ['--help'], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

// name → "arg kind:arg name" for the options mined from a text.
function summary(text: string): Record<string, string> {
  return Object.fromEntries(mineOptions(text).map((o) => [o.long ?? o.short, `${o.short ?? ''}|${o.arg}|${o.argName ?? ''}`]));
}

describe('docs mining', () => {
  it('reads the option lines of --help output of the machine', () => {
    expect(summary(help('cut'))).toMatchObject({ '--fields': '-f|required|LIST', '--delimiter': '-d|required|DELIM', '--complement': '|none|', '--only-delimited': '-s|none|' });
    expect(summary(help('head'))).toMatchObject({ '--lines': '-n|required|[-]NUM', '--quiet': '-q|none|' });
    expect(summary(help('sort'))).toMatchObject({ '--key': '-k|required|KEYDEF', '--numeric-sort': '-n|none|', '--field-separator': '-t|required|SEP' });
    expect(summary(help('numfmt'))).toMatchObject({ '--header': '|optional|N', '--from': '|required|UNIT' });
    expect(summary(help('bc'))).toMatchObject({ '--mathlib': '-l|none|' });
    expect(summary(help('jq'))).toMatchObject({ '--arg': '|required|a v', '-c': '-c|none|' });
  });

  it('mines the values an argument may take from the text around it', () => {
    const numfmt = mineOptions(help('numfmt'));
    expect(numfmt.find((o) => o.long === '--invalid')?.values).toEqual(['abort', 'fail', 'warn', 'ignore']);
  });

  it('reads man pages of the machine when they are installed', () => {
    const man = renderManPage('wc');
    const fromHelp = summary(help('wc'));
    expect(fromHelp).toMatchObject({ '--bytes': '-c|none|', '--lines': '-l|none|', '--files0-from': '|required|F', '--max-line-length': '-L|none|' });
    // Debian images often leave man pages out; where they exist they must give the same options.
    if (man !== null) expect(summary(man)).toMatchObject(fromHelp);
  });

  it('does not take description words for arguments', () => {
    expect(parseOptionLine('       --help display this help and exit')).toMatchObject({ long: '--help', arg: 'none' });
    expect(parseOptionLine('  -h  --help         print this usage and exit')).toMatchObject({ short: '-h', long: '--help', arg: 'none' });
    expect(parseOptionLine('Usage: cut OPTION... [FILE]...')).toBeNull();
  });

  it('mines example invocations from the docs, leaving out what a case cannot hold', () => {
    expect(mineExamples(help('jq'), 'jq')).toContainEqual({ argv: ['.'], stdin: '{"foo": 0}\n' });
    const doc = [
      '  $ cut -d, -f2 data.csv',
      '  printf "a\\nb\\n" | sort -r',
      '  cut -f1 /etc/passwd',
      '  cut -f1 https://example.com/data.csv',
      '  cut -f1 < input.txt',
      '  cat x | cut -f1 | sort',
      '  echo "$HOME" | cut -c1',
    ].join('\n');
    expect(mineExamples(doc, 'cut')).toEqual([{ argv: ['-d,', '-f2', 'data.csv'], stdin: '' }]);
    expect(mineExamples(doc, 'sort')).toEqual([{ argv: ['-r'], stdin: 'a\nb\n' }]);
    expect(shellWords(`a 'b c' "d \\"e\\"" f\\ g`)).toEqual(['a', 'b c', 'd "e"', 'f g']);
    expect(shellWords('a > b')).toBeNull();
  });
});
