import '@mantine/dates/styles.css';
import 'dayjs/locale/vi';
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

/** A typed date: 2026-06-30 or 30/06/2026 (day first, as both languages write it here). */
export function parseTypedDate(text: string): string | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  const local = DAY_MONTH_YEAR.exec(value);
  const [year, month, day] = iso
    ? [iso[1]!, iso[2]!, iso[3]!]
    : local
      ? [local[3]!, local[2]!.padStart(2, '0'), local[1]!.padStart(2, '0')]
      : [];
  if (!year) return null;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== `${year}-${month}-${day}`
    ? null
    : `${year}-${month}-${day}`;
}

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange'> & {
  /** `YYYY-MM-DD`, or '' for none. */
  value: string;
  onChange: (value: string) => void;
};

/**
 * A calendar date in the interface language: a calendar to pick from, or typed as 30/06/2026 or
 * 2026-06-30; the value is `YYYY-MM-DD` ('' when empty), as the API takes it.
 */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DateInput
        valueFormat="DD/MM/YYYY"
        placeholder={t('common.datePlaceholder')}
        dateParser={parseTypedDate}
        clearable={!props.required}
        {...props}
        value={value === '' ? null : value}
        onChange={(next) => onChange(next ?? '')}
        clearButtonProps={{ 'aria-label': t('common.clearDate') }}
        nextLabel={t('common.nextMonth')}
        previousLabel={t('common.previousMonth')}
      />
    </DatesProvider>
  );
}
