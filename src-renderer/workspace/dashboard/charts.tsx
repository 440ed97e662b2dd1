import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';

/**
 * The dashboard's two chart shapes, drawn with visx (docs/adr/0005-dashboard-charts.md): plain SVG
 * coloured by the theme's own variables, so both themes and the system contrast settings hold.
 * They are pictures of the table beside them, which carries the figures for assistive technology.
 */

export interface Bar1 {
  key: string;
  label: string;
  value: number;
  /** A CSS colour, by default the theme's primary. */
  color?: string;
}

const labelWidth = 190;
const rowHeight = 26;
const width = 520;

/** Horizontal bars, one per row: counts by status, subject, age, reason, outcome. */
export function BarsChart({ bars, format }: { bars: readonly Bar1[]; format: (n: number) => string }) {
  const height = bars.length * rowHeight + 24;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, width - labelWidth - 60], nice: true });
  const y = scaleBand<string>({
    domain: bars.map((b) => b.key),
    range: [0, bars.length * rowHeight],
    padding: 0.25,
  });
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="dash-chart" role="presentation">
      <Group left={labelWidth} top={4}>
        {bars.map((b) => {
          const top = y(b.key) ?? 0;
          const w = x(b.value);
          return (
            <g key={b.key}>
              <text
                x={-8}
                y={top + y.bandwidth() / 2}
                dy="0.35em"
                textAnchor="end"
                className="dash-chart__label"
              >
                {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
              </text>
              <Bar x={0} y={top} width={w} height={y.bandwidth()} rx={3} fill={b.color ?? 'var(--accent)'} />
              <text x={w + 6} y={top + y.bandwidth() / 2} dy="0.35em" className="dash-chart__value">
                {format(b.value)}
              </text>
            </g>
          );
        })}
      </Group>
    </svg>
  );
}

export interface WeekShares {
  week: string;
  /** Shares 0–1 by series key, null when nothing was decided that week. */
  shares: Record<string, number | null>;
}

export interface Series {
  key: string;
  label: string;
  color: string;
}

/** Grouped bars by week: the share answered in time, for each party. */
export function WeeklySharesChart({
  weeks,
  series,
  percent,
}: {
  weeks: readonly WeekShares[];
  series: readonly Series[];
  percent: (fraction: number) => string;
}) {
  const height = 220;
  // The axis labels end 12 units left of the axis; the widest is 100 % ("100 %" in French is
  // wider than "100%"), at about 8 units a character of the 12 px tick font.
  const margin = { top: 10, right: 10, bottom: 40, left: Math.max(44, 14 + 8 * percent(1).length) };
  const innerW = Math.max(width, weeks.length * 36) - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const x0 = scaleBand<string>({ domain: weeks.map((w) => w.week), range: [0, innerW], padding: 0.2 });
  const x1 = scaleBand<string>({
    domain: series.map((s) => s.key),
    range: [0, x0.bandwidth()],
    padding: 0.1,
  });
  const y = scaleLinear<number>({ domain: [0, 1], range: [innerH, 0] });
  return (
    <div>
      <svg
        viewBox={`0 0 ${innerW + margin.left + margin.right} ${height}`}
        className="dash-chart"
        role="presentation"
      >
        <Group left={margin.left} top={margin.top}>
          {weeks.map((w) => (
            <Group key={w.week} left={x0(w.week) ?? 0}>
              {series.map((s) => {
                const share = w.shares[s.key];
                if (share === null || share === undefined) return null;
                return (
                  <Bar
                    key={s.key}
                    x={x1(s.key) ?? 0}
                    y={y(share)}
                    width={x1.bandwidth()}
                    height={innerH - y(share)}
                    fill={s.color}
                  />
                );
              })}
            </Group>
          ))}
          <AxisLeft
            scale={y}
            numTicks={5}
            tickFormat={(v) => percent(Number(v))}
            stroke="var(--border)"
            tickStroke="var(--border)"
            tickLabelProps={{ className: 'dash-chart__tick', textAnchor: 'end', dx: -4, dy: '0.3em' }}
          />
          <AxisBottom
            top={innerH}
            scale={x0}
            tickFormat={(w) => w.replace(/^\d{4}-/, '')}
            stroke="var(--border)"
            tickStroke="var(--border)"
            tickLabelProps={{ className: 'dash-chart__tick', textAnchor: 'middle' }}
          />
        </Group>
      </svg>
      <ul className="dash-legend">
        {series.map((s) => (
          <li key={s.key}>
            <span className="dash-legend__swatch" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
