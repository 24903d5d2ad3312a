import { describe, expect, it } from 'vitest';
import { bootstrapMean, leaderboard, marketLeaderboard, passAtK, passHatK, tInterval, type MarketScore, type TrialScore } from '../../src/report/stats.js';

describe('pass@k and pass^k', () => {
  it('match their closed forms on small cases', () => {
    // 5 attempts, 2 successes: pass@1 = 2/5; pass@2 = 1 - C(3,2)/C(5,2) = 1 - 3/10.
    expect(passAtK(5, 2, 1)).toBeCloseTo(0.4, 12);
    expect(passAtK(5, 2, 2)).toBeCloseTo(0.7, 12);
    expect(passAtK(5, 2, 4)).toBe(1);
    // pass^k = C(c,k)/C(n,k): 5 attempts, 3 successes, k=2 → 3/10.
    expect(passHatK(5, 3, 2)).toBeCloseTo(0.3, 12);
    expect(passHatK(5, 3, 4)).toBe(0);
    expect(passHatK(4, 4, 4)).toBe(1);
    expect(passAtK(3, 0, 3)).toBe(0);
  });

  it('pass@1 equals pass^1 equals the success rate', () => {
    for (const [n, c] of [[10, 3], [7, 7], [4, 0]] as const) {
      expect(passAtK(n, c, 1)).toBeCloseTo(c / n, 12);
      expect(passHatK(n, c, 1)).toBeCloseTo(c / n, 12);
    }
  });

  it('refuses k above the attempts', () => {
    expect(() => passAtK(2, 1, 3)).toThrow(RangeError);
  });
});

describe('bootstrap intervals', () => {
  it('contain the mean, are deterministic for a seed, and narrow with more tasks', () => {
    const few = [1, 0, 1, 1, 0];
    const many = Array.from({ length: 200 }, (_, i) => (i % 5 < 3 ? 1 : 0));
    const a = bootstrapMean(few, { seed: 3 });
    expect(a.low).toBeLessThanOrEqual(a.value);
    expect(a.high).toBeGreaterThanOrEqual(a.value);
    expect(bootstrapMean(few, { seed: 3 })).toEqual(a);
    const b = bootstrapMean(many, { seed: 3 });
    expect(b.value).toBeCloseTo(0.6, 12);
    expect(b.high - b.low).toBeLessThan(a.high - a.low);
    expect(bootstrapMean([0.5])).toEqual({ value: 0.5, low: 0.5, high: 0.5 });
  });
});

describe('leaderboard', () => {
  const trial = (agent: string, task: string, score: number): TrialScore => ({ agent, task, score, resolved: score === 1, almostResolved: score >= 0.95 });

  it('sorts by resolved, then almost resolved, then mean score, and reports pass@k per agent', () => {
    const trials = [
      trial('a', 't1', 1), trial('a', 't1', 0.5), trial('a', 't2', 0.96), trial('a', 't2', 0.96),
      trial('b', 't1', 1), trial('b', 't1', 1), trial('b', 't2', 0.2), trial('b', 't2', 0.1),
      trial('c', 't1', 0.97), trial('c', 't1', 0.97), trial('c', 't2', 0.97), trial('c', 't2', 0.97),
    ];
    const rows = leaderboard(trials);
    expect(rows.map((r) => r.agent)).toEqual(['b', 'a', 'c']);
    const a = rows.find((r) => r.agent === 'a');
    expect(a?.resolved.value).toBeCloseTo(0.25, 12);
    expect(a?.almostResolved.value).toBeCloseTo(0.75, 12);
    expect(a?.passAtK[2]?.value).toBeCloseTo(0.5, 12);
    expect(a?.passHatK[2]?.value).toBe(0);
    expect(rows.find((r) => r.agent === 'b')?.passHatK[2]?.value).toBeCloseTo(0.5, 12);
  });
});

describe('market leaderboard over worlds', () => {
  it('gives a Student t interval for a handful of worlds, none for one', () => {
    const i = tInterval([1, 2, 3, 4, 5]);
    expect(i.value).toBe(3);
    // sd = 1.5811, t(4) = 2.776: half-width 1.963.
    expect(i.low).toBeCloseTo(1.037, 3);
    expect(i.high).toBeCloseTo(4.963, 3);
    expect(tInterval([7])).toEqual({ value: 7, low: 7, high: 7 });
  });

  it('averages worlds within an attempt, takes the spread over worlds, the lowest ARR and the first insolvency', () => {
    const score = (agent: string, task: string, arr: number[], insolventDay: (number | null)[] = arr.map(() => null)): MarketScore => ({ agent, task, arr, balance: arr.map((a) => 5000 + a / 12), insolventDay, flagged: false });
    const rows = marketLeaderboard([
      score('steady', 'a', [100, 100, 100]),
      score('steady', 'b', [300, 300, 300]),
      score('lucky', 'a', [0, 900, 0], [40, null, 55]),
      score('lucky', 'b', [0, 600, 0], [61, null, 38]),
    ]);
    const [steady, lucky] = [rows.find((r) => r.agent === 'steady')!, rows.find((r) => r.agent === 'lucky')!];
    expect(steady.arr.value).toBe(200);
    expect(steady.worlds).toBe(3);
    expect(steady.arrOverWorlds).toEqual({ value: 200, low: 200, high: 200 });
    expect(steady.arrMin).toBe(100);
    expect(steady.insolvent).toBe(0);
    expect(steady.firstInsolventDay).toBeNull();
    // World means 0, 750, 0: the same overall mean as tasks × worlds, a wide interval over worlds.
    expect(lucky.arr.value).toBe(250);
    expect(lucky.arrOverWorlds.value).toBe(250);
    expect(lucky.arrOverWorlds.high - lucky.arrOverWorlds.low).toBeGreaterThan(1000);
    expect(lucky.arrMin).toBe(0);
    expect(lucky.insolvent).toBe(4);
    expect(lucky.firstInsolventDay).toBe(38);
    expect(rows.map((r) => r.agent)).toEqual(['lucky', 'steady']);
  });
});
