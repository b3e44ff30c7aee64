import { useId, useRef, useState, type DragEvent } from 'react';
import { Button, Input, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { IMPORT_TYPES, MAX_IMPORT_BYTES } from './messages';
import classes from './ImportDropZone.module.css';

/**
 * The file to import: a button in the interface language, or a file dropped on the zone. The
 * limits are spelled out; `error` is the check's or the server's message.
 */
export function ImportDropZone({
  label,
  onPick,
  error,
  busy,
}: {
  label: string;
  onPick: (file: File) => void;
  error?: string | null;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) onPick(file);
  };
  return (
    <Input.Wrapper
      label={label}
      labelProps={{ htmlFor: id }}
      description={t('imports.fileHint', { max: format.bytes(MAX_IMPORT_BYTES) })}
      error={error ?? undefined}
    >
      <label
        className={classes.zone}
        data-dragging={dragging || undefined}
        data-disabled={busy || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <input
          ref={input}
          id={id}
          type="file"
          className={classes.input}
          accept={IMPORT_TYPES}
          disabled={busy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) onPick(file);
            // The same file, corrected, can be picked again.
            if (input.current) input.current.value = '';
          }}
        />
        <Button component="span" variant="default" loading={busy}>
          {t('imports.chooseFile')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('imports.dropHere')}
        </Text>
      </label>
    </Input.Wrapper>
  );
}
