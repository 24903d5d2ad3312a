import type { Rng } from '../../../util/rng.js';
import { q, type Targeted } from './case.js';

// Numbers that take jq's conversions (strtod and dtoa) through their slow paths.
const NUMBER_LISTS: string[][] = [
  ['0', '-0', '0.0', '1', '-1', '1.0', '1.5', '100', '1e2', '1E2', '1e+2', '1e-2', '0.1', '0.2', '0.3', '2.5e-3', '123456789', '9007199254740992', '9007199254740993', '18446744073709551616'],
  ['1.7976931348623157e308', '1.7976931348623159e308', '2e308', '-2e308', '4.9e-324', '5e-324', '2.4703282292062327e-324', '2.4703282292062328e-324', '1e-400', '2.2250738585072011e-308', '2.2250738585072014e-308', '2.225073858507201e-308', '1e-310', '-1e-320'],
  ['0.1000000000000000055511151231257827021181583404541015625', '1.00000000000000011102230246251565404236316680908203125', '1.000000000000000111022302462515654042363166809082031250000001', '9007199254740993.0000000000000000000000000000001', '3.14159265358979323846264338327950288419716939937510582097494459'],
  ['123456789012345678901234567890', '1234567890123456789012345678901234567890e-20', '0.000000000000000000000000000000000000000000001', '100000000000000000000000', '1e23', '8.41e21', '5.764607523034235e39', '7.2057594037927933e16', '1e22', '9.999999999999999e22'],
  ['3.0', '2.00', '7e0', '12345.6789', '0.3333333333333333', '0.6666666666666666', '4.35', '0.07', '1.1', '2.675', '1.005', '1234.5678e10', '-0.000001', '1e-7', '123e-20', '1e21', '1e16', '12345678901234567', '0.1e1', '.5'],
  ['6.02214076e23', '1.602176634e-19', '299792458', '6.62607015e-34', '1.380649e-23', '9.1093837015e-31', '2.718281828459045', '1.4142135623730951', '1.618033988749895', '0.5772156649015329'],
  ['179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'],
  ['0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000049406564584124654'],
  ['1e-1', '1e-2', '1e-3', '1e-4', '1e-5', '1e-6', '1e-10', '1e-15', '1e-20', '1e-50', '1e-100', '1e-200', '1e-300', '1e-307', '1e-308', '1e-309', '1e-323', '1e-324', '1e10', '1e15', '1e20', '1e50', '1e100', '1e200', '1e300', '1e307', '1e308', '1e309'],
  ['2e-1', '3e-2', '7e-3', '9e-4', '11e-5', '13e-7', '17e-11', '19e-13', '23e-17', '29e-19', '31e-23', '37e-29', '41e-31', '43e-37', '47e-41', '53e-43', '59e-47', '61e-53', '67e-59', '71e-61'],
];

// A double drawn from the whole range (subnormals included), and the exact decimal text of the
// point halfway to its successor, nudged a little up, down or truncated: the inputs on which
// strtod must do its big-number comparisons to round correctly.
function hardNumber(rng: Rng): string {
  const view = new DataView(new ArrayBuffer(8));
  const roll = rng.float();
  const exp = roll < 0.2 ? 0 : roll < 0.35 ? rng.int(1, 60) : roll < 0.5 ? rng.int(1990, 2046) : rng.int(900, 1150);
  view.setUint32(0, (exp << 20) | rng.int(0, 0xfffff));
  view.setUint32(4, rng.next());
  const hi = view.getUint32(0);
  const e = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  const m = e === 0 ? frac : frac | (1n << 52n);
  const pow2 = (e === 0 ? -1074 : e - 1075) - 1;
  const mid = 2n * m + 1n;
  let digits: string;
  let exp10: number;
  if (pow2 >= 0) {
    digits = (mid << BigInt(pow2)).toString();
    exp10 = 0;
  } else {
    digits = (mid * 5n ** BigInt(-pow2)).toString();
    exp10 = pow2;
  }
  const variant = rng.int(0, 3);
  if (variant === 1) {
    digits += '1';
    exp10 -= 1;
  } else if (variant === 2) {
    const last = digits.length - 1;
    digits = `${digits.slice(0, last)}${String(Math.max(0, Number(digits[last]) - 1))}${'9'.repeat(rng.int(1, 30))}`;
    exp10 -= digits.length - last - 1;
  } else if (variant === 3 && digits.length > 20) {
    const keep = rng.int(16, 40);
    exp10 += digits.length - keep;
    digits = digits.slice(0, keep);
  }
  const point = exp10 + digits.length - 1;
  return `${digits[0]}.${digits.slice(1) || '0'}e${point}`;
}

export function numberRows(rng: Rng): Targeted[] {
  const out: Targeted[] = [];
  NUMBER_LISTS.forEach((list, i) => {
    out.push({ tags: ['numbers', `numbers-${i}`], argv: [], stdin: `[${list.join(', ')}]\n` });
    if (i < 6) out.push({ tags: ['numbers', 'tostring', `numbers-${i}`], argv: ['-c', 'map(tostring), map(. * 3), map(. / 7), map(tojson | fromjson)'], stdin: `[${list.join(',')}]` });
  });
  // Random mantissas and exponents, printed back and through arithmetic.
  for (let k = 0; k < 8; k++) {
    const list = Array.from({ length: 24 }, () => {
      const digits = Array.from({ length: rng.int(1, k < 4 ? 19 : 40) }, () => rng.int(0, 9)).join('').replace(/^0+(?=\d)/, '');
      const point = rng.chance(0.6) ? rng.int(1, Math.max(1, digits.length)) : digits.length;
      const mantissa = `${digits.slice(0, point)}${point < digits.length ? `.${digits.slice(point)}` : ''}`;
      const exp = rng.chance(0.5) ? `e${rng.int(-330, 310)}` : '';
      return `${rng.chance(0.2) ? '-' : ''}${mantissa}${exp}`;
    });
    out.push({ tags: ['numbers', `numbers-random-${k}`], argv: ['-c', k % 2 ? 'map([., . + 1, . * 0.1])' : '.[]'], stdin: `[${list.join(',')}]` });
  }
  // Halfway between 0 and the least subnormal, and between the greatest double and the overflow
  // threshold: exactly, a hair above and a hair below.
  const half = (5n ** 1075n).toString();
  const top = ((2n ** 54n - 1n) * 2n ** 970n).toString();
  const sci = (digits: string, exp: number) => `${digits[0]}.${digits.slice(1)}e${exp}`;
  const bounds = [sci(half, -324), sci(`${half}1`, -324), sci(`${half.slice(0, -1)}49999`, -324), sci(half.slice(0, 60), -324), sci(top, top.length - 1), sci(`${top}1`, top.length - 1), sci(`${top.slice(0, -1)}${Number(top.at(-1)) - 1}9999`, top.length - 1)];
  out.push({ tags: ['numbers', 'numbers-boundaries'], argv: ['-c', '.'], stdin: `[${bounds.join(',')}]` });
  for (let k = 0; k < 6; k++) {
    const list = Array.from({ length: 30 }, () => hardNumber(rng));
    out.push({ tags: ['numbers', `numbers-halfway-${k}`], argv: ['-c', k % 2 ? 'map(tostring)' : '.'], stdin: `[${list.join(',')}]` });
  }
  out.push({ tags: ['numbers', 'tonumber'], argv: ['-c', 'map(tonumber)'], stdin: q(['1e1000', '-1e1000', '0.1e-400', '12345678901234567890', '3.000', '  7', 'infinity', '-Infinity', 'NaN']) });
  out.push({ tags: ['numbers', 'input'], argv: ['-c', '.'], stdin: 'NaN\n-Infinity\nInfinity\n[NaN, -Infinity, 1]\n' });
  out.push({ tags: ['numbers', 'input'], argv: ['-c', '.'], stdin: '[nan]\n' });
  out.push({ tags: ['numbers', 'input'], argv: ['-c', '.'], stdin: '01 -012 1.e5 -.5\n' });
  out.push({ tags: ['numbers', 'input'], argv: ['-c', '.'], stdin: '1.2.3\n' });
  out.push({ tags: ['numbers', 'input'], argv: ['-c', '.'], stdin: '[1e5e5]\n' });
  out.push({ tags: ['numbers', 'input'], argv: ['-c', '.'], stdin: '-\n' });
  return out;
}
