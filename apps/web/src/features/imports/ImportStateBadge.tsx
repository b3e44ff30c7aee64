import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../api/types';

const COLORS: Record<ImportSummary['state'], string> = {
  VALIDATED: 'gray',
  QUEUED: 'yellow',
  RUNNING: 'blue',
  SUCCEEDED: 'green',
  FAILED: 'red',
};

export function ImportStateBadge({ state }: { state: ImportSummary['state'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light">
      {t(`imports.state.${state}`)}
    </Badge>
  );
}
