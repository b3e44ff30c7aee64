import { createTestApp, type TestApp } from '../../test/test-app';
import { Clock } from '../common/clock';
import { DEMO_WORKSPACE, DemoSeeder } from './demo-seeder';

/** What the product does with the demo at start (`SEED_DEMO`, main.ts). */
describe('the demo at start', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('seeds the demo once, with the report reminders of its first day already in the inbox', async () => {
    // 20 October 2026: the third quarter's reports were due on the 15th and most are missing.
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-10-20T03:00:00Z'));
    const seeder = t.app.get(DemoSeeder);
    const reminders = () =>
      t.prisma.notification.findMany({
        where: {
          workspace: { slug: DEMO_WORKSPACE.slug },
          kind: { in: ['REPORT_REMINDER', 'REPORT_OVERDUE'] },
        },
        select: { id: true, kind: true, user: { select: { email: true } } },
      });

    expect(await seeder.prepare()).toBe(true);
    const written = await reminders();
    expect(written.map((n) => n.user.email)).toContain('official@demo.test');

    expect(await seeder.prepare()).toBe(false);
    expect(await reminders()).toEqual(written);
  });
});
