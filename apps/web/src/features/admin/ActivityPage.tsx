import { useState } from 'react';
import { Badge, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { activityRoute } from '../../router';
import { useTranslation } from 'react-i18next';
import { DateField } from '../layout/DateField';
import { usePageTitle } from '../layout/usePageTitle';
import type { WorkspaceActivityEvent } from '../../api/types';
import { useFormat } from '../../i18n/format';
import {
  FieldValue,
  type Names,
  shortId,
  useFieldLabel,
  useLooseTranslation,
  useNames,
} from '../commitments/detail/fieldValues';
import { frameworksQuery } from '../frameworks/queries';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../layout/states';
import { RouterAnchor } from '../layout/RouterAnchor';
import { organizationsQuery } from '../organizations/queries';
import {
  type ActivityEntityType,
  type ActivityFilters,
  activityQuery,
  membersQuery,
} from './queries';

/** The kinds of record the log can be narrowed to; `administration` groups several. */
const TYPE_FILTERS: Record<string, ActivityEntityType[]> = {
  all: [],
  administration: ['member', 'organization', 'framework', 'workspace'],
  member: ['member'],
  organization: ['organization'],
  framework: ['framework'],
  commitment: ['commitment'],
  progressUpdate: ['progressUpdate'],
  indicator: ['indicator', 'measurement'],
  evidence: ['evidence'],
  comment: ['comment'],
  position: ['position'],
  workspace: ['workspace'],
};

/** `/w/$slug/admin/activity`: who did what in the workspace, newest first (administrators). */
export function ActivityPage() {
  const { slug } = activityRoute.useParams();
  return <ActivityLog slug={slug} />;
}

function ActivityLog({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const translate = useLooseTranslation();
  usePageTitle(t('admin.activity.title'));
  const [type, setType] = useState('all');
  const [actorId, setActorId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // Days as the date inputs give them (YYYY-MM-DD); a reversed range is not sent.
  const reversed = from !== '' && to !== '' && from > to;
  const filters: ActivityFilters = {
    entityTypes: TYPE_FILTERS[type] ?? [],
    actorId: actorId || null,
    from: from || null,
    to: reversed ? null : to || null,
  };
  const members = useQuery(membersQuery(slug));
  const query = useInfiniteQuery(activityQuery(slug, filters));
  const names = useRecordNames(slug);

  const people = [...(members.data ?? [])].sort((a, b) =>
    a.displayName.localeCompare(b.displayName),
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Text component="h2" fw={700} size="xl" m={0}>
            {t('admin.activity.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('admin.activity.intro')}
          </Text>
        </div>
        <Group gap="sm" align="flex-end" role="search" aria-label={t('admin.activity.filters')}>
          <NativeSelect
            label={t('admin.activity.type')}
            value={type}
            onChange={(event) => setType(event.currentTarget.value)}
            data={Object.keys(TYPE_FILTERS).map((key) => ({
              value: key,
              label: translate(`admin.activity.types.${key}`, key),
            }))}
          />
          <NativeSelect
            label={t('admin.activity.person')}
            value={actorId}
            onChange={(event) => setActorId(event.currentTarget.value)}
            data={[
              { value: '', label: t('admin.activity.everyone') },
              ...people.map((m) => ({ value: m.userId, label: m.displayName })),
            ]}
          />
          <DateField label={t('admin.activity.from')} value={from} onChange={setFrom} />
          <DateField
            label={t('admin.activity.to')}
            value={to}
            onChange={setTo}
            error={reversed ? t('admin.activity.reversed') : undefined}
          />
        </Group>
      </Group>
      {query.isPending ? (
        <LoadingState rows={5} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ActivityTable
          events={query.data.pages.flatMap((page) => page.items)}
          names={names}
          slug={slug}
          filtered={type !== 'all' || actorId !== '' || from !== '' || to !== ''}
        />
      )}
      <LoadMore query={query} />
    </Stack>
  );
}

interface RecordNames extends Names {
  member: (id: string) => string | undefined;
  organizationName: (id: string) => string | undefined;
  framework: (id: string) => string | undefined;
}

/** Names of the records an event may be about, from the lists the app loads anyway. */
function useRecordNames(slug: string): RecordNames {
  const names = useNames(slug);
  const members = useQuery(membersQuery(slug));
  const organizations = useQuery(organizationsQuery(slug));
  const frameworks = useQuery(frameworksQuery(slug));
  const memberById = new Map((members.data ?? []).map((m) => [m.id, m.displayName]));
  const orgById = new Map((organizations.data ?? []).map((o) => [o.id, o.shortName]));
  const frameworkById = new Map((frameworks.data?.items ?? []).map((f) => [f.id, f.code]));
  return {
    ...names,
    member: (id) => memberById.get(id),
    organizationName: (id) => orgById.get(id),
    framework: (id) => frameworkById.get(id),
  };
}

function ActivityTable({
  events,
  names,
  slug,
  filtered,
}: {
  events: WorkspaceActivityEvent[];
  names: RecordNames;
  slug: string;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  if (events.length === 0) {
    return (
      <EmptyState
        message={filtered ? t('admin.activity.emptyFiltered') : t('admin.activity.empty')}
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" striped aria-label={t('admin.activity.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.activity.when')}</Table.Th>
            <Table.Th>{t('admin.activity.who')}</Table.Th>
            <Table.Th>{t('admin.activity.what')}</Table.Th>
            <Table.Th>{t('admin.activity.record')}</Table.Th>
            <Table.Th>{t('admin.activity.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <ActivityRow key={event.id} event={event} names={names} slug={slug} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ActivityRow({
  event,
  names,
  slug,
}: {
  event: WorkspaceActivityEvent;
  names: RecordNames;
  slug: string;
}) {
  const { t } = useTranslation();
  const translate = useLooseTranslation();
  const format = useFormat();
  const fieldLabel = useFieldLabel();
  const when = format.dateTime(event.at);
  const fields = Object.entries(event.changes);

  return (
    <Table.Tr>
      <Table.Td>
        <Text component="time" dateTime={event.at} size="sm">
          {when}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>
          {event.actor?.displayName ?? t('history.unknownActor')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{translate(`history.actions.${event.action}`, event.action)}</Text>
          <Badge variant="light" color="gray" size="sm">
            {translate(`history.entities.${event.entityType}`, event.entityType)}
          </Badge>
        </Group>
      </Table.Td>
      <Table.Td>
        <RecordCell event={event} names={names} slug={slug} />
      </Table.Td>
      <Table.Td>
        {fields.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        ) : (
          <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
            {fields.map(([field, change]) => (
              <Text component="li" size="sm" key={field}>
                <Text span fw={500} size="sm">
                  {fieldLabel(field)}:
                </Text>{' '}
                <FieldValue field={field} value={change.before} names={names} />
                {' → '}
                <FieldValue field={field} value={change.after} names={names} />
              </Text>
            ))}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The record an event is about: a link to its commitment when it has one, else its name. */
function RecordCell({
  event,
  names,
  slug,
}: {
  event: WorkspaceActivityEvent;
  names: RecordNames;
  slug: string;
}) {
  const format = useFormat();
  if (event.commitment) {
    return (
      <RouterAnchor
        to="/w/$slug/commitments/$commitmentId"
        params={{ slug, commitmentId: event.commitment.id }}
        size="sm"
      >
        {event.commitment.reference} — {format.text(event.commitment.title)}
      </RouterAnchor>
    );
  }
  return <Text size="sm">{recordName(event, names)}</Text>;
}

/** A name for a record without a commitment: from the loaded lists, else from the event itself. */
function recordName(event: WorkspaceActivityEvent, names: RecordNames): string {
  const recorded = (field: string): string | undefined => {
    const change = event.changes[field];
    const value = change?.after ?? change?.before;
    return typeof value === 'string' ? value : undefined;
  };
  switch (event.entityType) {
    case 'member':
      return names.member(event.entityId) ?? recorded('displayName') ?? shortId(event.entityId);
    case 'organization':
      return (
        names.organizationName(event.entityId) ?? recorded('shortName') ?? shortId(event.entityId)
      );
    case 'framework':
      return names.framework(event.entityId) ?? recorded('code') ?? shortId(event.entityId);
    case 'workspace':
      return recorded('name') ?? shortId(event.entityId);
    default:
      return shortId(event.entityId);
  }
}
