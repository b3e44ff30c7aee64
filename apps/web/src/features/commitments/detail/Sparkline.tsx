interface SparklineProps {
  values: number[];
  /** The straight line from baseline to target, drawn dashed for comparison. */
  reference?: [number, number];
  label: string;
  width?: number;
  height?: number;
}

/** A tiny inline SVG line chart of measured values. */
export function Sparkline({ values, reference, label, width = 120, height = 32 }: SparklineProps) {
  if (values.length === 0) return null;
  const all = reference ? [...values, ...reference] : values;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const pad = 3;
  const x = (index: number, count: number) =>
    count <= 1 ? width / 2 : pad + (index * (width - 2 * pad)) / (count - 1);
  const y = (value: number) => height - pad - ((value - min) * (height - 2 * pad)) / span;
  const points = values.map((value, index) => `${x(index, values.length)},${y(value)}`).join(' ');
  const last = values[values.length - 1] ?? 0;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      {reference && (
        <line
          x1={pad}
          y1={y(reference[0])}
          x2={width - pad}
          y2={y(reference[1])}
          stroke="var(--mantine-color-gray-5)"
          strokeDasharray="3 3"
        />
      )}
      <polyline points={points} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={2} />
      <circle
        cx={x(values.length - 1, values.length)}
        cy={y(last)}
        r={2.5}
        fill="var(--mantine-color-blue-7)"
      />
    </svg>
  );
}
