import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { membersRoute } from '../../router';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/usePageTitle';
import { ROLES, type Role } from '@spct/contracts';
import { ApiError, fieldErrors } from '../../api/client';
import { staleCurrent } from '../../api/concurrency';
import type { Organization } from '../../api/types';
import type { Invitation, Member, UpdateMemberBody } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { EmptyState, QueryState } from '../layout/states';
import { organizationsQuery } from '../organizations/queries';
import { ConfirmDialog, ErrorAlert, FormActions } from '../layout/FormParts';
import { SectionHeader } from './AdminParts';
import { FormModal, useFormModal } from '../layout/UnsavedChanges';
import { membersQuery, useInviteMember, useNewInvitation, useUpdateMember } from './queries';
import { StaleAlert, type StaleRow } from './StaleAlert';

/** `/w/$slug/admin/members`: who belongs to the workspace, with which role and organization. */
export function MembersPage() {
  const { slug } = membersRoute.useParams();
  return <Members slug={slug} />;
}

function Members({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const members = useQuery(membersQuery(slug));
  usePageTitle(t('admin.members.title'));
  const organizations = useQuery(organizationsQuery(slug));
  const update = useUpdateMember(slug);
  const newLink = useNewInvitation(slug);
  const [inviting, setInviting] = useState(false);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [toggling, setToggling] = useState<Member | null>(null);
  // A role or organization change affects what that person may do: confirmed first.
  const [changing, setChanging] = useState<{ member: Member; body: UpdateMemberBody } | null>(null);

  const change = (member: Member, body: UpdateMemberBody) => {
    newLink.reset();
    update.mutate({ member, body });
  };
  /** The last change sent, to show it and send it again when it was based on a stale version. */
  const lastBody = update.variables?.body;

  const stale = staleCurrent<Member>(update.error);
  const failure = update.error ?? newLink.error;
  let failureText: string | null = null;
  if (failure instanceof ApiError && failure.status === 409 && failure === update.error) {
    failureText = t('admin.members.lastAdmin');
  } else if (failure) failureText = failure.message;

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('admin.members.title')}
        action={<Button onClick={() => setInviting(true)}>{t('admin.members.invite')}</Button>}
      />
      {stale && lastBody ? (
        <StaleAlert
          version={stale.version}
          rows={memberRows(lastBody, stale, organizations.data ?? [], t)}
          busy={update.isPending}
          onReapply={() => change(stale, lastBody)}
          onKeepTheirs={() => update.reset()}
        />
      ) : (
        failureText && <ErrorAlert>{failureText}</ErrorAlert>
      )}
      <QueryState query={members}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState message={t('admin.members.empty')} />
          ) : (
            <MembersTable
              members={items}
              organizations={organizations.data ?? []}
              busy={update.isPending}
              onChange={(member, body) => setChanging({ member, body })}
              onToggleActive={setToggling}
              onNewLink={(member) => {
                update.reset();
                newLink.mutate(member.id, { onSuccess: setInvitation });
              }}
            />
          )
        }
      </QueryState>
      <InviteDialog
        slug={slug}
        opened={inviting}
        organizations={organizations.data ?? []}
        onClose={() => setInviting(false)}
        onInvited={(result) => {
          setInviting(false);
          setInvitation(result);
        }}
      />
      <InvitationDialog invitation={invitation} onClose={() => setInvitation(null)} />
      <ConfirmDialog
        opened={changing !== null}
        title={t('admin.members.changeTitle')}
        message={
          changing
            ? memberRows(changing.body, changing.member, organizations.data ?? [], t)
                .map((row) =>
                  t('admin.members.changeConfirm', {
                    name: changing.member.displayName,
                    field: row.label,
                    from: row.theirs,
                    to: row.mine,
                  }),
                )
                .join(' ')
            : ''
        }
        confirmLabel={t('admin.members.changeSubmit')}
        color="blue"
        onClose={() => setChanging(null)}
        onConfirm={() => {
          if (changing) change(changing.member, changing.body);
          setChanging(null);
        }}
      />
      <ConfirmActiveDialog
        member={toggling}
        onClose={() => setToggling(null)}
        onConfirm={(member) => {
          setToggling(null);
          change(member, { active: !member.active });
        }}
      />
    </Stack>
  );
}

/** The fields of a member change with the user's value and the stored one. */
function memberRows(
  body: UpdateMemberBody,
  current: Member,
  organizations: Organization[],
  t: TFunction,
): StaleRow[] {
  const organizationName = (id: string | null | undefined) =>
    id
      ? (organizations.find((o) => o.id === id)?.shortName ?? id)
      : t('admin.members.noOrganization');
  const activity = (active: boolean) =>
    active ? t('admin.members.active') : t('admin.members.inactive');
  const rows: StaleRow[] = [];
  if (body.role !== undefined) {
    rows.push({
      label: t('admin.members.role'),
      mine: t(`role.${body.role}`),
      theirs: t(`role.${current.role}`),
    });
  }
  if (body.organizationId !== undefined) {
    rows.push({
      label: t('admin.members.organization'),
      mine: organizationName(body.organizationId),
      theirs: organizationName(current.organization?.id),
    });
  }
  if (body.active !== undefined) {
    rows.push({
      label: t('common.status'),
      mine: activity(body.active),
      theirs: activity(current.active),
    });
  }
  return rows;
}

interface MembersTableProps {
  members: Member[];
  organizations: Organization[];
  busy: boolean;
  onChange: (member: Member, body: UpdateMemberBody) => void;
  onToggleActive: (member: Member) => void;
  onNewLink: (member: Member) => void;
}

function MembersTable({
  members,
  organizations,
  busy,
  onChange,
  onToggleActive,
  onNewLink,
}: MembersTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const organizationChoices = useOrganizationChoices(organizations);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="sm">
        <Table.Caption>{t('admin.members.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.members.person')}</Table.Th>
            <Table.Th>{t('admin.members.role')}</Table.Th>
            <Table.Th>{t('admin.members.organization')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Td>
                <Text fw={600}>{member.displayName}</Text>
                <Text size="sm" c="dimmed">
                  {member.email}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('admin.members.since', { date: format.date(member.createdAt) })}
                </Text>
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  aria-label={t('admin.members.roleOf', { name: member.displayName })}
                  value={member.role}
                  disabled={busy}
                  onChange={(event) =>
                    onChange(member, { role: event.currentTarget.value as Role })
                  }
                  data={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
                />
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  aria-label={t('admin.members.organizationOf', { name: member.displayName })}
                  value={member.organization?.id ?? ''}
                  disabled={busy}
                  onChange={(event) =>
                    onChange(member, { organizationId: event.currentTarget.value || null })
                  }
                  data={organizationChoices}
                />
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Badge color={member.active ? 'green' : 'gray'} variant="light">
                    {member.active ? t('admin.members.active') : t('admin.members.inactive')}
                  </Badge>
                  {!member.passwordSet && (
                    <Badge color="yellow" variant="light">
                      {t('admin.members.noPassword')}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="outline"
                    color={member.active ? 'red' : 'green'}
                    onClick={() => onToggleActive(member)}
                    aria-label={
                      member.active
                        ? t('admin.members.deactivateNamed', { name: member.displayName })
                        : t('admin.members.activateNamed', { name: member.displayName })
                    }
                  >
                    {member.active ? t('admin.members.deactivate') : t('admin.members.activate')}
                  </Button>
                  {/* A set-password link is only for someone who has no password yet. */}
                  {!member.passwordSet && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onNewLink(member)}
                      aria-label={t('admin.members.newLinkNamed', { name: member.displayName })}
                    >
                      {t('admin.members.newLink')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "No organization" and the workspace's organizations, for a select. */
function useOrganizationChoices(organizations: Organization[]) {
  const { t } = useTranslation();
  return [
    { value: '', label: t('admin.members.noOrganization') },
    ...organizations.map((organization) => ({
      value: organization.id,
      label: organization.shortName,
    })),
  ];
}

interface InviteDialogProps {
  slug: string;
  opened: boolean;
  organizations: Organization[];
  onClose: () => void;
  onInvited: (invitation: Invitation) => void;
}

function InviteDialog({ opened, onClose, ...rest }: InviteDialogProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('admin.members.inviteTitle')}>
      {opened && <InviteForm onClose={onClose} {...rest} />}
    </FormModal>
  );
}

function InviteForm({
  slug,
  organizations,
  onClose,
  onInvited,
}: Omit<InviteDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const invite = useInviteMember(slug);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('VIEWER');
  const [organizationId, setOrganizationId] = useState('');
  const errors = fieldErrors(invite.error);
  const conflict = invite.error instanceof ApiError && invite.error.status === 409;
  const { cancel, saved } = useFormModal(
    email !== '' || displayName !== '' || role !== 'VIEWER' || organizationId !== '',
    onClose,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      {
        email: email.trim(),
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
        role,
        ...(organizationId ? { organizationId } : {}),
      },
      {
        onSuccess: (invitation) => {
          saved();
          onInvited(invitation);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {invite.isError && Object.keys(errors).length === 0 && (
          <ErrorAlert>
            {conflict ? t('admin.members.alreadyMember') : invite.error.message}
          </ErrorAlert>
        )}
        <TextInput
          label={t('admin.members.email')}
          type="email"
          required
          data-autofocus
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
        />
        <TextInput
          label={t('admin.members.displayName')}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={errors.displayName}
        />
        <NativeSelect
          label={t('admin.members.role')}
          value={role}
          onChange={(event) => setRole(event.currentTarget.value as Role)}
          error={errors.role}
          data={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
        />
        <NativeSelect
          label={t('admin.members.organization')}
          value={organizationId}
          onChange={(event) => setOrganizationId(event.currentTarget.value)}
          error={errors.organizationId}
          data={useOrganizationChoices(organizations)}
        />
        <FormActions
          submitLabel={t('admin.members.inviteSubmit')}
          busy={invite.isPending}
          onCancel={cancel}
        />
      </Stack>
    </form>
  );
}

/** The one-time set-password link, shown to the admin to hand over. */
function InvitationDialog({
  invitation,
  onClose,
}: {
  invitation: Invitation | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={invitation !== null} onClose={onClose} title={t('admin.members.linkTitle')}>
      {invitation && (
        <Stack gap="md">
          {invitation.setPasswordUrl ? (
            <>
              <Text>
                {t('admin.members.linkIntro', {
                  name: invitation.member.displayName,
                  email: invitation.member.email,
                })}
              </Text>
              <TextInput
                label={t('admin.members.link')}
                value={invitation.setPasswordUrl}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
              />
              <Alert color="yellow" variant="light">
                {t('admin.members.linkWarning')}
              </Alert>
              <Group justify="flex-end">
                <CopyButton value={invitation.setPasswordUrl}>
                  {({ copied, copy }) => (
                    <Button color={copied ? 'teal' : 'blue'} onClick={copy}>
                      {copied ? t('common.copied') : t('admin.members.copyLink')}
                    </Button>
                  )}
                </CopyButton>
                <Button variant="default" onClick={onClose}>
                  {t('common.close')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Text>{t('admin.members.hasPassword', { name: invitation.member.displayName })}</Text>
              <Group justify="flex-end">
                <Button onClick={onClose}>{t('common.close')}</Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}

function ConfirmActiveDialog({
  member,
  onClose,
  onConfirm,
}: {
  member: Member | null;
  onClose: () => void;
  onConfirm: (member: Member) => void;
}) {
  const { t } = useTranslation();
  const deactivating = member?.active ?? false;
  const name = member?.displayName ?? '';
  return (
    <ConfirmDialog
      opened={member !== null}
      title={deactivating ? t('admin.members.deactivateTitle') : t('admin.members.activateTitle')}
      message={
        deactivating
          ? t('admin.members.deactivateConfirm', { name })
          : t('admin.members.activateConfirm', { name })
      }
      confirmLabel={deactivating ? t('admin.members.deactivate') : t('admin.members.activate')}
      color={deactivating ? 'red' : 'green'}
      onClose={onClose}
      onConfirm={() => member && onConfirm(member)}
    />
  );
}
