import { type MailItem, type MailLinks, renderDigest, renderSingle } from './email-render';

const links: MailLinks = {
  item: (id) => `https://tracker.example.org/w/viet-nam/commitments/${id}`,
  inbox: 'https://tracker.example.org/w/viet-nam/notifications',
  unsubscribe: 'https://tracker.example.org/unsubscribe?token=a.b',
  preferences: 'https://tracker.example.org/account/notifications',
};
const commitment = { id: 'c1', reference: '11.C.1', title: 'Mở rộng bảo hiểm xã hội' };
const at = new Date('2026-12-04T03:00:00Z');

describe('e-mail rendering', () => {
  it('tells a reminder in Vietnamese with its period, due date, item link and unsubscribe link', () => {
    const mail = renderSingle(
      'vi',
      {
        kind: 'REPORT_REMINDER',
        createdAt: at,
        actorName: null,
        commitment,
        data: { period: '2026-Q4', dueOn: '2027-01-15', daysOverdue: -7 },
      },
      links,
      'Asia/Ho_Chi_Minh',
    );
    expect(mail.subject).toBe(
      'Nhắc nhở: báo cáo tiến độ đến hạn sau 7 ngày: 11.C.1 Mở rộng bảo hiểm xã hội',
    );
    expect(mail.text).toContain('Kỳ: 2026-Q4');
    expect(mail.text).toContain('Hạn: 2027-01-15');
    expect(mail.text).toContain(links.item('c1'));
    expect(mail.text).toContain(links.unsubscribe);
    expect(mail.html).toContain(`href="${links.item('c1')}"`);
  });

  it('says how a reminder stands: due today, or overdue by so many days', () => {
    const reminder = (daysOverdue: number) =>
      renderSingle(
        'en',
        {
          kind: 'REPORT_REMINDER',
          createdAt: at,
          actorName: null,
          commitment,
          data: { period: '2026-Q3', dueOn: '2026-10-15', daysOverdue },
        },
        links,
        'Asia/Ho_Chi_Minh',
      ).subject;
    expect(reminder(0)).toBe(
      'Reminder: a progress report is due today: 11.C.1 Mở rộng bảo hiểm xã hội',
    );
    expect(reminder(51)).toBe(
      'A progress report is 51 days overdue: 11.C.1 Mở rộng bảo hiểm xã hội',
    );
  });

  it('names a status alert’s status and escapes what people wrote', () => {
    const mail = renderSingle(
      'en',
      {
        kind: 'STATUS_ALERT',
        createdAt: at,
        actorName: null,
        commitment,
        data: { status: 'OFF_TRACK', reason: '<script>alert(1)</script>' },
      },
      links,
      'Asia/Ho_Chi_Minh',
    );
    expect(mail.text).toContain('Status: Off track');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });

  it('groups a digest by item, the item with the newest entry first, entries newest first', () => {
    const entry = (minute: number, item: typeof commitment, kind: MailItem['kind']): MailItem => ({
      kind,
      createdAt: new Date(at.getTime() + minute * 60_000),
      actorName: 'Lan',
      commitment: item,
      data: {},
    });
    const other = { id: 'c2', reference: '2.1', title: 'Social allowances' };
    const mail = renderDigest(
      'en',
      [
        entry(1, commitment, 'COMMENT'),
        entry(3, other, 'POSITION'),
        entry(2, commitment, 'STATUS_ALERT'),
      ],
      links,
      'Asia/Ho_Chi_Minh',
    );
    expect(mail.subject).toBe('Activity on items you follow (3)');
    const text = mail.text;
    expect(text.indexOf('2.1 Social allowances')).toBeLessThan(text.indexOf('11.C.1'));
    expect(text.indexOf('Status alert')).toBeLessThan(text.indexOf('New comment'));
  });
});
