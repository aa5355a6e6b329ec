import { levelForXp, xpToReachLevel } from '@/lib/progress/levels';

describe('the XP curve', () => {
  it('needs 50·L·(L−1) total XP for level L', () => {
    expect([1, 2, 3, 4, 5, 10].map(xpToReachLevel)).toEqual([0, 100, 300, 600, 1000, 4500]);
  });

  it('treats levels below 1, fractions and NaN sensibly', () => {
    expect(xpToReachLevel(0)).toBe(0);
    expect(xpToReachLevel(-3)).toBe(0);
    expect(xpToReachLevel(Number.NaN)).toBe(0);
    expect(xpToReachLevel(3.7)).toBe(300);
  });

  it('places XP on the curve with the XP into and across the level', () => {
    expect(levelForXp(0)).toEqual({ level: 1, totalXp: 0, xpIntoLevel: 0, xpForNextLevel: 100, progress: 0 });
    expect(levelForXp(50)).toEqual({ level: 1, totalXp: 50, xpIntoLevel: 50, xpForNextLevel: 100, progress: 0.5 });
    expect(levelForXp(450)).toEqual({ level: 3, totalXp: 450, xpIntoLevel: 150, xpForNextLevel: 300, progress: 0.5 });
  });

  it('changes level exactly at each boundary', () => {
    for (let level = 2; level <= 200; level += 1) {
      const start = xpToReachLevel(level);
      expect(levelForXp(start - 1).level).toBe(level - 1);
      expect(levelForXp(start)).toMatchObject({ level, xpIntoLevel: 0, progress: 0 });
    }
  });

  it('never goes down as XP grows, and progress stays within 0..1', () => {
    let previous = levelForXp(0);
    for (let xp = 1; xp <= 30_000; xp += 7) {
      const info = levelForXp(xp);
      expect(info.level).toBeGreaterThanOrEqual(previous.level);
      expect(info.progress).toBeGreaterThanOrEqual(0);
      expect(info.progress).toBeLessThan(1);
      expect(info.xpIntoLevel + xpToReachLevel(info.level)).toBe(xp);
      previous = info;
    }
  });

  it('counts negative, fractional and non-finite XP as whole, non-negative XP', () => {
    expect(levelForXp(-500)).toMatchObject({ level: 1, totalXp: 0 });
    expect(levelForXp(Number.NaN)).toMatchObject({ level: 1, totalXp: 0 });
    expect(levelForXp(Number.POSITIVE_INFINITY)).toMatchObject({ level: 1, totalXp: 0 });
    expect(levelForXp(299.9)).toMatchObject({ level: 2, totalXp: 299 });
  });

  it('handles very large totals', () => {
    const xp = xpToReachLevel(10_000);
    expect(levelForXp(xp).level).toBe(10_000);
    expect(levelForXp(xp - 1).level).toBe(9_999);
  });
});
