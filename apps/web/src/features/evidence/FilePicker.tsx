import { useId, useRef } from 'react';
import { Button, Input, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ACCEPTED_TYPES, MAX_UPLOAD_BYTES } from './upload';
import classes from './FilePicker.module.css';

/**
 * A file input with its label, the accepted types and the size limit spelled out, in the
 * interface language (the browser's own file button speaks the browser's language).
 */
export function FilePicker({
  label,
  onPick,
  error,
  disabled,
}: {
  label: string;
  onPick: (file: File) => void;
  error?: string | null;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Input.Wrapper
      label={label}
      labelProps={{ htmlFor: id }}
      description={t('evidenceTab.fileHint', { max: format.bytes(MAX_UPLOAD_BYTES) })}
      error={error ?? undefined}
    >
      <label className={classes.picker} data-disabled={disabled || undefined}>
        <input
          ref={input}
          id={id}
          type="file"
          className={classes.input}
          accept={ACCEPTED_TYPES}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) onPick(file);
            // The same file can be picked again after an error.
            if (input.current) input.current.value = '';
          }}
        />
        <Button component="span" variant="default" size="sm">
          {t('evidenceTab.chooseFile')}
        </Button>
      </label>
    </Input.Wrapper>
  );
}

/** The upload progress of one file, announced to assistive technology. */
export function UploadProgress({ name, percent }: { name: string; percent: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = t('evidenceTab.uploading', { name });
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label} — {format.percent(percent)}
      </Text>
      <Progress.Root size="sm">
        <Progress.Section
          value={percent}
          aria-label={label}
          aria-valuetext={format.percent(percent)}
          animated={percent < 100}
        />
      </Progress.Root>
    </div>
  );
}
