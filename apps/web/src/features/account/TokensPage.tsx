import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/usePageTitle';
import { fieldErrors } from '../../api/client';
import type { ApiToken, CreatedApiToken } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { EmptyState, QueryState } from '../layout/states';
import { tokensQuery, useCreateToken, useRevokeToken } from './queries';

const EXPIRY_CHOICES = ['30', '90', '365', 'never'] as const;

/** `/account/tokens`: personal API tokens for integrations. */
export function TokensPage() {
  const { t } = useTranslation();
  const query = useQuery(tokensQuery());
  usePageTitle(t('account.tokens.title'));
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('account.tokens.title')}</Title>
      <Text c="dimmed">{t('account.tokens.intro')}</Text>
      <CreateTokenForm onCreated={setCreated} />
      {created && <NewTokenNotice token={created} onDismiss={() => setCreated(null)} />}
      <QueryState query={query}>
        {(tokens) =>
          tokens.length === 0 ? (
            <EmptyState message={t('account.tokens.empty')} />
          ) : (
            <TokensTable tokens={tokens} onRevoke={setRevoking} />
          )
        }
      </QueryState>
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<(typeof EXPIRY_CHOICES)[number]>('90');
  const errors = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        name: name.trim(),
        ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }),
      },
      {
        onSuccess: (token) => {
          setName('');
          onCreated(token);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="create-token-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="create-token-title">
          {t('account.tokens.create')}
        </Title>
        {create.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" variant="light" role="alert">
            {create.error.message}
          </Alert>
        )}
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('account.tokens.name')}
            placeholder={t('account.tokens.namePlaceholder')}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            miw={260}
          />
          <NativeSelect
            label={t('account.tokens.expiry')}
            value={expiry}
            onChange={(event) =>
              setExpiry(event.currentTarget.value as (typeof EXPIRY_CHOICES)[number])
            }
            error={errors.expiresInDays}
            data={EXPIRY_CHOICES.map((choice) => ({
              value: choice,
              label:
                choice === 'never'
                  ? t('account.tokens.never')
                  : t('account.tokens.days', { count: Number(choice) }),
            }))}
          />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            {t('account.tokens.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function NewTokenNotice({ token, onDismiss }: { token: CreatedApiToken; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      variant="light"
      role="status"
      title={t('account.tokens.createdTitle', { name: token.name })}
    >
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('account.tokens.copyWarning')}
        </Text>
        <Code block data-testid="new-token">
          {token.token}
        </Code>
        <Group>
          <CopyButton value={token.token}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? 'teal' : 'blue'} onClick={copy}>
                {copied ? t('common.copied') : t('account.tokens.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDismiss}>
            {t('account.tokens.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function tokenState(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

function TokensTable({
  tokens,
  onRevoke,
}: {
  tokens: ApiToken[];
  onRevoke: (token: ApiToken) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Caption>{t('account.tokens.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('account.tokens.name')}</Table.Th>
            <Table.Th>{t('account.tokens.prefix')}</Table.Th>
            <Table.Th>{t('account.tokens.createdAt')}</Table.Th>
            <Table.Th>{t('account.tokens.lastUsedAt')}</Table.Th>
            <Table.Th>{t('account.tokens.expiresAt')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => {
            const state = tokenState(token);
            return (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>{format.date(token.createdAt)}</Table.Td>
                <Table.Td>
                  {format.date(token.lastUsedAt) || t('account.tokens.neverUsed')}
                </Table.Td>
                <Table.Td>{format.date(token.expiresAt) || t('account.tokens.never')}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={state === 'active' ? 'green' : state === 'revoked' ? 'red' : 'gray'}
                  >
                    {t(`account.tokens.state.${state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {state !== 'revoked' && (
                    <Button
                      size="xs"
                      variant="outline"
                      color="red"
                      onClick={() => onRevoke(token)}
                      aria-label={t('account.tokens.revokeNamed', { name: token.name })}
                    >
                      {t('account.tokens.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RevokeTokenDialog({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  return (
    <Modal opened={token !== null} onClose={onClose} title={t('account.tokens.revokeTitle')}>
      {token && (
        <Stack gap="md">
          <Text>{t('account.tokens.revokeConfirm', { name: token.name })}</Text>
          {revoke.isError && (
            <Alert color="red" variant="light" role="alert">
              {revoke.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => revoke.mutate(token.id, { onSuccess: onClose })}
            >
              {t('account.tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
