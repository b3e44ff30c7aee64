import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@spct/contracts';
import { isLocale } from '../../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId}>
      <VisuallyHidden id={labelId}>{t('nav.language')}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        value={i18n.resolvedLanguage}
        onChange={(value) => {
          if (isLocale(value)) void i18n.changeLanguage(value);
        }}
        data={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
      />
    </div>
  );
}
