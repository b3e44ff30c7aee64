import { consistencyErrors } from './consistency';

const ok = {
  status: 'ON_TRACK',
  progress: 40,
  startDate: null,
  targetDate: null,
  evidenceCount: 0,
};

describe('commitment consistency rules', () => {
  it('accepts a consistent commitment', () => {
    expect(consistencyErrors(ok)).toEqual([]);
    expect(
      consistencyErrors({ ...ok, status: 'COMPLETED', progress: 100, evidenceCount: 1 }),
    ).toEqual([]);
  });

  it('names the field of each broken rule', () => {
    expect(consistencyErrors({ ...ok, status: 'COMPLETED', progress: 100 })).toEqual([
      {
        field: 'status',
        code: 'completedNeedsEvidence',
        message: 'COMPLETED needs at least one evidence item',
      },
    ]);
    expect(
      consistencyErrors({ ...ok, status: 'COMPLETED', evidenceCount: 1 }).map((e) => e.field),
    ).toEqual(['progress']);
    expect(consistencyErrors({ ...ok, progress: 100 }).map((e) => e.field)).toEqual(['status']);
    expect(
      consistencyErrors({
        ...ok,
        startDate: new Date('2026-05-01'),
        targetDate: new Date('2026-04-30'),
      }),
    ).toEqual([
      {
        field: 'targetDate',
        code: 'beforeOther',
        other: 'startDate',
        message: 'the target date is before the start date',
      },
    ]);
  });
});
