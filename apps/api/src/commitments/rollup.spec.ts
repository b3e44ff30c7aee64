import { rollUpProgress, weightedProgress } from './rollup';

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

  it('weights top-level items for a framework, to one decimal', () => {
    expect(
      weightedProgress([
        { progress: 10, weight: 2 },
        { progress: 55, weight: 1 },
      ]),
    ).toBe(25);
    expect(
      weightedProgress([
        { progress: 33, weight: 1 },
        { progress: 34, weight: 2 },
      ]),
    ).toBe(33.7);
    expect(weightedProgress([])).toBe(0);
  });
});
