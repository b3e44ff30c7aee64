import { useState } from 'react';
import { ActionIcon, Badge, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { frameworkRoute } from '../../router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/usePageTitle';
import type { TreeNode } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { EmptyState, QueryState } from '../layout/states';
import { RouterAnchor } from '../layout/RouterAnchor';
import { OverdueBadge, ProgressBar, TrackedStatusBadge } from '../commitments/badges';
import { frameworkQuery } from './queries';
import classes from './FrameworkTree.module.css';

function parentIds(nodes: TreeNode[]): string[] {
  return nodes.flatMap((node) =>
    node.children.length > 0 ? [node.id, ...parentIds(node.children)] : [],
  );
}

export function FrameworkTreePage() {
  const { slug, frameworkId } = frameworkRoute.useParams();
  const query = useQuery(frameworkQuery(slug, frameworkId));
  const format = useFormat();
  const { t } = useTranslation();
  usePageTitle(query.data ? `${query.data.code} — ${format.text(query.data.title)}` : undefined);
  return (
    <QueryState query={query}>
      {(framework) => (
        <Stack gap="md">
          <div>
            <Badge variant="outline" size="lg">
              {framework.code}
            </Badge>
            <Title order={1} mt="xs">
              {format.text(framework.title)}
            </Title>
            {framework.description && (
              <Text c="dimmed" mt="xs">
                {format.text(framework.description)}
              </Text>
            )}
          </div>
          <Group gap="xl">
            <div>
              <Text size="sm" fw={500}>
                {t('frameworks.weightedProgress')}
              </Text>
              <ProgressBar value={framework.progress} name={framework.code} width={240} />
            </div>
            <Text size="sm" c="dimmed">
              {t('frameworks.commitmentCount', { count: framework.commitmentCount })}
            </Text>
          </Group>
          <Title order={2} size="h3">
            {t('tree.title')}
          </Title>
          {framework.tree.length === 0 ? (
            <EmptyState message={t('tree.empty')} />
          ) : (
            <CommitmentTree slug={slug} nodes={framework.tree} />
          )}
        </Stack>
      )}
    </QueryState>
  );
}

function CommitmentTree({ slug, nodes }: { slug: string; nodes: TreeNode[] }) {
  const { t } = useTranslation();
  // Top-level sections start open, deeper levels closed.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(nodes.filter((node) => node.children.length > 0).map((node) => node.id)),
  );
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={() => setExpanded(new Set(parentIds(nodes)))}>
          {t('tree.expandAll')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setExpanded(new Set())}>
          {t('tree.collapseAll')}
        </Button>
      </Group>
      <ul className={classes.tree}>
        {nodes.map((node) => (
          <TreeRow
            key={node.id}
            slug={slug}
            node={node}
            depth={0}
            expanded={expanded}
            onToggle={toggle}
          />
        ))}
      </ul>
    </Stack>
  );
}

interface TreeRowProps {
  slug: string;
  node: TreeNode;
  depth: number;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

function TreeRow({ slug, node, depth, expanded, onToggle }: TreeRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const hasChildren = node.children.length > 0;
  const open = expanded.has(node.id);
  const childrenId = `tree-children-${node.id}`;
  return (
    <li>
      <Box className={classes.row} style={{ paddingInlineStart: depth * 24 }}>
        <Box w={28}>
          {hasChildren && (
            <ActionIcon
              variant="subtle"
              size="sm"
              onClick={() => onToggle(node.id)}
              aria-expanded={open}
              aria-controls={childrenId}
              aria-label={t(open ? 'tree.collapse' : 'tree.expand', { reference: node.reference })}
            >
              <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            </ActionIcon>
          )}
        </Box>
        <Text fw={600} className={classes.reference}>
          {node.reference}
        </Text>
        <RouterAnchor
          to="/w/$slug/commitments/$commitmentId"
          params={{ slug, commitmentId: node.id }}
          className={classes.title}
        >
          {format.text(node.title)}
        </RouterAnchor>
        <Group gap="xs" wrap="nowrap" className={classes.meta}>
          {node.overdue && <OverdueBadge />}
          <TrackedStatusBadge status={node.trackedStatus} parent={hasChildren} />
          <ProgressBar value={node.progress} name={node.reference} width={120} />
        </Group>
      </Box>
      {hasChildren && open && (
        <ul id={childrenId} className={classes.tree}>
          {node.children.map((child) => (
            <TreeRow
              key={child.id}
              slug={slug}
              node={child}
              depth={depth + 1}
              expanded={expanded}
              onToggle={onToggle}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
