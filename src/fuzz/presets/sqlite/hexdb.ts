import { dot, sql, type Script } from './script.js';

// `.open --hexdb`: a small database image given as hex lines on stdin (a table of three rows and an
// index, 512-byte pages), read intact or with one byte changed, so queries and integrity_check meet
// a damaged file the same way every run.

const IMAGE: [number, string[]][] = [
  [0, [
    '0: 53 51 4c 69 74 65 20 66 6f 72 6d 61 74 20 33 00', '16: 02 00 01 01 00 40 20 20 00 00 00 03 00 00 00 03',
    '32: 00 00 00 00 00 00 00 00 00 00 00 02 00 00 00 04', '48: 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00 00',
    '80: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 03', '96: 00 2e 63 01 0d 00 00 00 02 01 9b 00 01 c3 01 9b',
    '400: 00 00 00 00 00 00 00 00 00 00 00 26 02 06 17 11', '416: 0f 01 3b 69 6e 64 65 78 74 62 74 03 43 52 45 41',
    '432: 54 45 20 49 4e 44 45 58 20 74 62 20 4f 4e 20 74', '448: 28 62 29 3b 01 06 17 0f 0f 01 67 74 61 62 6c 65',
    '464: 74 74 02 43 52 45 41 54 45 20 54 41 42 4c 45 20', '480: 74 28 61 20 49 4e 54 45 47 45 52 20 50 52 49 4d',
    '496: 41 52 59 20 4b 45 59 2c 20 62 20 54 45 58 54 29',
  ]],
  [512, ['0: 0d 00 00 00 03 01 e6 00 01 f8 01 f0 01 e6 00 00', '480: 00 00 00 00 00 00 08 03 03 00 17 74 68 72 65 65', '496: 06 02 03 00 13 74 77 6f 06 01 03 00 13 6f 6e 65']],
  [1024, ['0: 0a 00 00 00 03 01 e7 00 01 f9 01 ef 01 e7 00 00', '480: 00 00 00 00 00 00 00 07 03 13 01 74 77 6f 02 09', '496: 03 17 01 74 68 72 65 65 03 06 03 13 09 6f 6e 65']],
];

// The image's lines, with one byte replaced when `damage` names a (page, line, byte, value).
function hexLines(damage: [number, number, number, string] | null): string[] {
  const lines = ['| size 1536 pagesize 512 filename img.db'];
  IMAGE.forEach(([offset, rows], page) => {
    lines.push(`| page ${page + 1} offset ${offset}`);
    rows.forEach((row, k) => {
      const [at, bytes] = row.split(': ') as [string, string];
      const cells = bytes.split(' ');
      if (damage && damage[0] === page && damage[1] === k) cells[damage[2]] = damage[3];
      lines.push(`|  ${at}: ${cells.join(' ')}`);
    });
  });
  lines.push('| end img.db');
  return lines;
}

export function hexdbFamily(s: Script): void {
  const r = s.r;
  s.features.add('.open --hexdb');
  let damage: [number, number, number, string] | null = null;
  if (r.chance(0.6)) {
    const page = r.int(0, IMAGE.length - 1);
    const rows = (IMAGE[page] as [number, string[]])[1];
    damage = [page, r.int(0, rows.length - 1), r.int(0, 15), r.pick(['00', 'ff', '7f', '01', '0d', '05', '80'])];
    s.features.add('corrupt-image');
  }
  dot(s, '.open --hexdb', '.open --hexdb');
  s.lines.push(...hexLines(damage));
  for (const q of r.subset(['SELECT * FROM t ORDER BY a', "SELECT a FROM t WHERE b = 'two'", 'PRAGMA integrity_check', 'PRAGMA quick_check', "INSERT INTO t(b) VALUES ('four')", 'SELECT count(*) FROM t', 'SELECT sql FROM sqlite_schema', 'DELETE FROM t WHERE a = 1', 'UPDATE t SET b = upper(b)', 'VACUUM', 'REINDEX tb'], r.int(2, 5))) sql(s, q);
  if (r.chance(0.3)) dot(s, r.pick(['.dump', '.schema', '.tables', '.sha3sum', '.indexes']));
}
