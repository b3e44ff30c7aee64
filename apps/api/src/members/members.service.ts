import { Injectable, NotFoundException } from '@nestjs/common';
import type { WorkspaceActor } from '../auth/actor';
import { normalizeEmail } from '../auth/auth.service';
import { PasswordTokensService } from '../auth/password-tokens.service';
import { SessionsService } from '../auth/sessions.service';
import { conflict, FieldValidationException } from '../common/api-error';
import { answerStale, checkIfMatch } from '../common/etag';
import { type List, listOf } from '../common/list';
import { diffFields, recordActivity, snapshot, workspaceRecordEvent } from '../history/activity';
import { toOrganizationDto } from '../organizations/organization.dto';
import type { InvitationDto, InviteMemberDto, MemberDto, UpdateMemberDto } from './member.dto';
import {
  type MemberRow,
  type MembershipChange,
  MembersRepository,
  type Tx,
} from './members.repository';

/** Workspace membership administration. Who may call it is decided by the route's permission. */
@Injectable()
export class MembersService {
  constructor(
    private readonly members: MembersRepository,
    private readonly passwordTokens: PasswordTokensService,
    private readonly sessions: SessionsService,
  ) {}

  async list(member: WorkspaceActor): Promise<List<MemberDto>> {
    const rows = await this.members.findAll(member.workspaceId);
    return listOf(rows.map(toMemberDto));
  }

  /**
   * Adds a user to the workspace by e-mail, creating the account when it is new. A user without
   * a password gets a one-time set-password link, returned for the administrator to pass on.
   */
  async invite(member: WorkspaceActor, input: InviteMemberDto): Promise<InvitationDto> {
    const email = normalizeEmail(input.email);
    const organizationId = input.organizationId ?? null;
    await this.assertOrganization(member, organizationId);
    return this.members.transaction(async (tx) => {
      const row = await this.members.invite(tx, member.workspaceId, {
        email,
        displayName: input.displayName ?? email.split('@')[0]!,
        role: input.role,
        organizationId,
      });
      if (!row) {
        throw conflict(
          'alreadyExists',
          `${email} is already a member of this workspace (an inactive member is reactivated with PATCH)`,
        );
      }
      const invitation = await this.invitation(member, row, tx);
      // One event: who was added, with what role and organization, and whether a set-password
      // link went with it (never the link itself).
      await recordActivity(tx, {
        ...workspaceRecordEvent(member, 'member', row.id),
        action: invitation.setPasswordUrl ? 'invited' : 'added',
        changes: snapshot(
          {
            email: row.user.email,
            displayName: row.user.displayName,
            role: row.role,
            organizationId: row.organization?.id ?? null,
            active: row.active,
          },
          'after',
        ),
      });
      return invitation;
    });
  }

  /**
   * Changes role, organization or activity under optimistic concurrency: `ifMatch` must name
   * the stored version. The last active administrator can be neither demoted nor deactivated.
   * A deactivated member is locked out at once: the guard ignores inactive memberships, and
   * every session of the user ends. An edit that changes nothing keeps the version.
   */
  async update(
    member: WorkspaceActor,
    id: string,
    ifMatch: string | undefined,
    input: UpdateMemberDto,
  ): Promise<MemberDto> {
    const { before, after } = await answerStale(
      'member',
      ifMatch,
      () =>
        this.members.transaction(async (tx) => {
          const activeAdminIds = await this.members.lockActiveAdmins(tx, member.workspaceId);
          const target = await this.members.lock(tx, member.workspaceId, id);
          if (!target) throw new NotFoundException(`Member ${id} not found`);
          checkIfMatch(ifMatch, target.version, { required: true });
          const change: MembershipChange = {};
          if (input.role !== undefined && input.role !== target.role) change.role = input.role;
          if (input.active !== undefined && input.active !== target.active) {
            change.active = input.active;
          }
          if (
            input.organizationId !== undefined &&
            input.organizationId !== (target.organization?.id ?? null)
          ) {
            await this.assertOrganization(member, input.organizationId, tx);
            change.organizationId = input.organizationId;
          }
          const wasAdmin = target.active && target.role === 'ADMIN';
          const staysAdmin =
            (change.role ?? target.role) === 'ADMIN' && (change.active ?? target.active);
          if (wasAdmin && !staysAdmin && !activeAdminIds.some((adminId) => adminId !== target.id)) {
            throw conflict(
              'lastAdministrator',
              'This is the last active administrator of the workspace: make another member an administrator first',
            );
          }
          if (Object.keys(change).length === 0) return { before: target, after: target };
          const changes = diffFields<Record<string, unknown>>(
            {
              role: target.role,
              organizationId: target.organization?.id ?? null,
              active: target.active,
            },
            { ...change },
          );
          await recordActivity(tx, {
            ...workspaceRecordEvent(member, 'member', id),
            action: 'updated',
            changes,
          });
          return { before: target, after: await this.members.update(tx, id, change) };
        }),
      async () => {
        const stored = await this.members.findOne(member.workspaceId, id);
        return stored && toMemberDto(stored);
      },
    );
    if (before.active && !after.active) {
      await this.sessions.endAllForUser(after.userId);
    }
    return toMemberDto(after);
  }

  /** A fresh set-password link for a member who has no password yet; earlier links stop working. */
  async reinvite(member: WorkspaceActor, id: string): Promise<InvitationDto> {
    const row = await this.members.findOne(member.workspaceId, id);
    if (!row) throw new NotFoundException(`Member ${id} not found`);
    // Resetting the password of someone who has one would let this workspace's administrators
    // take over an account that may belong to other workspaces too.
    if (row.user.passwordHash) {
      throw conflict('invalidState', 'This member has set a password already');
    }
    return this.members.transaction(async (tx) => {
      const invitation = await this.invitation(member, row, tx);
      // The event says a link was issued, and by whom; the link (a secret) is never stored.
      await recordActivity(tx, {
        ...workspaceRecordEvent(member, 'member', row.id),
        action: 'passwordLinkIssued',
        changes: {},
      });
      return invitation;
    });
  }

  private async invitation(member: WorkspaceActor, row: MemberRow, tx: Tx): Promise<InvitationDto> {
    const setPasswordUrl = row.user.passwordHash
      ? null
      : await this.passwordTokens.issue(
          row.userId,
          { workspaceId: member.workspaceId, createdById: member.userId },
          tx,
        );
    return { member: toMemberDto(row), setPasswordUrl };
  }

  private async assertOrganization(
    member: WorkspaceActor,
    id: string | null,
    tx?: Tx,
  ): Promise<void> {
    if (id !== null && !(await this.members.organizationExists(member.workspaceId, id, tx))) {
      throw new FieldValidationException([
        {
          field: 'organizationId',
          code: 'unknownReference',
          message: 'is not an organization of this workspace',
        },
      ]);
    }
  }
}

function toMemberDto(row: MemberRow): MemberDto {
  return {
    id: row.id,
    userId: row.userId,
    email: row.user.email,
    displayName: row.user.displayName,
    role: row.role,
    organization: row.organization && toOrganizationDto(row.organization),
    active: row.active,
    passwordSet: row.user.passwordHash !== null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}
