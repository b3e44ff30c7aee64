import { createContext, useContext, useEffect, useRef, type MouseEvent } from 'react';
import { useElementSize, useMergedRef } from '@mantine/hooks';
import { useRouter } from '@tanstack/react-router';
import type { CommitmentFilters } from '../commitments/search';
import { drillDown, type DashboardFilters } from './search';
import { POSITION_STYLES, STATUS_STYLES, type SeriesStyle } from './styles';
import classes from './Dashboard.module.css';

/** What every number of the dashboard links from: its workspace and its filters. */
export const DrillDownContext = createContext<{ slug: string; filters: DashboardFilters }>({
  slug: '',
  filters: {},
});

/** The commitments list behind a number: its link props, for an HTML or an SVG anchor. */
export function useListLink() {
  const router = useRouter();
  const { slug, filters } = useContext(DrillDownContext);
  return (dimension: CommitmentFilters = {}) => {
    const target = {
      to: '/w/$slug/commitments' as const,
      params: { slug },
      search: drillDown(filters, dimension),
    };
    return {
      href: router.buildLocation(target).href,
      // A plain click stays in the app; a click with a modifier opens a tab as links do.
      onClick: (event: MouseEvent) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
          return;
        event.preventDefault();
        void router.navigate(target);
      },
    };
  };
}
export type ListLink = ReturnType<ReturnType<typeof useListLink>>;

/** Legends list the series in the chart's order (statuses from "not started" to "discontinued"). */
export const LEGEND = { itemSorter: null, wrapperStyle: { fontSize: 13 } } as const;

/**
 * The chart's width follows its container (a fixed guess until the first measure). React
 * listens for focus on the <g> Recharts portals into, and Chromium then puts such a <g> in the
 * tab order: an empty stop before the bars, taken out again after each render.
 */
export function useChartWidth() {
  const { ref: measure, width } = useElementSize<HTMLDivElement>();
  const box = useRef<HTMLDivElement | null>(null);
  const ref = useMergedRef(measure, box);
  useEffect(() => {
    box.current
      ?.querySelectorAll('g[class*="recharts-zIndex-layer"]')
      .forEach((layer) => layer.setAttribute('tabindex', '-1'));
  });
  return { ref, width: width > 0 ? Math.floor(width) : 640 };
}

const TEXTURES: Record<SeriesStyle['texture'], (ink: string) => React.ReactNode> = {
  solid: () => null,
  dots: (ink) => <circle cx={4} cy={4} r={1.4} fill={ink} opacity={0.45} />,
  diagonal: (ink) => (
    <path d="M-2 2L2-2M0 8L8 0M6 10L10 6" stroke={ink} strokeWidth={1.6} opacity={0.45} />
  ),
  crosshatch: (ink) => <path d="M0 0L8 8M8 0L0 8" stroke={ink} strokeWidth={1.2} opacity={0.5} />,
  horizontal: (ink) => <path d="M0 4H8" stroke={ink} strokeWidth={1.4} opacity={0.45} />,
  vertical: (ink) => <path d="M4 0V8" stroke={ink} strokeWidth={1.4} opacity={0.45} />,
};

/**
 * The textures of every status and position, defined once in the page: bars, legends and
 * swatches paint with `url(#dash-…)`. Not `display: none`, or browsers would not paint them.
 */
export function ChartPatterns() {
  const all = { ...STATUS_STYLES, ...POSITION_STYLES };
  return (
    <svg width={0} height={0} aria-hidden="true" focusable="false" className={classes.patterns}>
      <defs>
        {Object.values(all).map((series) => (
          <pattern
            key={series.fill}
            id={series.fill.slice(5, -1)}
            width={8}
            height={8}
            patternUnits="userSpaceOnUse"
          >
            <rect width={8} height={8} fill={series.base} />
            {TEXTURES[series.texture](series.ink)}
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/** A small square of a series' paint, for legends and table headers. */
export function Swatch({ series, size = 14 }: { series: SeriesStyle; size?: number }) {
  return (
    <svg width={size} height={size} aria-hidden="true" focusable="false" className={classes.swatch}>
      <rect width={size} height={size} fill={series.fill} stroke="var(--mantine-color-gray-6)" />
    </svg>
  );
}

interface LinkedBarProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  series: SeriesStyle;
  /** The count drawn inside the bar when it fits (or above it: `countAbove`). */
  count: number;
  countLabel: string;
  countAbove?: boolean;
  /** The accessible name and tooltip: what the bar counts. */
  label: string;
  /** Where it leads; none for figures the list cannot show (the past). */
  link?: ListLink;
}

/** One bar or segment of a bar chart: a keyboard-reachable link to the items it counts. */
export function LinkedBar({
  x = 0,
  y = 0,
  width = 0,
  height = 0,
  series,
  count,
  countLabel,
  label,
  link,
  countAbove = false,
}: LinkedBarProps) {
  if (!(width > 0 && height > 0) || count === 0) return null;
  const fits = countAbove || (width >= countLabel.length * 7 + 6 && height >= 14);
  const body = (
    <>
      <title>{label}</title>
      <rect x={x} y={y} width={width} height={height} fill={series.fill} />
      {fits && (
        <text
          x={x + width / 2}
          y={countAbove ? y - 8 : y + height / 2}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={12}
          fontWeight={700}
          fill={countAbove ? 'var(--mantine-color-text)' : series.ink}
          stroke={countAbove ? 'none' : series.base}
          strokeWidth={3}
          paintOrder="stroke"
          aria-hidden="true"
        >
          {countLabel}
        </text>
      )}
    </>
  );
  if (!link) {
    return (
      <g role="img" aria-label={label}>
        {body}
      </g>
    );
  }
  return (
    <a href={link.href} onClick={link.onClick} aria-label={label} className={classes.barLink}>
      {body}
    </a>
  );
}

interface TickProps {
  x?: number;
  y?: number;
  payload?: { value: string };
  width: number;
  anchor?: 'end' | 'middle';
  slant?: boolean;
}

/** Whether labels under bars `width` wide need slanting: one of their words would not fit. */
export function needsSlant(labels: string[], width: number): boolean {
  const perLine = charsPerLine(width);
  return labels.some((label) => label.split(/\s+/).some((word) => word.length > perLine));
}

const charsPerLine = (width: number) => Math.max(6, Math.floor(width / 7));

/**
 * An axis label on a few lines (two beside a bar, three under one), cut with "…" beyond; or
 * slanted on one line where the bars are too narrow for its words.
 */
export function WrappedTick({ x = 0, y = 0, payload, width, anchor = 'end', slant }: TickProps) {
  const text = payload?.value ?? '';
  if (slant) {
    return (
      <text
        x={x}
        y={y + 10}
        textAnchor="end"
        fontSize={12}
        fill="var(--mantine-color-text)"
        transform={`rotate(-35 ${x} ${y + 10})`}
      >
        {text}
      </text>
    );
  }
  const lines = wrap(text, charsPerLine(width), anchor === 'end' ? 2 : 3);
  const dy = anchor === 'end' ? -(lines.length - 1) * 7 : 12;
  return (
    <text x={x} y={y + dy} textAnchor={anchor} fontSize={12} fill="var(--mantine-color-text)">
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? 4 : 14}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function wrap(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= perLine || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, perLine - 1)}…`;
  return kept;
}
