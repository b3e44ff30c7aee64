import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A password input whose show/hide button is reachable with the keyboard (Mantine leaves it out
 * of the tab order) and says what it does.
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      {...props}
      visibilityToggleButtonProps={{ tabIndex: 0, 'aria-label': t('signIn.showPassword') }}
    />
  );
}
