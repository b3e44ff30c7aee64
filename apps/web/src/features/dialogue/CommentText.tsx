import { Fragment, type ReactNode } from 'react';
import { Anchor, Mark, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/types';

/**
 * One inline piece of markdown-lite: `[label](https://…)`, a bare https:// address,
 * `**bold**`, or an `@email` mention (the API's own pattern, apps/api/src/comments/mentions.ts).
 */
const INLINE =
  /\[(?<label>[^\]\n]+)\]\((?<href>https?:\/\/[^\s)]+)\)|(?<url>https?:\/\/[^\s<>]*[^\s<>.,;:!?)\]'"])|\*\*(?<bold>[^*\n]+)\*\*|(?<![\w.%+-])@(?<email>[\w.%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;

/** Only web addresses become links (never javascript: or data:). */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export interface MentionLookup {
  /** The members of the workspace, when loaded. */
  members: Member[] | undefined;
  /** The users the API recognised as mentioned in this comment. */
  mentionedIds: string[];
}

function Mention({ email, lookup }: { email: string; lookup: MentionLookup }) {
  const { t } = useTranslation();
  const member = lookup.members?.find((item) => item.email.toLowerCase() === email.toLowerCase());
  if (lookup.members && (!member || !lookup.mentionedIds.includes(member.userId))) {
    // Not a member: the API did not mention anyone, so neither do we.
    return <>@{email}</>;
  }
  return (
    <Mark
      color="blue"
      px={2}
      title={email}
      aria-label={t('comments.mention', { name: member?.displayName ?? email })}
      data-mention={member?.userId ?? email}
    >
      @{member?.displayName ?? email}
    </Mark>
  );
}

function inline(line: string, lookup: MentionLookup, keyPrefix: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of line.matchAll(INLINE)) {
    const start = match.index;
    if (start > last) nodes.push(line.slice(last, start));
    const groups = match.groups!;
    const key = `${keyPrefix}-${start}`;
    const href = safeHref(groups.href ?? groups.url ?? '');
    if ((groups.href || groups.url) && href) {
      nodes.push(
        <Anchor key={key} href={href} target="_blank" rel="noopener noreferrer nofollow">
          {groups.label ?? groups.url}
        </Anchor>,
      );
    } else if (groups.bold) {
      nodes.push(<strong key={key}>{groups.bold}</strong>);
    } else if (groups.email) {
      nodes.push(<Mention key={key} email={groups.email} lookup={lookup} />);
    } else {
      nodes.push(match[0]);
    }
    last = start + match[0].length;
  }
  if (last < line.length) nodes.push(line.slice(last));
  return nodes;
}

/**
 * A comment's markdown-lite text as the API stores it: paragraphs (blank lines), line breaks,
 * safe links, bold and highlighted mentions. Built as React elements: the user's text is never
 * injected as HTML.
 */
export function CommentText({ body, lookup }: { body: string; lookup: MentionLookup }) {
  const paragraphs = body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <Stack gap={6} data-comment-text>
      {paragraphs.map((paragraph, p) => (
        <Text key={p} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {paragraph.split('\n').map((line, l) => (
            <Fragment key={l}>
              {l > 0 && <br />}
              {inline(line, lookup, `${p}-${l}`)}
            </Fragment>
          ))}
        </Text>
      ))}
    </Stack>
  );
}
