import { useId, useState, type FormEvent, type ReactNode } from 'react';
import {
  Button,
  Group,
  Input,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { FormActions } from '../layout/FormParts';
import { ConflictAlert } from '../layout/ConflictAlert';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../layout/DateField';
import { POSITION_KINDS, type PositionKind } from '@spct/contracts';
import { ApiError, fieldErrors } from '../../api/client';
import type { Position } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { useMembership } from '../auth/useMembership';
import { EmptyState, QueryState } from '../layout/states';
import { organizationsQuery } from '../organizations/queries';
import { CharacterCount } from './CommentComposer';
import { RATIONALE_MAX_LENGTH } from './limits';
import { PositionBadge } from '../commitments/badges';
import { positionsQuery } from '../commitments/queries';
import { useRecordPosition } from './discussionMutations';

/** The stored position a 412 (or a 428 after losing a first-recording race) carries. */
function storedPosition(error: unknown): Position | null {
  if (!(error instanceof ApiError) || (error.status !== 412 && error.status !== 428)) return null;
  return (error.body as { current?: Position } | null)?.current ?? null;
}

interface OrganizationChoice {
  id: string;
  shortName: string;
}

/**
 * The organizations the user may record a position for: their own (EDITOR, PARTNER) or any of
 * the workspace (ADMIN), as the shared policy says.
 */
function useRecordableOrganizations(slug: string): OrganizationChoice[] {
  const access = useMembership(slug);
  const organizations = useQuery(organizationsQuery(slug));
  const candidates: OrganizationChoice[] = [...(organizations.data ?? [])];
  const own = access.organization;
  if (own && !candidates.some((organization) => organization.id === own.id)) candidates.push(own);
  return candidates.filter((organization) =>
    access.can('position.record', { organizationIds: [organization.id] }),
  );
}

export function PositionsPanel({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(positionsQuery(slug, commitmentId));
  const recordable = useRecordableOrganizations(slug);
  const own = useMembership(slug).organization;
  return (
    <QueryState query={query}>
      {(positions) => (
        <Stack gap="md">
          {recordable.length > 0 && (
            <PositionRecorder
              path={{ slug, commitmentId }}
              organizations={recordable}
              initial={
                recordable.find((organization) => organization.id === own?.id)?.id ??
                recordable[0]!.id
              }
              positions={positions}
            />
          )}
          {positions.length === 0 ? (
            <EmptyState message={t('positions.empty')} />
          ) : (
            <SimpleGrid
              cols={{ base: 1, md: 2 }}
              spacing="sm"
              role="region"
              aria-label={t('positions.list')}
            >
              {positions.map((position) => (
                <Paper
                  key={position.id}
                  withBorder
                  p="sm"
                  component="article"
                  aria-label={position.organization.shortName}
                >
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
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
                  <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-line' }}>
                    {position.rationale}
                  </Text>
                  <Text size="xs" c="dimmed" mt="xs">
                    {t('positions.decidedOn', { date: format.date(position.decidedOn) })}
                    {position.recordedBy &&
                      ` · ${t('positions.recordedBy', { name: position.recordedBy.displayName })}`}
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

/**
 * The button that opens the form, and the form itself: for the user's organization or, when
 * they may record for several (ADMIN), for the one they pick.
 */
function PositionRecorder({
  path,
  organizations,
  initial,
  positions,
}: {
  path: { slug: string; commitmentId: string };
  organizations: OrganizationChoice[];
  initial: string;
  positions: Position[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [organizationId, setOrganizationId] = useState(initial);
  const several = organizations.length > 1;
  const stored = positions.find((position) => position.organization.id === organizationId);
  if (!open) {
    return (
      <Group justify="flex-end">
        <Button onClick={() => setOpen(true)}>
          {several
            ? t('positions.recordAny')
            : stored
              ? t('positions.update')
              : t('positions.record')}
        </Button>
      </Group>
    );
  }
  return (
    <PositionForm
      key={organizationId}
      path={path}
      organizationId={organizationId}
      stored={stored}
      onClose={() => setOpen(false)}
      picker={
        several && (
          <NativeSelect
            label={t('positions.organization')}
            value={organizationId}
            onChange={(event) => setOrganizationId(event.currentTarget.value)}
            data={organizations.map((organization) => ({
              value: organization.id,
              label: positions.some((position) => position.organization.id === organization.id)
                ? t('positions.organizationRecorded', { name: organization.shortName })
                : organization.shortName,
            }))}
          />
        )
      }
    />
  );
}

/** Today in the user's time zone, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Records or replaces an organization's position. Replacing sends the version shown
 * (If-Match); when someone recorded or changed it meanwhile the stored one is shown and the user
 * saves theirs over it or keeps it.
 */
function PositionForm({
  path,
  organizationId,
  stored,
  onClose,
  picker,
}: {
  path: { slug: string; commitmentId: string };
  organizationId: string;
  stored: Position | undefined;
  onClose: () => void;
  picker: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const positionLabelId = useId();
  const record = useRecordPosition(path);
  const [position, setPosition] = useState<PositionKind>(stored?.position ?? 'AGREE');
  const [rationale, setRationale] = useState(stored?.rationale ?? '');
  const [decidedOn, setDecidedOn] = useState(stored?.decidedOn ?? today());
  const [conflict, setConflict] = useState<Position | null>(null);
  const [missing, setMissing] = useState<{ rationale?: boolean; decidedOn?: boolean }>({});
  const errors = fieldErrors(record.error);
  const otherError =
    record.error && !conflict && Object.keys(errors).length === 0 ? record.error.message : null;

  const save = (version: number | undefined) => {
    setConflict(null);
    const blank = { rationale: !rationale.trim(), decidedOn: !decidedOn };
    setMissing(blank);
    if (blank.rationale || blank.decidedOn || rationale.length > RATIONALE_MAX_LENGTH) return;
    record.mutate(
      { organizationId, version, body: { position, rationale, decidedOn } },
      {
        onSuccess: onClose,
        onError: (error) => setConflict(storedPosition(error)),
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(stored?.version);
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t('positions.formLabel')}>
        <Stack gap="sm">
          {picker}
          {conflict && (
            <ConflictAlert
              title={t('positions.conflict.title')}
              busy={record.isPending}
              reapply={{
                label: t('positions.conflict.useMine'),
                onClick: () => save(conflict.version),
              }}
              keepTheirs={{
                label: t('positions.conflict.keepTheirs'),
                onClick: () => {
                  setConflict(null);
                  record.reset();
                  onClose();
                },
              }}
            >
              <Text size="sm">
                {t('positions.conflict.stored', {
                  position: t(`position.${conflict.position}`),
                  date: format.date(conflict.decidedOn),
                })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {conflict.rationale}
              </Text>
            </ConflictAlert>
          )}
          <Input.Wrapper
            label={t('positions.position')}
            labelElement="div"
            id={positionLabelId}
            error={errors.position}
          >
            <div>
              <SegmentedControl
                aria-labelledby={`${positionLabelId}-label`}
                value={position}
                onChange={(value) => setPosition(value as PositionKind)}
                data={POSITION_KINDS.map((value) => ({ value, label: t(`position.${value}`) }))}
              />
            </div>
          </Input.Wrapper>
          <Textarea
            label={t('positions.rationale')}
            required
            autosize
            minRows={3}
            maxRows={12}
            value={rationale}
            onChange={(event) => {
              setRationale(event.currentTarget.value);
              setMissing((current) => ({ ...current, rationale: false }));
            }}
            description={<CharacterCount length={rationale.length} max={RATIONALE_MAX_LENGTH} />}
            error={
              errors.rationale ??
              (missing.rationale ? t('positions.rationaleRequired') : undefined) ??
              (rationale.length > RATIONALE_MAX_LENGTH
                ? t('positions.rationaleTooLong', { max: RATIONALE_MAX_LENGTH })
                : undefined)
            }
          />
          <DateField
            label={t('positions.decidedOnLabel')}
            required
            maxDate={today()}
            value={decidedOn}
            onChange={(value) => {
              setDecidedOn(value);
              setMissing((current) => ({ ...current, decidedOn: false }));
            }}
            error={
              errors.decidedOn ?? (missing.decidedOn ? t('positions.dateRequired') : undefined)
            }
          />
          {otherError && (
            <Text size="sm" c="red" role="alert">
              {otherError}
            </Text>
          )}
          <FormActions submitLabel={t('common.save')} busy={record.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Paper>
  );
}
