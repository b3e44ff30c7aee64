import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { MAIL_CONFIG, type MailConfig } from './mail-config';
import type { Sendable } from './email.repository';

/** SMTP through nodemailer; a connection per message, so a restarted server is simply reached again. */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter | null;

  constructor(@Inject(MAIL_CONFIG) private readonly config: MailConfig) {
    this.transporter = config.smtpUrl
      ? nodemailer.createTransport({
          url: config.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : null;
  }

  get configured(): boolean {
    return this.transporter !== null;
  }

  /** Throws when the server refuses or cannot be reached: the delivery job retries. */
  async send(mail: Sendable): Promise<void> {
    if (!this.transporter) throw new Error('not sent: no mail server configured');
    await this.transporter.sendMail({
      from: this.config.from,
      to: mail.recipient,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: {
        'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
