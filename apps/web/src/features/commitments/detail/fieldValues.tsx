import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Translatable } from '../../../api/types';
import { useFormat } from '../../../i18n/format';
import { useMemberName } from './memberNames';
import { frameworkQuery } from '../../frameworks/queries';
import { organizationsQuery } from '../../organizations/queries';
import { membersQuery } from '../../admin/queries';

/** A translation looked up by a key built at run time, or `fallback` when there is none. */
export function useLooseTranslation() {
  const { t, i18n } = useTranslation();
  // Keys built at run time cannot be checked against the typed resources: look them up first.
  const loose = t as unknown as (key: string) => string;
  return (key: string, fallback: string) => (i18n.exists(key) ? loose(key) : fallback);
}

/** Text longer than this is shown collapsed. */
const LONG_TEXT = 300;

/** Fields holding the id of an organization, a user, a commitment. */
const ORGANIZATION_FIELDS = new Set(['leadOrgId', 'organizationId']);
const ORGANIZATION_LIST_FIELDS = new Set(['coOrgIds']);
const USER_FIELDS = new Set(['focalUserId', 'authorId', 'decidedById', 'recordedById']);
const COMMITMENT_FIELDS = new Set(['parentId']);
const PERCENT_FIELDS = new Set(['progress']);

/** Fields whose values are enums, and the translation section of their values. */
const ENUM_FIELDS: Record<string, string> = {
  status: 'status',
  state: 'updateState',
  theme: 'theme',
  direction: 'direction',
  kind: 'evidenceKind',
  position: 'position',
  stance: 'stance',
  role: 'role',
  constituency: 'constituency',
};
const ENUM_LIST_FIELDS: Record<string, string> = { targetGroups: 'targetGroup' };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** An `@email` mention in a comment (the API's pattern, apps/api/src/comments/mentions.ts). */
const MENTION = /(?<![\w.%+-])@([\w.%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function isTranslatable(value: unknown): value is Translatable {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    ('vi' in value || 'en' in value)
  );
}

/** An id the data at hand cannot name: its first characters, enough to tell ids apart. */
export function shortId(id: string): string {
  return id.length > 8 ? `#${id.slice(0, 8)}` : `#${id}`;
}

/**
 * Names for the ids a commitment's fields hold (organizations, members, the commitments of its
 * framework), from data the app loads anyway; ids it cannot name stay short.
 */
export function useNames(slug: string, frameworkId?: string) {
  const organizations = useQuery(organizationsQuery(slug));
  const memberName = useMemberName(slug);
  const framework = useQuery({
    ...frameworkQuery(slug, frameworkId ?? ''),
    enabled: frameworkId !== undefined,
  });
  const orgs = new Map((organizations.data ?? []).map((org) => [org.id, org.shortName]));
  const members = useQuery(membersQuery(slug));
  const byEmail = new Map(
    (members.data ?? []).map((member) => [member.email.toLowerCase(), member.displayName]),
  );
  const commitments = new Map<string, string>();
  const walk = (nodes: NonNullable<typeof framework.data>['tree']) => {
    for (const node of nodes) {
      commitments.set(node.id, node.reference);
      walk(node.children);
    }
  };
  walk(framework.data?.tree ?? []);
  return {
    organization: (id: string) => orgs.get(id) ?? shortId(id),
    user: (id: string) => memberName(id) ?? shortId(id),
    commitment: (id: string) => commitments.get(id) ?? shortId(id),
    /** A comment's text with each `@email` mention of a member written as `@Name`. */
    mentions: (text: string) =>
      text.replace(MENTION, (token, email: string) => {
        const name = byEmail.get(email.toLowerCase());
        return name ? `@${name}` : token;
      }),
  };
}

export type Names = ReturnType<typeof useNames>;

/** One field's value (from a history diff or a conflict), readable: names, translations, dates. */
export function FieldValue({
  field,
  value,
  names,
}: {
  field: string;
  value: unknown;
  names: Names;
}) {
  const { t } = useTranslation();
  const translate = useLooseTranslation();
  const format = useFormat();

  if (value === null || value === undefined || value === '') {
    return (
      <Text span size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    );
  }
  if (isTranslatable(value)) {
    // Both languages: a change may touch only one of them.
    return (
      <span>
        <PlainText text={`VI: ${value.vi ?? ''}`} />
        <br />
        <PlainText text={`EN: ${value.en ?? ''}`} />
      </span>
    );
  }
  const text = ((): string => {
    if (typeof value === 'string') {
      if (ORGANIZATION_FIELDS.has(field)) return names.organization(value);
      if (USER_FIELDS.has(field)) return names.user(value);
      if (COMMITMENT_FIELDS.has(field)) return names.commitment(value);
      if (field === 'body') return names.mentions(value);
      const section = ENUM_FIELDS[field];
      if (section) return translate(`${section}.${value}`, value);
      if (DATE_ONLY.test(value) || DATE_TIME.test(value)) return format.date(value);
      return value;
    }
    if (typeof value === 'number') {
      return PERCENT_FIELDS.has(field) ? format.percent(value) : format.number(value);
    }
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (Array.isArray(value)) {
      if (value.length === 0) return t('common.none');
      if (ORGANIZATION_LIST_FIELDS.has(field))
        return value.map((id) => names.organization(String(id))).join(', ');
      const section = ENUM_LIST_FIELDS[field];
      if (section)
        return value
          .map((item) => translate(`${section}.${String(item)}`, String(item)))
          .join(', ');
      return value
        .map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))
        .join(', ');
    }
    return JSON.stringify(value);
  })();

  return <PlainText text={text} />;
}

/** Text as is, or collapsed when long. */
function PlainText({ text }: { text: string }) {
  if (text.length > LONG_TEXT) return <LongText text={text} />;
  return (
    <Text span size="sm" style={{ whiteSpace: 'pre-line' }}>
      {text}
    </Text>
  );
}

/** Long text, collapsed to its beginning until the user asks for the rest. */
function LongText({ text }: { text: string }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  return (
    <span>
      <Text span size="sm" style={{ whiteSpace: 'pre-line' }}>
        {expanded ? text : `${text.slice(0, LONG_TEXT).trimEnd()}…`}
      </Text>{' '}
      <Anchor
        component="button"
        type="button"
        size="sm"
        aria-expanded={expanded}
        onClick={() => setExpanded(!expanded)}
      >
        {expanded ? t('history.showLess') : t('history.showMore')}
      </Anchor>
    </span>
  );
}

/** The translated label of a field of a commitment, report, indicator... (else its name). */
export function useFieldLabel() {
  const translate = useLooseTranslation();
  return (field: string) => translate(`history.fields.${field}`, field);
}
