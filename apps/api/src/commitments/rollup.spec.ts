import { meanProgress, rollUpProgress } from './rollup';

describe('progress roll-up', () => {
  it('gives parents the weighted mean of their children, recursively', () => {
    const result = rollUpProgress([
      { id: 'root', parentId: null, progress: 0, weight: 1 },
      { id: 'a', parentId: 'root', progress: 0, weight: 3 },
      { id: 'b', parentId: 'root', progress: 80, weight: 1 },
      { id: 'a1', parentId: 'a', progress: 100, weight: 1 },
      { id: 'a2', parentId: 'a', progress: 0, weight: 1 },
    ]);
    expect(result.get('a')).toBe(50);
    expect(result.get('root')).toBe(Math.round((50 * 3 + 80) / 4));
    expect(result.get('b')).toBe(80);
  });

  it('weights trackable items for a framework or the dashboard, to one decimal', () => {
    // Sums of progress × weight and of weight, as the tally keeps them.
    expect(
      meanProgress([
        { progressWeight: 10 * 2, weight: 2 },
        { progressWeight: 55 * 1, weight: 1 },
      ]),
    ).toBe(25);
    expect(
      meanProgress([
        { progressWeight: 33 * 1, weight: 1 },
        { progressWeight: 34 * 2, weight: 2 },
      ]),
    ).toBe(33.7);
    expect(meanProgress([])).toBe(0);
  });
});
