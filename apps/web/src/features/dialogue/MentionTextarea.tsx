import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Combobox, Text, Textarea, useCombobox, type TextareaProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/types';

/** The `@…` being typed just before the caret, if any (after a space, a line break or at the start). */
const TYPING_MENTION = /(?:^|[^\w.%+-])@([^\s@]*)$/;
const MAX_OPTIONS = 8;

interface Query {
  /** Where the `@` is. */
  start: number;
  text: string;
}

/** The active members whose name or e-mail matches what follows the `@`. */
function matches(members: Member[] | undefined, query: Query | null): Member[] {
  if (!query) return [];
  const text = query.text.toLocaleLowerCase();
  return (members ?? [])
    .filter(
      (member) =>
        member.active &&
        (member.displayName.toLocaleLowerCase().includes(text) ||
          member.email.toLowerCase().startsWith(text)),
    )
    .slice(0, MAX_OPTIONS);
}

type MentionTextareaProps = Omit<TextareaProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  members: Member[] | undefined;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
};

/**
 * A text box where typing `@` offers the workspace's members by name: arrows move through them,
 * Enter or Tab picks one, Escape closes the list. A pick writes `@email` (what the API reads as
 * a mention); comments show the person's name in its place.
 */
export function MentionTextarea({
  value,
  onChange,
  members,
  onKeyDown,
  ...props
}: MentionTextareaProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<Query | null>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const options = matches(members, query);
  const open = options.length > 0;

  useEffect(() => {
    if (open) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else combobox.closeDropdown();
  }, [open, query?.text, combobox]);

  // After a pick, the caret goes after the inserted mention.
  useEffect(() => {
    if (caret !== null && input.current) {
      input.current.setSelectionRange(caret, caret);
      setCaret(null);
    }
  }, [caret]);

  const track = (text: string, at: number) => {
    const typing = TYPING_MENTION.exec(text.slice(0, at));
    setQuery(typing ? { start: at - typing[1]!.length - 1, text: typing[1]! } : null);
  };

  const pick = (email: string) => {
    if (!query) return;
    const end = query.start + 1 + query.text.length;
    const inserted = `@${email} `;
    onChange(value.slice(0, query.start) + inserted + value.slice(end));
    setCaret(query.start + inserted.length);
    setQuery(null);
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} withinPortal={false} position="bottom-start">
      <Combobox.Target>
        <Textarea
          ref={input}
          value={value}
          onChange={(event) => {
            onChange(event.currentTarget.value);
            track(event.currentTarget.value, event.currentTarget.selectionStart);
          }}
          onKeyDown={(event) => {
            if (open && event.key === 'Tab' && !event.shiftKey) {
              const selected = options[combobox.getSelectedOptionIndex()] ?? options[0];
              if (selected) {
                event.preventDefault();
                pick(selected.email);
                return;
              }
            }
            if (open && event.key === 'Escape') {
              // Closes the list, not the dialog or form around the text box.
              event.stopPropagation();
              setQuery(null);
              return;
            }
            onKeyDown?.(event);
          }}
          onBlur={() => setQuery(null)}
          {...props}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!open}>
        <Combobox.Options aria-label={t('comments.mentionPicker')}>
          {options.map((member) => (
            <Combobox.Option value={member.email} key={member.userId}>
              <Text size="sm" fw={500}>
                {member.displayName}
              </Text>
              <Text size="xs" c="dimmed">
                {member.organization ? `${member.organization.shortName} · ` : ''}
                {member.email}
              </Text>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
