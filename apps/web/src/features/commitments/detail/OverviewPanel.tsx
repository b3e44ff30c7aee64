import type { ReactNode } from 'react';
import { Alert, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CommitmentDetail, Organization } from '../../../api/types';
import { useFormat } from '../../../i18n/format';
import { QueryState } from '../../layout/states';
import { RouterAnchor } from '../../layout/RouterAnchor';
import { organizationsQuery } from '../../organizations/queries';
import { OverdueBadge, TrackedStatusBadge } from '../badges';
import { commitmentQuery } from '../queries';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </div>
  );
}

function orgName(org: Organization | undefined, fallback: string): ReactNode {
  return org ? org.shortName : fallback;
}

/** The `overview` tab: official status and progress, owners, dates, place in the framework. */
export function OverviewPanel({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const query = useQuery(commitmentQuery(slug, commitmentId));
  return (
    <QueryState query={query}>
      {(commitment) => <Overview slug={slug} commitment={commitment} />}
    </QueryState>
  );
}

function Overview({ slug, commitment }: { slug: string; commitment: CommitmentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const organizations = useQuery(organizationsQuery(slug));
  const orgById = new Map((organizations.data ?? []).map((org) => [org.id, org]));
  const none = t('common.none');
  const lead = commitment.leadOrgId ? orgById.get(commitment.leadOrgId) : undefined;
  const coOrgs = commitment.coOrgIds
    .map((id) => orgById.get(id))
    .filter((org): org is Organization => org !== undefined);

  return (
    <Stack gap="md" component="section" aria-label={t('detail.overview')}>
      <Alert variant="light" color="gray" title={t('detail.officialTitle')}>
        <Stack gap="xs">
          <Group gap="md">
            <TrackedStatusBadge
              status={commitment.trackedStatus}
              parent={commitment.childCount > 0}
            />
            <Text size="sm" fw={600}>
              {t('detail.officialProgress', { progress: format.percent(commitment.progress) })}
            </Text>
            {commitment.overdue && <OverdueBadge />}
          </Group>
          <Text size="sm">
            {commitment.children.length > 0 ? t('detail.officialRollUp') : t('detail.officialNote')}
          </Text>
        </Stack>
      </Alert>
      <div>
        <Title order={3} size="h5">
          {t('detail.description')}
        </Title>
        <Text style={{ whiteSpace: 'pre-line' }}>
          {format.text(commitment.description) || t('detail.noDescription')}
        </Text>
      </div>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" m={0}>
        <Field label={t('detail.theme')}>
          {commitment.theme ? t(`theme.${commitment.theme}`) : none}
        </Field>
        <Field label={t('detail.leadOrg')}>
          {commitment.leadOrgId ? orgName(lead, none) : none}
        </Field>
        <Field label={t('detail.coOrgs')}>
          {coOrgs.length > 0 ? coOrgs.map((org) => org.shortName).join(', ') : none}
        </Field>
        <Field label={t('detail.focalUser')}>{commitment.focalUser?.displayName ?? none}</Field>
        <Field label={t('detail.targetGroups')}>
          {commitment.targetGroups.length > 0
            ? commitment.targetGroups.map((group) => t(`targetGroup.${group}`)).join(', ')
            : none}
        </Field>
        <Field label={t('detail.weight')}>{format.number(commitment.weight)}</Field>
        <Field label={t('detail.startDate')}>{format.date(commitment.startDate) || none}</Field>
        <Field label={t('detail.targetDate')}>{format.date(commitment.targetDate) || none}</Field>
        <Field label={t('detail.overdue')}>
          {commitment.overdue ? t('detail.overdueYes') : t('detail.overdueNo')}
        </Field>
      </SimpleGrid>

      {commitment.parent && (
        <div>
          <Title order={3} size="h5">
            {t('detail.parent')}
          </Title>
          <RouterAnchor
            to="/w/$slug/commitments/$commitmentId"
            params={{ slug, commitmentId: commitment.parent.id }}
          >
            {commitment.parent.reference} — {format.text(commitment.parent.title)}
          </RouterAnchor>
        </div>
      )}

      {commitment.children.length > 0 && (
        <div>
          <Title order={3} size="h5">
            {t('detail.children')}
          </Title>
          <List spacing={4} listStyleType="none" ml={0}>
            {commitment.children.map((child) => (
              <List.Item key={child.id}>
                <Group gap="xs" wrap="nowrap">
                  <RouterAnchor
                    to="/w/$slug/commitments/$commitmentId"
                    params={{ slug, commitmentId: child.id }}
                  >
                    {child.reference} — {format.text(child.title)}
                  </RouterAnchor>
                  <TrackedStatusBadge status={child.trackedStatus} parent={child.childCount > 0} />
                  <Text size="sm">{format.percent(child.progress)}</Text>
                </Group>
              </List.Item>
            ))}
          </List>
        </div>
      )}

      <div>
        <Title order={3} size="h5">
          {t('detail.alignments')}
        </Title>
        {commitment.alignments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('detail.noAlignments')}
          </Text>
        ) : (
          <List spacing={4} listStyleType="none" ml={0}>
            {commitment.alignments.map((alignment) => (
              <List.Item key={alignment.id}>
                <Text span size="sm" c="dimmed" mr={6}>
                  {alignment.direction === 'OUTGOING'
                    ? t('detail.alignmentOutgoing')
                    : t('detail.alignmentIncoming')}
                  :
                </Text>
                <RouterAnchor
                  to="/w/$slug/commitments/$commitmentId"
                  params={{ slug, commitmentId: alignment.commitment.id }}
                >
                  {alignment.commitment.frameworkCode} {alignment.commitment.reference} —{' '}
                  {format.text(alignment.commitment.title)}
                </RouterAnchor>
                {alignment.note && (
                  <Text size="xs" c="dimmed">
                    {format.text(alignment.note)}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </Stack>
  );
}
