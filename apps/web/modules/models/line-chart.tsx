import styles from './models.module.css';

/** A small dependency-free SVG line chart: one x axis, one y axis, a few series. */
export interface Series {
  name: string;
  color: string;
  points: { x: number; y: number }[];
  dashed?: boolean;
}

const W = 520;
const H = 200;
const PAD = { left: 44, right: 12, top: 10, bottom: 26 };

function ticks(min: number, max: number, count: number): number[] {
  if (max <= min) return [min];
  return Array.from({ length: count + 1 }, (_, i) => min + ((max - min) * i) / count);
}

const label = (value: number) =>
  Math.abs(value) >= 100
    ? value.toFixed(0)
    : Math.abs(value) >= 1
      ? value.toFixed(1)
      : value.toFixed(2);

export function LineChart({
  series,
  xMax,
  yRange,
  title,
  xLabel = 'epoch',
  testId,
}: {
  series: Series[];
  /** The x axis runs from its first point to at least xMax (the planned epochs). */
  xMax?: number;
  /** Fixed y range, e.g. [0, 1] for accuracy; default: fitted to the data. */
  yRange?: [number, number];
  title: string;
  xLabel?: string;
  testId?: string;
}) {
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const x0 = Math.min(0, ...xs);
  const x1 = Math.max(xMax ?? 1, ...xs, x0 + 1);
  const [y0, y1] = yRange ?? [
    Math.min(...ys, Number.POSITIVE_INFINITY) === Number.POSITIVE_INFINITY
      ? 0
      : Math.min(...ys) * 0.95,
    ys.length ? Math.max(...ys) * 1.05 || 1 : 1,
  ];
  const sx = (x: number) => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (y: number) =>
    H - PAD.bottom - ((y - y0) / (y1 - y0 || 1)) * (H - PAD.top - PAD.bottom);
  return (
    <figure className={styles.chart} data-testid={testId} data-points={all.length}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <title>{title}</title>
        {ticks(y0, y1, 4).map((t) => (
          <g key={`y${t}`}>
            <line x1={PAD.left} x2={W - PAD.right} y1={sy(t)} y2={sy(t)} className="chart__grid" />
            <text x={PAD.left - 6} y={sy(t) + 4} textAnchor="end" className="chart__tick">
              {label(t)}
            </text>
          </g>
        ))}
        {ticks(x0, x1, Math.min(6, Math.max(1, Math.round(x1 - x0)))).map((t) => (
          <text key={`x${t}`} x={sx(t)} y={H - 8} textAnchor="middle" className="chart__tick">
            {Number.isInteger(t) ? t : t.toFixed(1)}
          </text>
        ))}
        <text
          x={W - PAD.right}
          y={H - 8}
          textAnchor="end"
          className="chart__tick chart__axis-label"
        >
          {xLabel}
        </text>
        {series.map((s) =>
          s.points.length ? (
            <g key={s.name}>
              <polyline
                fill="none"
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? '5 4' : undefined}
                points={s.points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')}
              />
              {s.points.length === 1 &&
                s.points.map((p) => (
                  <circle key={p.x} cx={sx(p.x)} cy={sy(p.y)} r={3} fill={s.color} />
                ))}
            </g>
          ) : null,
        )}
      </svg>
      <figcaption className={styles.legend}>
        {series.map((s) => (
          <span key={s.name}>
            <i style={{ background: s.color }} aria-hidden="true" /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
