import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { POSITION_KINDS, type PositionKind } from '@spct/contracts';
import { ApiError, fieldErrors } from '../../../api/client';
import type { Position } from '../../../api/types';
import { useFormat } from '../../../i18n/format';
import { useMembership } from '../../auth/useMembership';
import { EmptyState, QueryState } from '../../layout/states';
import { PositionBadge } from '../badges';
import { positionsQuery } from '../queries';
import { useRecordPosition } from './discussionMutations';

/** The stored position a 412 (or a 428 after losing a first-recording race) carries. */
function storedPosition(error: unknown): Position | null {
  if (!(error instanceof ApiError) || (error.status !== 412 && error.status !== 428)) return null;
  return (error.body as { current?: Position } | null)?.current ?? null;
}

export function PositionsPanel({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(positionsQuery(slug, commitmentId));
  const access = useMembership(slug);
  const organization = access.organization;
  const mayRecord =
    organization != null && access.can('position.record', { organizationIds: [organization.id] });
  return (
    <QueryState query={query}>
      {(positions) => (
        <Stack gap="md">
          {mayRecord && (
            <PositionForm
              path={{ slug, commitmentId }}
              organizationId={organization.id}
              stored={positions.find((p) => p.organization.id === organization.id)}
            />
          )}
          {positions.length === 0 ? (
            <EmptyState message={t('positions.empty')} />
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {positions.map((position) => (
                <Paper key={position.id} withBorder p="sm" component="article">
                  <Group justify="space-between" gap="xs">
                    <div>
                      <Text fw={700} component="h3" size="md" m={0}>
                        {position.organization.shortName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {format.text(position.organization.name)}
                      </Text>
                    </div>
                    <PositionBadge position={position.position} />
                  </Group>
                  <Text size="sm" mt="xs">
                    {position.rationale}
                  </Text>
                  <Text size="xs" c="dimmed" mt="xs">
                    {t('positions.decidedOn', { date: format.date(position.decidedOn) })}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Records or replaces the user's organization's position. Replacing sends the version shown
 * (If-Match); when someone recorded or changed it meanwhile the stored one is shown and the user
 * saves theirs over it or keeps it.
 */
function PositionForm({
  path,
  organizationId,
  stored,
}: {
  path: { slug: string; commitmentId: string };
  organizationId: string;
  stored: Position | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const record = useRecordPosition(path);
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<PositionKind>(stored?.position ?? 'AGREE');
  const [rationale, setRationale] = useState(stored?.rationale ?? '');
  const [decidedOn, setDecidedOn] = useState(stored?.decidedOn ?? today());
  const [conflict, setConflict] = useState<Position | null>(null);
  const errors = fieldErrors(record.error);

  const save = (version: number | undefined) => {
    setConflict(null);
    record.mutate(
      { organizationId, version, body: { position, rationale, decidedOn } },
      {
        onSuccess: () => setOpen(false),
        onError: (error) => setConflict(storedPosition(error)),
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(stored?.version);
  };

  if (!open) {
    return (
      <Group justify="flex-end">
        <Button
          onClick={() => {
            setPosition(stored?.position ?? 'AGREE');
            setRationale(stored?.rationale ?? '');
            setDecidedOn(stored?.decidedOn ?? today());
            setOpen(true);
          }}
        >
          {stored ? t('positions.update') : t('positions.record')}
        </Button>
      </Group>
    );
  }
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t('positions.formLabel')}>
        <Stack gap="sm">
          {conflict && (
            <Alert
              color="orange"
              variant="light"
              role="alert"
              title={t('positions.conflict.title')}
              aria-label={t('positions.conflict.title')}
            >
              <Stack gap="xs">
                <Text size="sm">
                  {t('positions.conflict.stored', {
                    position: t(`position.${conflict.position}`),
                    date: format.date(conflict.decidedOn),
                  })}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {conflict.rationale}
                </Text>
                <Group gap="xs">
                  <Button size="xs" onClick={() => save(conflict.version)}>
                    {t('positions.conflict.useMine')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      setConflict(null);
                      record.reset();
                      setOpen(false);
                    }}
                  >
                    {t('positions.conflict.keepTheirs')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <NativeSelect
            label={t('positions.position')}
            value={position}
            onChange={(event) => setPosition(event.currentTarget.value as PositionKind)}
            data={POSITION_KINDS.map((value) => ({ value, label: t(`position.${value}`) }))}
            error={errors.position}
          />
          <Textarea
            label={t('positions.rationale')}
            required
            autosize
            minRows={3}
            value={rationale}
            onChange={(event) => setRationale(event.currentTarget.value)}
            error={errors.rationale}
          />
          <TextInput
            type="date"
            label={t('positions.decidedOnLabel')}
            required
            value={decidedOn}
            onChange={(event) => setDecidedOn(event.currentTarget.value)}
            error={errors.decidedOn}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
