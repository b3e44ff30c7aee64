import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { NOTIFICATION_KINDS } from '@spct/contracts';
import type { Actor } from '../auth/actor';
import { FieldValidationException } from '../common/api-error';
import type {
  NotificationPreferencesDto,
  UnsubscribeDto,
  UpdateNotificationPreferencesDto,
} from './email.dto';
import { NotificationPreferencesRepository } from './notification-preferences.repository';
import { type UnsubscribeClaim, verifyUnsubscribe } from './unsubscribe-token';
import { MAIL_CONFIG, type MailConfig } from './mail-config';

/** Without a choice of their own: everything in the app and by e-mail, activity in a daily digest at 08:00. */
const DEFAULT_DIGEST = { mode: 'DAILY', hour: 8, weekday: 1 } as const;

/** A person's notification settings, and the unsubscribe links of their e-mails. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly preferences: NotificationPreferencesRepository,
    @Inject(MAIL_CONFIG) private readonly config: MailConfig,
  ) {}

  async get(actor: Actor): Promise<NotificationPreferencesDto> {
    const { kinds, digest } = await this.preferences.load(actor.userId);
    const chosen = new Map(kinds.map((row) => [row.kind, row]));
    return {
      kinds: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        inApp: chosen.get(kind)?.inApp ?? true,
        email: chosen.get(kind)?.email ?? true,
      })),
      digest: digest
        ? { mode: digest.mode, hour: digest.hour, weekday: digest.weekday }
        : { ...DEFAULT_DIGEST },
    };
  }

  async update(
    actor: Actor,
    body: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    await this.preferences.save(actor.userId, body.kinds, body.digest);
    return this.get(actor);
  }

  /** What a link's token would turn off, without changing anything. */
  async describeUnsubscribe(token: string): Promise<UnsubscribeDto> {
    const claim = this.verify(token);
    const state = await this.preferences.emailState(claim.userId, claim.kinds);
    if (!state) throw new NotFoundException('This link is for an account that no longer exists');
    return { kinds: claim.kinds, locale: state.locale, unsubscribed: !state.emailOn };
  }

  /** Turns off the e-mail of the token's kinds (one click; repeating it changes nothing). */
  async unsubscribe(token: string): Promise<UnsubscribeDto> {
    const claim = this.verify(token);
    if (!(await this.preferences.emailOff(claim.userId, claim.kinds))) {
      throw new NotFoundException('This link is for an account that no longer exists');
    }
    return this.describeUnsubscribe(token);
  }

  private verify(token: string): UnsubscribeClaim {
    const claim = verifyUnsubscribe(this.config.tokenSecret, token);
    if (!claim) {
      throw new FieldValidationException([
        { field: 'token', code: 'invalid', message: 'is not a valid unsubscribe link' },
      ]);
    }
    return claim;
  }
}
