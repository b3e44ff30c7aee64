import {
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TARGET_GROUPS, THEMES, type TargetGroup, type Theme } from '@spct/contracts';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { fieldLabel } from '../../api/error-text';
import type { TreeNode } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { membersQuery } from '../admin/queries';
import { useMembership } from '../auth/useMembership';
import { frameworkQuery, frameworksQuery } from '../frameworks/queries';
import { organizationsQuery } from '../organizations/queries';
import { commitmentFieldErrorText } from './apiMessages';
import { DateField } from '../layout/DateField';
import { type CommitmentFormValues, formKeyOfApiField } from './values';

export type CommitmentForm = UseFormReturnType<CommitmentFormValues>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The commitment form's state and its client-side checks (the API checks again). */
export function useCommitmentForm(initialValues: CommitmentFormValues): CommitmentForm {
  const { t } = useTranslation();
  const required = (value: string) =>
    value.trim() === '' ? t('commitmentForm.errors.required') : null;
  const maxLength = (max: number) => (value: string) =>
    value.trim().length > max ? t('commitmentForm.errors.tooLong', { max }) : null;
  const date = (value: string) =>
    value !== '' && !DATE.test(value) ? t('commitmentForm.errors.date') : null;
  return useForm<CommitmentFormValues>({
    mode: 'controlled',
    initialValues,
    validate: {
      frameworkId: required,
      reference: (value) => required(value) ?? maxLength(40)(value),
      titleVi: (value) => required(value) ?? maxLength(500)(value),
      titleEn: (value) => required(value) ?? maxLength(500)(value),
      descriptionVi: maxLength(10000),
      descriptionEn: maxLength(10000),
      weight: (value) => {
        const number = Number(value);
        return value === '' || !Number.isFinite(number) || number < 1 || number > 100
          ? t('commitmentForm.errors.weight')
          : null;
      },
      startDate: date,
      targetDate: (value, values) =>
        date(value) ??
        (value !== '' && values.startDate !== '' && value < values.startDate
          ? t('commitmentForm.errors.targetBeforeStart')
          : null),
    },
  });
}

/**
 * Shows an API 400/409's field errors under their inputs; returns the messages that belong to
 * no input (shown above the form).
 */
export function showApiErrors(form: CommitmentForm, error: unknown, t: TFunction): string[] {
  const unplaced: string[] = [];
  const errors: Record<string, string> = {};
  const details = error instanceof ApiError ? (error.body?.details ?? []) : [];
  for (const detail of details) {
    const key = formKeyOfApiField(detail.field);
    const text = commitmentFieldErrorText(t, detail);
    if (key) errors[key] = errors[key] ? `${errors[key]}; ${text}` : text;
    else unplaced.push(`${fieldLabel(t, detail.field)}: ${text}`);
  }
  form.setErrors(errors);
  return unplaced;
}

/** The commitments of a framework as indented options, without `excluded` and its subtree. */
function parentOptions(
  nodes: TreeNode[],
  excluded: string | undefined,
  label: (node: TreeNode) => string,
) {
  const options: { value: string; label: string }[] = [];
  const walk = (items: TreeNode[], depth: number) => {
    for (const node of items) {
      if (node.id === excluded) continue;
      options.push({ value: node.id, label: `${'\u00a0\u00a0'.repeat(depth)}${label(node)}` });
      walk(node.children, depth + 1);
    }
  };
  walk(nodes, 0);
  return options;
}

interface FieldsProps {
  slug: string;
  form: CommitmentForm;
  /** Editing an existing commitment: its framework is fixed and it cannot be its own parent. */
  commitmentId?: string;
}

/** The inputs of the create and edit forms. */
export function CommitmentFormFields({ slug, form, commitmentId }: FieldsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const access = useMembership(slug);
  const frameworks = useQuery(frameworksQuery(slug));
  const { frameworkId, leadOrgId } = form.values;
  const framework = useQuery({ ...frameworkQuery(slug, frameworkId), enabled: frameworkId !== '' });
  const organizations = useQuery(organizationsQuery(slug));
  const members = useQuery(membersQuery(slug));
  const none = { value: '', label: t('commitmentForm.none') };

  // An EDITOR's organization stays involved: it leads, or it is co-responsible (locked).
  const ownOrgId = access.role === 'EDITOR' ? (access.organization?.id ?? null) : null;
  const ownOrgLocked = ownOrgId !== null && leadOrgId !== ownOrgId;

  const setLead = (value: string) => {
    form.setFieldValue('leadOrgId', value);
    let coOrgIds = form.values.coOrgIds.filter((id) => id !== value);
    if (ownOrgId && value !== ownOrgId && !coOrgIds.includes(ownOrgId)) {
      coOrgIds = [...coOrgIds, ownOrgId];
    }
    form.setFieldValue('coOrgIds', coOrgIds);
  };

  const frameworkLabel = frameworks.data?.items.find((item) => item.id === frameworkId);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {commitmentId ? (
          <div>
            <Text size="sm" fw={500}>
              {t('commitmentForm.framework')}
            </Text>
            <Text size="sm">
              {frameworkLabel
                ? `${frameworkLabel.code} — ${format.text(frameworkLabel.title)}`
                : '…'}
            </Text>
          </div>
        ) : (
          <NativeSelect
            label={t('commitmentForm.framework')}
            required
            {...form.getInputProps('frameworkId')}
            onChange={(event) => {
              form.setFieldValue('frameworkId', event.currentTarget.value);
              form.setFieldValue('parentId', '');
            }}
            data={[
              { value: '', label: t('commitmentForm.chooseFramework') },
              ...(frameworks.data?.items ?? []).map((item) => ({
                value: item.id,
                label: `${item.code} — ${format.text(item.title)}`,
              })),
            ]}
          />
        )}
        <NativeSelect
          label={t('commitmentForm.parent')}
          description={t('commitmentForm.parentHint')}
          disabled={frameworkId === ''}
          {...form.getInputProps('parentId')}
          data={[
            none,
            ...parentOptions(
              framework.data?.tree ?? [],
              commitmentId,
              (node) => `${node.reference} — ${format.text(node.title)}`,
            ),
          ]}
        />
        <TextInput
          label={t('commitmentForm.reference')}
          description={t('commitmentForm.referenceHint')}
          required
          maxLength={40}
          {...form.getInputProps('reference')}
        />
        <NumberInput
          label={t('commitmentForm.weight')}
          description={t('commitmentForm.weightHint')}
          required
          min={1}
          max={100}
          {...form.getInputProps('weight')}
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('commitmentForm.titleVi')}
          required
          lang="vi"
          {...form.getInputProps('titleVi')}
        />
        <TextInput
          label={t('commitmentForm.titleEn')}
          required
          lang="en"
          {...form.getInputProps('titleEn')}
        />
        <Textarea
          label={t('commitmentForm.descriptionVi')}
          lang="vi"
          autosize
          minRows={3}
          maxRows={12}
          {...form.getInputProps('descriptionVi')}
        />
        <Textarea
          label={t('commitmentForm.descriptionEn')}
          lang="en"
          autosize
          minRows={3}
          maxRows={12}
          {...form.getInputProps('descriptionEn')}
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <NativeSelect
          label={t('commitmentForm.theme')}
          {...form.getInputProps('theme')}
          onChange={(event) => form.setFieldValue('theme', event.currentTarget.value as Theme | '')}
          data={[none, ...THEMES.map((value) => ({ value, label: t(`theme.${value}`) }))]}
        />
        <NativeSelect
          label={t('commitmentForm.focalUser')}
          {...form.getInputProps('focalUserId')}
          data={[
            none,
            ...(members.data ?? [])
              .filter((member) => member.active || member.userId === form.values.focalUserId)
              .map((member) => ({
                value: member.userId,
                label: member.organization
                  ? `${member.displayName} (${member.organization.shortName})`
                  : member.displayName,
              })),
          ]}
        />
        <DateField
          label={t('commitmentForm.startDate')}
          {...form.getInputProps('startDate')}
          value={form.values.startDate}
        />
        <DateField
          label={t('commitmentForm.targetDate')}
          {...form.getInputProps('targetDate')}
          value={form.values.targetDate}
        />
      </SimpleGrid>

      <NativeSelect
        label={t('commitmentForm.leadOrg')}
        {...form.getInputProps('leadOrgId')}
        onChange={(event) => setLead(event.currentTarget.value)}
        data={[
          none,
          ...(organizations.data ?? []).map((org) => ({
            value: org.id,
            label: `${org.shortName} — ${format.text(org.name)}`,
          })),
        ]}
      />
      <Checkbox.Group
        label={t('commitmentForm.coOrgs')}
        description={ownOrgLocked ? t('commitmentForm.ownOrgKept') : undefined}
        {...form.getInputProps('coOrgIds')}
      >
        <Group gap="md" mt="xs">
          {(organizations.data ?? [])
            .filter((org) => org.id !== leadOrgId)
            .map((org) => (
              <Checkbox
                key={org.id}
                value={org.id}
                label={org.shortName}
                disabled={ownOrgLocked && org.id === ownOrgId}
              />
            ))}
        </Group>
      </Checkbox.Group>
      <Checkbox.Group
        label={t('commitmentForm.targetGroups')}
        {...form.getInputProps('targetGroups')}
        onChange={(value) => form.setFieldValue('targetGroups', value as TargetGroup[])}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={6} mt="xs">
          {TARGET_GROUPS.map((group) => (
            <Checkbox key={group} value={group} label={t(`targetGroup.${group}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </Stack>
  );
}
