import { SMTPServer } from 'smtp-server';
import type { components } from '@spct/contracts';
import { createMember, uniqueSlug } from '../../test/accounts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../test/test-app';
import { freePort } from '../common/free-port';
import { EmailDeliveryService } from './email-delivery.service';
import { signUnsubscribe } from './unsubscribe-token';

type Preferences = components['schemas']['NotificationPreferencesDto'];
type Outbox = components['schemas']['OutboxPageDto'];
type Report = components['schemas']['ProgressUpdateDto'];

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on `port`, keeping what it receives. */
async function startSmtp(port: number, inbox: Received[]): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Addresses at refused.test do not exist (a permanent 550); at busy.test, try later (451).
    onRcptTo(address, _session, callback) {
      const domain = address.address.split('@')[1];
      if (domain === 'refused.test' || domain === 'busy.test') {
        const error = new Error(domain === 'refused.test' ? 'No such mailbox' : 'Try again later');
        (error as Error & { responseCode: number }).responseCode =
          domain === 'refused.test' ? 550 : 451;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}

const stopSmtp = (server: SMTPServer) =>
  new Promise<void>((resolve) => server.close(() => resolve()));

/** The message's headers unfolded, and its text with MIME encodings undone. */
function readMail(raw: string): { header: (name: string) => string; body: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head!.replace(/\r?\n[ \t]+/g, ' ');
  const decodeWords = (value: string) =>
    value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : qp(text.replace(/_/g, ' ')),
    );
  return {
    header: (name) => {
      const match = new RegExp(`^${name}: (.*)$`, 'im').exec(unfolded);
      return match ? decodeWords(match[1]!).trim() : '';
    },
    body: qp(rest.join('\n\n')),
  };
}

function qp(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  ms = 30_000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function currentQuarter(): string {
  const local = new Date(Date.now() + 7 * 60 * 60 * 1000);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

/** A workspace with an ADMIN, a MANAGER and an EDITOR of the lead organization (Vietnamese). */
async function setUp(t: TestApp) {
  const slug = uniqueSlug('em');
  const admin = await createMember(t, { slug, role: 'ADMIN' });
  const lead = await t.prisma.organization.create({
    data: {
      workspaceId: admin.workspaceId,
      shortName: 'LEAD',
      nameVi: 'Bộ',
      nameEn: 'Ministry',
      constituency: 'GOVERNMENT',
    },
  });
  const manager = await createMember(t, { slug, role: 'MANAGER' });
  const author = await createMember(t, { slug, role: 'EDITOR', organizationId: lead.id });
  await t.prisma.user.update({ where: { id: manager.userId }, data: { locale: 'en' } });
  const framework = await t.prisma.framework.create({
    data: { workspaceId: admin.workspaceId, code: 'EM', titleVi: 'Khung', titleEn: 'Framework' },
  });
  const commitment = await t.prisma.commitment.create({
    data: {
      workspaceId: admin.workspaceId,
      frameworkId: framework.id,
      reference: 'E.1',
      titleVi: 'Mở rộng bảo hiểm xã hội',
      titleEn: 'Extend social insurance',
      leadOrgId: lead.id,
    },
  });
  const base = `/api/workspaces/${slug}`;
  /** The author writes and submits a report: the MANAGER (and ADMIN) are told. */
  const submit = async (): Promise<Report> => {
    const url = `${base}/commitments/${commitment.id}/updates`;
    const created = await author.client.post<Report>(url, {
      period: currentQuarter(),
      status: 'ON_TRACK',
      progress: 20,
      narrative: 'Đang triển khai',
    });
    expect(created.status).toBe(201);
    expect((await author.client.post(`${url}/${created.body.id}/submit`)).status).toBe(200);
    return created.body;
  };
  const returnReport = async (report: Report, reason: string) => {
    const url = `${base}/commitments/${commitment.id}/updates/${report.id}/return`;
    expect((await manager.client.post(url, { reason })).status).toBe(200);
  };
  return { slug, base, admin, manager, author, commitmentId: commitment.id, submit, returnReport };
}

describe('e-mail through a real SMTP server', () => {
  let t: TestApp;
  let port: number;
  let smtp: SMTPServer | null = null;
  const received: Received[] = [];
  let ws: Awaited<ReturnType<typeof setUp>>;
  let delivery: EmailDeliveryService;

  beforeAll(async () => {
    port = await freePort();
    smtp = await startSmtp(port, received);
    t = await createTestApp({
      mail: {
        smtpUrl: `smtp://127.0.0.1:${port}`,
        from: 'Tracker <tracker@example.test>',
        retryDelaySeconds: 1,
        sweepSeconds: 3600, // the test sweeps itself
      },
    });
    delivery = t.app.get(EmailDeliveryService);
    ws = await setUp(t);
  });
  afterAll(async () => {
    await t.close();
    if (smtp) await stopSmtp(smtp);
  });

  /** The first message to `email` since `since` whose subject starts with `subject`. */
  const mailTo = (email: string, since: number, subject = '') =>
    until(`a message to ${email}`, async () =>
      received
        .slice(since)
        .find((m) => m.to.includes(email) && readMail(m.raw).header('Subject').startsWith(subject)),
    );

  it('delivers in the recipient’s language, with the item link and one-click unsubscribe headers', async () => {
    const before = received.length;
    const report = await ws.submit();
    await ws.returnReport(report, 'Thiếu số liệu quý');
    await delivery.sweep();

    const toAuthor = readMail((await mailTo(ws.author.email, before, 'Báo cáo')).raw);
    expect(toAuthor.header('From')).toBe('Tracker <tracker@example.test>');
    expect(toAuthor.header('Subject')).toBe(
      'Báo cáo tiến độ của bạn đã bị trả lại: E.1 Mở rộng bảo hiểm xã hội',
    );
    expect(toAuthor.body).toContain('Lý do: Thiếu số liệu quý');
    expect(toAuthor.body).toContain(`${TEST_ORIGIN}/w/${ws.slug}/commitments/${ws.commitmentId}`);
    expect(toAuthor.body).toMatch(
      new RegExp(`${TEST_ORIGIN}/unsubscribe\\?token=[\\w-]+\\.[\\w-]+`),
    );
    expect(toAuthor.header('List-Unsubscribe')).toMatch(
      new RegExp(`^<${TEST_ORIGIN}/api/unsubscribe\\?token=[\\w-]+\\.[\\w-]+>$`),
    );
    expect(toAuthor.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // The manager reads English.
    const toManager = readMail((await mailTo(ws.manager.email, before, 'A progress')).raw);
    expect(toManager.header('Subject')).toBe(
      'A progress report waits for your decision: E.1 Extend social insurance',
    );
    // Each message once, marked sent: sweeping again sends nothing more.
    await until('the message to the author marked sent', () =>
      t.prisma.outboundEmail.findFirst({ where: { recipient: ws.author.email, state: 'SENT' } }),
    );
    await delivery.sweep();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received.slice(before).filter((m) => m.to.includes(ws.author.email))).toHaveLength(1);
  });

  it('retries while the mail server is down and delivers once it is back; the request still succeeds', async () => {
    await stopSmtp(smtp!);
    smtp = null;
    const before = received.length;
    const report = await ws.submit(); // succeeds with no mail server
    await delivery.sweep();
    const failed = await until('a failed attempt', () =>
      t.prisma.outboundEmail.findFirst({
        where: { recipient: ws.manager.email, state: 'PENDING', attempts: { gte: 1 } },
      }),
    );
    expect(failed.lastError).toBeTruthy();

    smtp = await startSmtp(port, received);
    const message = readMail(
      (await mailTo(ws.manager.email, before, 'A progress report waits')).raw,
    );
    expect(message.body).toContain(`/w/${ws.slug}/commitments/${ws.commitmentId}`);
    const sent = await until('the message marked sent', async () => {
      const row = await t.prisma.outboundEmail.findUnique({ where: { id: failed.id } });
      return row?.state === 'SENT' ? row : null;
    });
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(sent.lastError).toBeNull();
    expect(report.id).toBeTruthy();
  });

  it('sends a message once, even when two workers take its job at the same time', async () => {
    const email = await t.prisma.outboundEmail.create({
      data: {
        workspaceId: ws.admin.workspaceId,
        userId: ws.author.userId,
        recipient: ws.author.email,
        locale: 'vi',
        subject: 'Một lần thôi',
        text: 'Nội dung',
        html: '<p>Nội dung</p>',
        unsubscribeUrl: `${TEST_ORIGIN}/api/unsubscribe?token=x.y`,
      },
    });
    const before = received.length;
    await Promise.all([delivery.deliver(email.id), delivery.deliver(email.id)]);
    await delivery.deliver(email.id); // already sent: nothing
    const once = received
      .slice(before)
      .filter((m) => readMail(m.raw).header('Subject') === 'Một lần thôi');
    expect(once).toHaveLength(1);
    const row = await t.prisma.outboundEmail.findUniqueOrThrow({ where: { id: email.id } });
    expect(row).toMatchObject({ state: 'SENT', attempts: 1 });
  });

  it('gives up a message the mail server refuses for good, or one that failed every retry', async () => {
    const message = (recipient: string, attempts: number) =>
      t.prisma.outboundEmail.create({
        data: {
          workspaceId: ws.admin.workspaceId,
          userId: ws.author.userId,
          recipient,
          locale: 'vi',
          subject: 'Không gửi được',
          text: 'Nội dung',
          html: '<p>Nội dung</p>',
          unsubscribeUrl: `${TEST_ORIGIN}/api/unsubscribe?token=x.y`,
          attempts,
        },
      });
    const refused = await message('nobody@refused.test', 0);
    await delivery.deliver(refused.id); // no retry: it resolves
    expect(await t.prisma.outboundEmail.findUnique({ where: { id: refused.id } })).toMatchObject({
      state: 'FAILED',
      attempts: 1,
      lastError: expect.stringMatching(/550/),
    });

    const busy = await message('someone@busy.test', 0);
    await expect(delivery.deliver(busy.id)).rejects.toThrow(/451/); // retried by its job
    expect(await t.prisma.outboundEmail.findUnique({ where: { id: busy.id } })).toMatchObject({
      state: 'PENDING',
      attempts: 1,
    });
    // The last attempt of the last round of retries (3 rounds of 12 retries and the first try).
    const last = await message('someone@busy.test', 3 * 13 - 1);
    await delivery.deliver(last.id);
    expect(await t.prisma.outboundEmail.findUnique({ where: { id: last.id } })).toMatchObject({
      state: 'FAILED',
      attempts: 3 * 13,
    });
  });

  it('honours preferences: no e-mail for a kind turned off, no inbox entry for one hidden in the app', async () => {
    const url = '/api/auth/me/notification-preferences';
    const defaults = await ws.author.client.get<Preferences>(url);
    expect(defaults.body.digest).toEqual({ mode: 'DAILY', hour: 8, weekday: 1 });
    expect(defaults.body.kinds.find((k) => k.kind === 'REPORT_RETURNED')).toEqual({
      kind: 'REPORT_RETURNED',
      inApp: true,
      email: true,
    });
    const saved = await ws.author.client.put<Preferences>(url, {
      kinds: [{ kind: 'REPORT_RETURNED', inApp: false, email: false }],
    });
    expect(saved.status).toBe(200);

    const deliveriesBefore = await t.prisma.emailDelivery.count({
      where: { userId: ws.author.userId },
    });
    const report = await ws.submit();
    await ws.returnReport(report, 'Lần nữa');
    expect(await t.prisma.emailDelivery.count({ where: { userId: ws.author.userId } })).toBe(
      deliveriesBefore,
    );
    const inbox = await ws.author.client.get<components['schemas']['NotificationPageDto']>(
      `${ws.base}/notifications`,
    );
    expect(inbox.body.items.some((n) => n.kind === 'REPORT_RETURNED')).toBe(false);
    const stored = await t.prisma.notification.count({
      where: { userId: ws.author.userId, kind: 'REPORT_RETURNED' },
    });
    expect(stored).toBeGreaterThan(0);
  });

  it('refuses bad preferences with 400 naming the field', async () => {
    const url = '/api/auth/me/notification-preferences';
    const badHour = await ws.author.client.put<{ details: { field: string }[] }>(url, {
      digest: { mode: 'DAILY', hour: 24, weekday: 1 },
    });
    expect(badHour.status).toBe(400);
    expect(badHour.body.details.map((d) => d.field)).toContain('digest.hour');
    const badKind = await ws.author.client.put<{ details: { field: string }[] }>(url, {
      kinds: [{ kind: 'NOPE', inApp: true, email: true }],
    });
    expect(badKind.status).toBe(400);
    expect(badKind.body.details.map((d) => d.field)).toContain('kinds.0.kind');
  });

  it('puts activity on followed items in one digest at the chosen hour, grouped by item, newest first', async () => {
    await ws.manager.client.put('/api/auth/me/notification-preferences', {
      digest: { mode: 'WEEKLY', hour: 9, weekday: 3 },
    });
    const other = await t.prisma.commitment.create({
      data: {
        workspaceId: ws.admin.workspaceId,
        frameworkId: (await t.prisma.framework.findFirstOrThrow({ where: { code: 'EM' } })).id,
        reference: 'E.2',
        titleVi: 'Trợ cấp xã hội',
        titleEn: 'Social allowances',
      },
    });
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await t.prisma.notification.createMany({
      data: [
        { kind: 'COMMENT' as const, commitmentId: ws.commitmentId, createdAt: at(30), data: {} },
        { kind: 'POSITION' as const, commitmentId: other.id, createdAt: at(20), data: {} },
        { kind: 'COMMENT' as const, commitmentId: ws.commitmentId, createdAt: at(10), data: {} },
      ].map((n) => ({
        ...n,
        workspaceId: ws.admin.workspaceId,
        userId: ws.manager.userId,
        actorId: ws.author.userId,
      })),
    });
    const deliveries = await t.prisma.emailDelivery.findMany({
      where: { userId: ws.manager.userId, digest: true, emailId: null },
    });
    expect(deliveries).toHaveLength(3);
    // Due next Wednesday 09:00 in Hồ Chí Minh City (02:00 UTC), within the coming week.
    const due = deliveries[0]!.dueAt;
    expect(deliveries.every((d) => d.dueAt.getTime() === due.getTime())).toBe(true);
    expect(due.getUTCDay()).toBe(3);
    expect([due.getUTCHours(), due.getUTCMinutes()]).toEqual([2, 0]);
    expect(due.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    await delivery.sweep();
    expect(
      await t.prisma.emailDelivery.count({ where: { userId: ws.manager.userId, emailId: null } }),
    ).toBe(3); // not due yet

    const before = received.length;
    await t.prisma.emailDelivery.updateMany({
      where: { userId: ws.manager.userId, emailId: null },
      data: { dueAt: new Date(Date.now() - 1000) },
    });
    await delivery.sweep();
    const digest = readMail((await mailTo(ws.manager.email, before, 'Activity')).raw);
    expect(digest.header('Subject')).toBe('Activity on items you follow (3)');
    const text = digest.body;
    // E.1 had the newest entry: it comes first, its two comments newest first.
    expect(text.indexOf('E.1 Extend social insurance')).toBeLessThan(
      text.indexOf('E.2 Social allowances'),
    );
    expect(text).toContain(`${TEST_ORIGIN}/w/${ws.slug}/commitments/${other.id}`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const digests = received
      .slice(before)
      .filter((m) => readMail(m.raw).header('Subject').startsWith('Activity'));
    expect(digests).toHaveLength(1);
  });

  it('drops a digest entry whose e-mail was turned off before it fell due', async () => {
    await t.prisma.notification.create({
      data: {
        workspaceId: ws.admin.workspaceId,
        userId: ws.author.userId,
        kind: 'POSITION',
        commitmentId: ws.commitmentId,
      },
    });
    const pending = { userId: ws.author.userId, digest: true, emailId: null };
    expect(await t.prisma.emailDelivery.count({ where: pending })).toBe(1);
    await ws.author.client.put('/api/auth/me/notification-preferences', {
      kinds: [{ kind: 'POSITION', inApp: true, email: false }],
    });
    await t.prisma.emailDelivery.updateMany({ where: pending, data: { dueAt: new Date(0) } });
    const emails = await t.prisma.outboundEmail.count({ where: { userId: ws.author.userId } });
    await delivery.sweep();
    expect(await t.prisma.emailDelivery.count({ where: pending })).toBe(0);
    expect(await t.prisma.outboundEmail.count({ where: { userId: ws.author.userId } })).toBe(
      emails,
    );
  });

  it('computes digest slots in the workspace’s time zone', async () => {
    const slot = async (at: string, mode: string, hour: number, weekday: number) => {
      const [row] = await t.prisma.$queryRawUnsafe<{ due: Date }[]>(
        `SELECT spct_next_digest($1::timestamp, $2::"EmailDigestMode", $3, $4, 'Asia/Ho_Chi_Minh') AS due`,
        at,
        mode,
        hour,
        weekday,
      );
      return row!.due.toISOString();
    };
    // 2026-12-04 (a Friday) 00:30 UTC is 07:30 in Hồ Chí Minh City.
    expect(await slot('2026-12-04 00:30', 'DAILY', 8, 1)).toBe('2026-12-04T01:00:00.000Z');
    expect(await slot('2026-12-04 01:30', 'DAILY', 8, 1)).toBe('2026-12-05T01:00:00.000Z');
    expect(await slot('2026-12-04 00:30', 'WEEKLY', 8, 5)).toBe('2026-12-04T01:00:00.000Z');
    expect(await slot('2026-12-04 01:30', 'WEEKLY', 8, 5)).toBe('2026-12-11T01:00:00.000Z');
    expect(await slot('2026-12-04 00:30', 'WEEKLY', 20, 1)).toBe('2026-12-07T13:00:00.000Z');
  });

  it('unsubscribes with a signed link (one click, from anywhere) and refuses a tampered one', async () => {
    const before = received.length;
    const report = await ws.submit();
    await delivery.sweep();
    const mail = readMail((await mailTo(ws.manager.email, before)).raw);
    const target = /^<([^>]+)>$/.exec(mail.header('List-Unsubscribe'))![1]!;
    const path = target.slice(TEST_ORIGIN.length);
    const token = new URL(target).searchParams.get('token')!;

    const tampered = signUnsubscribe('not the server secret at all, but long enough', {
      userId: ws.manager.userId,
      kinds: ['REPORT_SUBMITTED'],
    });
    const [payload] = token.split('.');
    const otherKinds = Buffer.from(
      JSON.stringify({ u: ws.author.userId, k: ['REPORT_SUBMITTED'] }),
    ).toString('base64url');
    for (const bad of [tampered, `${otherKinds}.${token.split('.')[1]}`, `${payload}.x`]) {
      const refused = await t.anonymous.post<{ details: { field: string }[] }>(
        `/api/unsubscribe?token=${bad}`,
        'List-Unsubscribe=One-Click',
        { 'content-type': 'application/x-www-form-urlencoded', origin: 'null' },
      );
      expect(refused.status).toBe(400);
      expect(refused.body.details[0]!.field).toBe('token');
    }
    const still = await ws.manager.client.get<Preferences>('/api/auth/me/notification-preferences');
    expect(still.body.kinds.find((k) => k.kind === 'REPORT_SUBMITTED')!.email).toBe(true);

    const shown = await t.anonymous.get<{ unsubscribed: boolean; locale: string }>(path);
    expect(shown.body).toMatchObject({ unsubscribed: false, locale: 'en' });
    // What a mail client sends (RFC 8058): a form post, no cookie, no Origin of ours.
    const response = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kinds: ['REPORT_SUBMITTED'], unsubscribed: true });
    // Again with no body at all: still fine, nothing more to change.
    const again = await t.app.inject({ method: 'POST', url: path });
    expect(again.statusCode).toBe(200);
    const after = await ws.manager.client.get<Preferences>('/api/auth/me/notification-preferences');
    expect(after.body.kinds.find((k) => k.kind === 'REPORT_SUBMITTED')!.email).toBe(false);

    const deliveries = await t.prisma.emailDelivery.count({ where: { userId: ws.manager.userId } });
    await ws.submit();
    expect(await t.prisma.emailDelivery.count({ where: { userId: ws.manager.userId } })).toBe(
      deliveries,
    );
    expect(report.id).toBeTruthy();
  });
});

describe('e-mail with no mail server configured', () => {
  let t: TestApp;
  let ws: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    t = await createTestApp({ mail: { sweepSeconds: 2 } });
    ws = await setUp(t);
  });
  afterAll(() => t.close());

  it('keeps the messages in the outbox, marked not sent, for the workspace’s administrators only', async () => {
    await ws.submit();
    // No sweep called here: the one pg-boss runs every sweepSeconds makes the message.
    await until('the message in the outbox', () =>
      t.prisma.outboundEmail.findFirst({ where: { recipient: ws.manager.email } }),
    );
    const outbox = await ws.admin.client.get<Outbox>(`${ws.base}/outbox`);
    expect(outbox.status).toBe(200);
    expect(outbox.body.mailServerConfigured).toBe(false);
    const toManager = outbox.body.items.find((m) => m.recipient === ws.manager.email);
    expect(toManager).toMatchObject({
      state: 'NOT_SENT',
      locale: 'en',
      subject: 'A progress report waits for your decision: E.1 Extend social insurance',
      attempts: 0,
    });
    // Another workspace's outbox shows none of them.
    const elsewhere = await createMember(t, { slug: uniqueSlug('em'), role: 'ADMIN' });
    const theirs = await elsewhere.client.get<Outbox>(
      `/api/workspaces/${(await t.prisma.workspace.findUniqueOrThrow({ where: { id: elsewhere.workspaceId } })).slug}/outbox`,
    );
    expect(theirs.body.items).toEqual([]);
    expect((await ws.manager.client.get(`${ws.base}/outbox`)).status).toBe(403);
    expect((await elsewhere.client.get(`${ws.base}/outbox`)).status).toBe(404);
  });

  it('pages the outbox with a cursor (the sweep keeps running on its own)', async () => {
    await ws.submit();
    await until(
      'a second message in the outbox',
      async () =>
        (await t.prisma.outboundEmail.count({ where: { recipient: ws.manager.email } })) >= 2,
    );
    const first = await ws.admin.client.get<Outbox>(`${ws.base}/outbox?limit=1`);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await ws.admin.client.get<Outbox>(
      `${ws.base}/outbox?limit=1&cursor=${encodeURIComponent(first.body.nextCursor!)}`,
    );
    expect(second.body.items[0]!.id).not.toBe(first.body.items[0]!.id);
  });

  it('never e-mails about a workspace the recipient has left', async () => {
    const leaving = await createMember(t, { slug: ws.slug, role: 'VIEWER' });
    // Left before the message fell due (here: before it was even written, so that the sweep
    // running in the background cannot come in between).
    await t.prisma.membership.update({
      where: { id: leaving.membershipId },
      data: { active: false },
    });
    await t.prisma.notification.create({
      data: {
        workspaceId: ws.admin.workspaceId,
        userId: leaving.userId,
        kind: 'MENTION',
        commitmentId: ws.commitmentId,
      },
    });
    await t.app.get(EmailDeliveryService).sweep();
    expect(await t.prisma.emailDelivery.count({ where: { userId: leaving.userId } })).toBe(0);
    expect(await t.prisma.outboundEmail.count({ where: { userId: leaving.userId } })).toBe(0);
  });
});
