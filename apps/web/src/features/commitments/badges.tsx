import { Badge, Group, Progress, Text, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommitmentStatus, PositionKind, Stance, UpdateState } from '@spct/contracts';
import { useFormat } from '../../i18n/format';

// Badges keep their whole label in narrow table cells instead of ending in "…".
const FULL_LABEL = { root: { flexShrink: 0, maxWidth: 'none' }, label: { overflow: 'visible' } };

const STATUS_COLORS: Record<CommitmentStatus, MantineColor> = {
  NOT_STARTED: 'gray',
  ON_TRACK: 'green',
  AT_RISK: 'yellow',
  OFF_TRACK: 'red',
  COMPLETED: 'blue',
  DISCONTINUED: 'dark',
};

const STATE_COLORS: Record<UpdateState, MantineColor> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  APPROVED: 'green',
  RETURNED: 'orange',
};

const STANCE_COLORS: Record<Stance, MantineColor> = {
  SUPPORT: 'green',
  CONCERN: 'orange',
  QUESTION: 'blue',
};

const POSITION_COLORS: Record<PositionKind, MantineColor> = {
  AGREE: 'green',
  RESERVATION: 'yellow',
  DISAGREE: 'red',
};

/**
 * Yellow's and green's darkest shades on their own tints read at 2.6:1 and 3.8:1 (WCAG AA asks
 * 4.5:1): their labels are written in dark grey.
 */
const LIGHT_LABEL: Partial<Record<MantineColor, MantineColor>> = {
  yellow: 'dark.7',
  green: 'dark.7',
};

export function StatusBadge({ status }: { status: CommitmentStatus }) {
  const { t } = useTranslation();
  const color = STATUS_COLORS[status];
  return (
    <Badge
      styles={FULL_LABEL}
      color={color}
      c={LIGHT_LABEL[color]}
      variant="light"
      data-status={status}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}

/**
 * The status beside an item's progress (the API's `trackedStatus`): a parent's progress is rolled
 * up from its children and it has no status of its own, and a clause that no organization has
 * taken up is not tracked; neither reads "not started".
 */
export function TrackedStatusBadge({
  status,
  parent,
}: {
  status: CommitmentStatus | null;
  parent: boolean;
}) {
  const { t } = useTranslation();
  if (status) return <StatusBadge status={status} />;
  return (
    <Badge
      styles={FULL_LABEL}
      color="gray"
      variant="outline"
      data-status={parent ? 'ROLLED_UP' : 'NOT_TRACKED'}
    >
      {t(parent ? 'trackedStatus.rolledUp' : 'trackedStatus.notTracked')}
    </Badge>
  );
}

export function UpdateStateBadge({ state }: { state: UpdateState }) {
  const { t } = useTranslation();
  return (
    <Badge styles={FULL_LABEL} color={STATE_COLORS[state]} variant="outline">
      {t(`updateState.${state}`)}
    </Badge>
  );
}

export function StanceBadge({ stance }: { stance: Stance }) {
  const { t } = useTranslation();
  return (
    <Badge styles={FULL_LABEL} color={STANCE_COLORS[stance]} variant="dot">
      {t(`stance.${stance}`)}
    </Badge>
  );
}

export function PositionBadge({ position }: { position: PositionKind }) {
  const { t } = useTranslation();
  return (
    <Badge styles={FULL_LABEL} color={POSITION_COLORS[position]} variant="light">
      {t(`position.${position}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge styles={FULL_LABEL} color="red.9" variant="filled" size="sm">
      {t('common.overdue')}
    </Badge>
  );
}

/** A progress bar with its formatted value; `name` makes the bar's accessible label. */
export function ProgressBar({
  value,
  name,
  width = 160,
}: {
  value: number;
  name: string;
  width?: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = format.percent(value);
  const clamped = Math.max(0, Math.min(100, value));
  // The progressbar role sits on the section, with the value as the language writes it.
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress.Root w={width} size="md">
        <Progress.Section
          value={clamped}
          withAria={false}
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={clamped}
          aria-valuetext={label}
          aria-label={t('common.progressOf', { name })}
        />
      </Progress.Root>
      <Text size="sm" fw={500} miw={48}>
        {label}
      </Text>
    </Group>
  );
}
