import { Anchor, Text } from '@mantine/core';
import type { Evidence } from '../../api/types';

/**
 * An evidence item's title as a link: a file downloads under its own name (the API serves it as
 * an attachment), a web link opens in a new tab, anything else is plain text.
 */
export function EvidenceLink({ item }: { item: Evidence }) {
  if (item.kind === 'FILE' && item.downloadUrl) {
    return (
      <Anchor href={item.downloadUrl} download={item.fileName ?? true}>
        {item.title}
      </Anchor>
    );
  }
  if (item.url) {
    return (
      <Anchor href={item.url} target="_blank" rel="noreferrer noopener">
        {item.title}
      </Anchor>
    );
  }
  return <Text span>{item.title}</Text>;
}
