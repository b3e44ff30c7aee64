import type { CommitmentStatus, PositionKind } from '@spct/contracts';

/** How a series is painted: a texture over a base colour, so it reads without colour too. */
export interface SeriesStyle {
  /** The SVG paint: `url(#…)` of its pattern in <ChartPatterns />. */
  fill: string;
  /** The base colour (legends, heat map cells). */
  base: string;
  /** Text drawn over it. */
  ink: string;
  texture: Texture;
}

type Texture = 'solid' | 'dots' | 'diagonal' | 'crosshatch' | 'horizontal' | 'vertical';

const mantine = (name: string) => `var(--mantine-color-${name})`;

function style(id: string, base: string, ink: string, texture: Texture): SeriesStyle {
  return { fill: `url(#${id})`, base: mantine(base), ink, texture };
}

export const STATUS_STYLES: Record<CommitmentStatus, SeriesStyle> = {
  NOT_STARTED: style('dash-NOT_STARTED', 'gray-3', '#1a1b1e', 'dots'),
  ON_TRACK: style('dash-ON_TRACK', 'green-8', '#fff', 'solid'),
  AT_RISK: style('dash-AT_RISK', 'yellow-4', '#1a1b1e', 'diagonal'),
  OFF_TRACK: style('dash-OFF_TRACK', 'red-8', '#fff', 'crosshatch'),
  COMPLETED: style('dash-COMPLETED', 'blue-8', '#fff', 'horizontal'),
  DISCONTINUED: style('dash-DISCONTINUED', 'dark-3', '#fff', 'vertical'),
};

export const POSITION_STYLES: Record<PositionKind, SeriesStyle> = {
  AGREE: style('dash-AGREE', 'green-8', '#fff', 'solid'),
  RESERVATION: style('dash-RESERVATION', 'yellow-4', '#1a1b1e', 'diagonal'),
  DISAGREE: style('dash-DISAGREE', 'red-8', '#fff', 'crosshatch'),
};
