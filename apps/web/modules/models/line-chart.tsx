import styles from './models.module.css';

/** One line of a chart. */
export interface Series {
  name: string;
  color: string;
  points: { x: number; y: number }[];
  dashed?: boolean;
}

const WIDE = 520;
const HEIGHT = 200;
const SQUARE = 340;
const PAD = { left: 44, right: 12, top: 10, bottom: 26 };

function ticks(min: number, max: number, count: number): number[] {
  if (max <= min) return [min];
  return Array.from({ length: count + 1 }, (_, i) => min + ((max - min) * i) / count);
}

/** Whole-number ticks (epochs): about six, on a round step. */
function integerTicks(min: number, max: number): number[] {
  const step = Math.max(1, Math.ceil((max - min) / 6));
  const out: number[] = [];
  for (let t = Math.ceil(min); t <= max; t += step) out.push(t);
  return out;
}

/** As many decimals as the axis' span needs to tell its ticks apart. */
function tickLabel(value: number, span: number): string {
  const decimals = span < 0.5 ? 3 : span < 5 ? 2 : span < 50 ? 1 : 0;
  return value.toFixed(decimals);
}

/** A small dependency-free SVG line chart: one x axis, one y axis, a few series. */
export function LineChart({
  series,
  xMax,
  yRange,
  title,
  xLabel = 'epoch',
  square = false,
  testId,
}: {
  series: Series[];
  /** The x axis runs from its first point to at least xMax (the planned epochs). */
  xMax?: number;
  /** Fixed y range, e.g. [0, 1] for accuracy; default: fitted to the data. */
  yRange?: [number, number];
  title: string;
  /** 'epoch' gets whole-number ticks. */
  xLabel?: string;
  /** A square plot at most 360 px wide (ROC curves). */
  square?: boolean;
  testId?: string;
}) {
  const W = square ? SQUARE : WIDE;
  const H = square ? SQUARE : HEIGHT;
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const x0 = Math.min(0, ...xs);
  const x1 = Math.max(xMax ?? 1, ...xs, x0 + 1);
  const [y0, y1] =
    yRange ?? (ys.length ? [Math.min(...ys) * 0.95, Math.max(...ys) * 1.05 || 1] : [0, 1]);
  const sx = (x: number) => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (y: number) =>
    H - PAD.bottom - ((y - y0) / (y1 - y0 || 1)) * (H - PAD.top - PAD.bottom);
  const xTicks = xLabel === 'epoch' ? integerTicks(x0, x1) : ticks(x0, x1, 4);
  return (
    <figure
      className={square ? `${styles.chart} ${styles.square}` : styles.chart}
      data-testid={testId}
      data-points={all.length}
    >
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <title>{title}</title>
        {ticks(y0, y1, 4).map((t) => (
          <g key={`y${t}`}>
            <line x1={PAD.left} x2={W - PAD.right} y1={sy(t)} y2={sy(t)} className="chart__grid" />
            <text x={PAD.left - 6} y={sy(t) + 4} textAnchor="end" className="chart__tick">
              {tickLabel(t, y1 - y0)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} x={sx(t)} y={H - 8} textAnchor="middle" className="chart__tick">
            {xLabel === 'epoch' ? t : tickLabel(t, x1 - x0)}
          </text>
        ))}
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
        <span>x: {xLabel}</span>
        {series.map((s) => (
          <span key={s.name}>
            <i style={{ background: s.color }} aria-hidden="true" /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
