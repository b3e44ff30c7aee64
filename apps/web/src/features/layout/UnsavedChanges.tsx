import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Button, Group, Modal, Stack, Text, type ModalProps } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** "Discard your changes?" with Keep editing (focused) and Discard. */
function DiscardDialog({
  opened,
  onKeep,
  onDiscard,
}: {
  opened: boolean;
  onKeep: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onKeep} title={t('unsaved.title')} zIndex={400}>
      <Stack gap="md">
        <Text>{t('unsaved.text')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onKeep} data-autofocus>
            {t('unsaved.keep')}
          </Button>
          <Button color="red" onClick={onDiscard}>
            {t('unsaved.discard')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export interface UnsavedChanges {
  /** Runs `action` (close, cancel...) at once when nothing is unsaved, else after the user agrees. */
  confirm: (action: () => void) => void;
  /** Lets the next navigation through without asking (after a successful save). */
  release: () => void;
  /** The question, to render. */
  dialog: ReactNode;
}

/**
 * Asks before unsaved changes are dropped: when the user leaves the page (a link, Back, closing
 * the tab) and when the form's own Cancel or close runs through `confirm`.
 */
export function useUnsavedChanges(dirty: boolean): UnsavedChanges {
  const released = useRef(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const blocker = useBlocker({
    shouldBlockFn: () => dirty && !released.current,
    enableBeforeUnload: dirty,
    withResolver: true,
  });
  useEffect(() => {
    if (dirty) released.current = false;
  }, [dirty]);

  const confirm = useCallback(
    (action: () => void) => {
      if (dirty) setPending(() => action);
      else action();
    },
    [dirty],
  );
  const blocked = blocker.status === 'blocked';
  const dialog = (
    <DiscardDialog
      opened={pending !== null || blocked}
      onKeep={() => {
        setPending(null);
        if (blocked) blocker.reset();
      }}
      onDiscard={() => {
        const action = pending;
        setPending(null);
        released.current = true;
        if (blocked) blocker.proceed();
        else action?.();
      }}
    />
  );
  const release = useCallback(() => {
    released.current = true;
  }, []);
  return { confirm, release, dialog };
}

interface FormModalContext {
  setDirty: (dirty: boolean) => void;
  close: () => void;
  release: () => void;
}

const FormModalContext = createContext<FormModalContext | null>(null);

/**
 * A dialog holding a form: Escape, a click outside, the close button, the form's Cancel and
 * leaving the page all ask first when the form (see `useFormModal`) has unsaved changes.
 */
export function FormModal({ opened, onClose, children, ...props }: ModalProps) {
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedChanges(opened && dirty);
  const { confirm, release } = guard;
  const close = useCallback(
    () =>
      confirm(() => {
        setDirty(false);
        onClose();
      }),
    [confirm, onClose],
  );
  const context = useMemo(() => ({ setDirty, close, release }), [close, release]);
  return (
    <>
      <Modal opened={opened} onClose={close} {...props}>
        <FormModalContext.Provider value={context}>{children}</FormModalContext.Provider>
      </Modal>
      {guard.dialog}
    </>
  );
}

/**
 * For a form inside a FormModal: tells it whether there are unsaved changes. Returns `cancel`,
 * for its Cancel button (asks first; outside a FormModal: `fallback`), and `saved`, to call
 * before closing after a successful save (nothing is lost then).
 */
export function useFormModal(dirty: boolean, fallback: () => void) {
  const context = useContext(FormModalContext);
  const setDirty = context?.setDirty;
  useEffect(() => {
    setDirty?.(dirty);
  }, [setDirty, dirty]);
  useEffect(() => () => setDirty?.(false), [setDirty]);
  return {
    cancel: context?.close ?? fallback,
    saved: () => {
      context?.release();
      setDirty?.(false);
    },
  };
}
