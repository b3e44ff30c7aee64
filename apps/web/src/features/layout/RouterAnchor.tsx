import type { ComponentPropsWithRef } from 'react';
import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';

type MantineAnchorProps = AnchorProps & ComponentPropsWithRef<'a'>;

function MantineAnchor(props: MantineAnchorProps) {
  return <Anchor {...props} />;
}

const CreatedAnchor = createLink(MantineAnchor);

/** A Mantine Anchor that navigates with the router (typed `to`, `params`, `search`). */
export const RouterAnchor: LinkComponent<typeof MantineAnchor> = (props) => (
  <CreatedAnchor preload="intent" {...props} />
);
