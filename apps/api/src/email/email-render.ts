import type { NotificationKind } from '@spct/contracts';
import { escapeHtml } from '../common/html';

type Locale = 'vi' | 'en';

/** One notification as an e-mail tells it. */
export interface MailItem {
  kind: NotificationKind;
  createdAt: Date;
  actorName: string | null;
  commitment: { id: string; reference: string; title: string } | null;
  /** The entry's data: a report's period, a return reason… */
  data: Record<string, unknown>;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailLinks {
  /** The item's page, e.g. https://tracker.example.org/w/viet-nam/commitments/<id>. */
  item: (commitmentId: string) => string;
  /** The workspace's inbox, for entries without an item. */
  inbox: string;
  unsubscribe: string;
  preferences: string;
}

const SUBJECTS: Record<Locale, Record<NotificationKind, string>> = {
  en: {
    REPORT_SUBMITTED: 'A progress report waits for your decision',
    REPORT_RETURNED: 'Your progress report was returned',
    REPORT_APPROVED: 'Your progress report was approved',
    MENTION: '{actor} mentioned you',
    COMMENT: 'New comment',
    POSITION: 'New position',
    STATUS_ALERT: 'Status alert',
    REPORT_REMINDER: 'Reminder: a progress report is due',
    REPORT_OVERDUE: 'A progress report is overdue',
  },
  vi: {
    REPORT_SUBMITTED: 'Một báo cáo tiến độ đang chờ bạn quyết định',
    REPORT_RETURNED: 'Báo cáo tiến độ của bạn đã bị trả lại',
    REPORT_APPROVED: 'Báo cáo tiến độ của bạn đã được phê duyệt',
    MENTION: '{actor} đã nhắc đến bạn',
    COMMENT: 'Bình luận mới',
    POSITION: 'Quan điểm mới',
    STATUS_ALERT: 'Cảnh báo tình trạng',
    REPORT_REMINDER: 'Nhắc nhở: sắp đến hạn báo cáo tiến độ',
    REPORT_OVERDUE: 'Báo cáo tiến độ đã quá hạn',
  },
};

const WORDS: Record<
  Locale,
  {
    someone: string;
    period: string;
    reason: string;
    due: string;
    status: string;
    statuses: Record<string, string>;
    open: string;
    digest: (count: number) => string;
    digestIntro: string;
    unsubscribe: string;
    preferences: string;
    inbox: string;
  }
> = {
  en: {
    someone: 'Someone',
    period: 'Period',
    reason: 'Reason',
    due: 'Due',
    status: 'Status',
    statuses: { AT_RISK: 'At risk', OFF_TRACK: 'Off track' },
    open: 'Open the item',
    digest: (count) => `Activity on items you follow (${count})`,
    digestIntro: 'What happened on the items you follow, newest first:',
    unsubscribe: 'Stop these e-mails',
    preferences: 'Notification settings',
    inbox: 'Open your notifications',
  },
  vi: {
    someone: 'Ai đó',
    period: 'Kỳ',
    reason: 'Lý do',
    due: 'Hạn',
    status: 'Tình trạng',
    statuses: { AT_RISK: 'Có rủi ro', OFF_TRACK: 'Chậm tiến độ' },
    open: 'Mở mục này',
    digest: (count) => `Hoạt động trên các mục bạn theo dõi (${count})`,
    digestIntro: 'Những gì đã diễn ra trên các mục bạn theo dõi, mới nhất trước:',
    unsubscribe: 'Ngừng nhận các e-mail này',
    preferences: 'Cài đặt thông báo',
    inbox: 'Mở thông báo của bạn',
  },
};

export function asLocale(value: string): Locale {
  return value === 'en' ? 'en' : 'vi';
}

/** A reminder's subject says how it stands: due in some days, due today, or overdue. */
const REMINDER_SUBJECTS: Record<Locale, (daysOverdue: number) => string> = {
  en: (days) =>
    days < 0
      ? `Reminder: a progress report is due in ${-days} days`
      : days === 0
        ? 'Reminder: a progress report is due today'
        : `A progress report is ${days} days overdue`,
  vi: (days) =>
    days < 0
      ? `Nhắc nhở: báo cáo tiến độ đến hạn sau ${-days} ngày`
      : days === 0
        ? 'Nhắc nhở: báo cáo tiến độ đến hạn hôm nay'
        : `Báo cáo tiến độ đã quá hạn ${days} ngày`,
};

function headline(locale: Locale, item: MailItem): string {
  if (item.kind === 'REPORT_REMINDER' && typeof item.data.daysOverdue === 'number') {
    return REMINDER_SUBJECTS[locale](item.data.daysOverdue);
  }
  return SUBJECTS[locale][item.kind].replace('{actor}', item.actorName ?? WORDS[locale].someone);
}

function itemName(item: MailItem): string {
  return item.commitment ? `${item.commitment.reference} ${item.commitment.title}` : '';
}

/** The lines that describe one entry beyond its headline. */
function details(locale: Locale, item: MailItem): string[] {
  const words = WORDS[locale];
  const lines: string[] = [];
  if (typeof item.data.period === 'string') lines.push(`${words.period}: ${item.data.period}`);
  if (typeof item.data.dueOn === 'string') lines.push(`${words.due}: ${item.data.dueOn}`);
  if (typeof item.data.status === 'string') {
    lines.push(`${words.status}: ${words.statuses[item.data.status] ?? item.data.status}`);
  }
  if (typeof item.data.reason === 'string') lines.push(`${words.reason}: ${item.data.reason}`);
  return lines;
}

function when(locale: Locale, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(at);
}

function footer(locale: Locale, links: MailLinks): { text: string; html: string } {
  const words = WORDS[locale];
  return {
    text: `--\n${words.preferences}: ${links.preferences}\n${words.unsubscribe}: ${links.unsubscribe}\n`,
    html:
      `<hr><p style="color:#666;font-size:12px"><a href="${escapeHtml(links.preferences)}">${words.preferences}</a>` +
      ` · <a href="${escapeHtml(links.unsubscribe)}">${words.unsubscribe}</a></p>`,
  };
}

function page(body: string, locale: Locale): string {
  return `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">${body}</body></html>`;
}

/** One notification, one e-mail: its headline and item in the subject, a link to the item. */
export function renderSingle(
  locale: Locale,
  item: MailItem,
  links: MailLinks,
  timeZone: string,
): RenderedMail {
  const words = WORDS[locale];
  const title = headline(locale, item);
  const name = itemName(item);
  const link = item.commitment ? links.item(item.commitment.id) : links.inbox;
  const lines = [...details(locale, item), when(locale, item.createdAt, timeZone)];
  const foot = footer(locale, links);
  return {
    subject: name ? `${title}: ${name}` : title,
    text: [
      title,
      ...(name ? [name] : []),
      ...lines,
      '',
      `${item.commitment ? words.open : words.inbox}: ${link}`,
      '',
      foot.text,
    ].join('\n'),
    html: page(
      `<h2>${escapeHtml(title)}</h2>` +
        (name ? `<p><strong>${escapeHtml(name)}</strong></p>` : '') +
        lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('') +
        `<p><a href="${escapeHtml(link)}">${item.commitment ? words.open : words.inbox}</a></p>` +
        foot.html,
      locale,
    ),
  };
}

/** Several notifications in one e-mail, grouped by item: the item with the newest entry first. */
export function renderDigest(
  locale: Locale,
  items: MailItem[],
  links: MailLinks,
  timeZone: string,
): RenderedMail {
  const words = WORDS[locale];
  const newestFirst = [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const groups = new Map<string, MailItem[]>();
  for (const item of newestFirst) {
    const key = item.commitment?.id ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const text: string[] = [words.digestIntro, ''];
  let html = `<h2>${escapeHtml(words.digest(items.length))}</h2><p>${escapeHtml(words.digestIntro)}</p>`;
  for (const [commitmentId, group] of groups) {
    const first = group[0]!;
    const link = commitmentId ? links.item(commitmentId) : links.inbox;
    const name = itemName(first) || words.inbox;
    text.push(name, link);
    html += `<h3><a href="${escapeHtml(link)}">${escapeHtml(name)}</a></h3><ul>`;
    for (const item of group) {
      const line = [
        when(locale, item.createdAt, timeZone),
        headline(locale, item),
        ...details(locale, item),
      ].join(' — ');
      text.push(`- ${line}`);
      html += `<li>${escapeHtml(line)}</li>`;
    }
    text.push('');
    html += '</ul>';
  }
  const foot = footer(locale, links);
  return {
    subject: words.digest(items.length),
    text: text.join('\n').concat('\n', foot.text),
    html: page(html + foot.html, locale),
  };
}
