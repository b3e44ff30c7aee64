import { trajectory } from './trajectory';

const base = {
  baseline: { value: 40, year: 2020 },
  target: { value: 60, year: 2030 },
};

describe('indicator trajectory', () => {
  it('expects the straight-line value at the latest measurement', () => {
    // Baseline counts from the end of 2020, target from the end of 2030: mid-way is the end of 2025.
    const result = trajectory({
      ...base,
      direction: 'INCREASE',
      latest: { measuredOn: new Date('2026-01-01'), value: 50 },
    });
    expect(result.expected).toBeCloseTo(50, 1);
    expect(result.onTrack).toBe(true);
  });

  it('flags an increasing indicator that falls behind the line', () => {
    const result = trajectory({
      ...base,
      direction: 'INCREASE',
      latest: { measuredOn: new Date('2026-01-01'), value: 47 },
    });
    expect(result.onTrack).toBe(false);
  });

  it('flags a decreasing indicator that stays above the line', () => {
    const input = {
      baseline: { value: 60, year: 2020 },
      target: { value: 40, year: 2030 },
      direction: 'DECREASE' as const,
    };
    expect(
      trajectory({ ...input, latest: { measuredOn: new Date('2026-01-01'), value: 49 } }).onTrack,
    ).toBe(true);
    expect(
      trajectory({ ...input, latest: { measuredOn: new Date('2026-01-01'), value: 55 } }).onTrack,
    ).toBe(false);
  });

  it('says nothing without a measurement', () => {
    expect(trajectory({ ...base, direction: 'INCREASE', latest: null })).toEqual({
      expected: null,
      onTrack: null,
    });
  });
});
