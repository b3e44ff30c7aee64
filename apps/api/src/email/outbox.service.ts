import { Inject, Injectable } from '@nestjs/common';
import type { WorkspaceActor } from '../auth/actor';
import { decodeKeyset, encodeKeyset, invalidCursor } from '../common/cursor';
import type { PageQuery } from '../common/list';
import type { OutboxPageDto } from './email.dto';
import { EmailRepository } from './email.repository';
import { MAIL_CONFIG, type MailConfig } from './mail-config';

const DEFAULT_LIMIT = 25;

/** The workspace's outgoing e-mail as rendered, for its administrators. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly emails: EmailRepository,
    @Inject(MAIL_CONFIG) private readonly config: MailConfig,
  ) {}

  async list(member: WorkspaceActor, query: PageQuery): Promise<OutboxPageDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.emails.outboxPage(
      member.workspaceId,
      query.cursor ? afterCursor(query.cursor) : null,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.id,
        recipient: row.recipient,
        locale: row.locale,
        subject: row.subject,
        state: row.state,
        attempts: row.attempts,
        lastError: row.lastError,
        sentAt: row.sentAt?.toISOString() ?? null,
        createdAt: row.createdAt.toISOString(),
      })),
      nextCursor:
        rows.length > limit && last ? encodeKeyset(last.createdAt.toISOString(), last.id) : null,
      mailServerConfigured: this.config.smtpUrl !== undefined,
    };
  }
}

function afterCursor(raw: string): { createdAt: Date; id: string } {
  const { value, id } = decodeKeyset(raw);
  const createdAt = typeof value === 'string' ? new Date(value) : null;
  if (!createdAt || Number.isNaN(createdAt.getTime())) throw invalidCursor();
  return { createdAt, id };
}
