import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { MAX_UPLOAD_BYTES } from './upload';

/** The message to show for a failed evidence upload or link (413 and 415 in the user's language). */
export function useEvidenceErrorMessage() {
  const { t } = useTranslation();
  const format = useFormat();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.status === 413)
        return t('evidenceTab.tooLarge', { max: format.bytes(MAX_UPLOAD_BYTES) });
      if (error.status === 415) return t('evidenceTab.unsupported');
      if (error.status === 0) return t('error.network');
      return error.message;
    }
    return error instanceof Error ? error.message : t('error.unknown');
  };
}

/** Checks a chosen file before sending it: the message to show, or null when it may be sent. */
export function useFileCheck() {
  const { t } = useTranslation();
  const format = useFormat();
  return (file: File): string | null => {
    if (file.size > MAX_UPLOAD_BYTES) {
      return t('evidenceTab.tooLargeLocal', {
        name: file.name,
        size: format.bytes(file.size),
        max: format.bytes(MAX_UPLOAD_BYTES),
      });
    }
    if (file.size === 0) return t('evidenceTab.emptyFile', { name: file.name });
    return null;
  };
}
