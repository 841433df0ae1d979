// Server-rendered SVG charts. Each is one image with a title and a description (role="img"),
// and every chart on a page has a table with the same numbers next to it: the table is the
// accessible version, the chart the quick glance.

type Segment = { key: string; label: string; className: string };

export const STATUS_SEGMENTS: Segment[] = [
  { key: "closed", label: "Afgesloten", className: "seg-closed" },
  { key: "onTime", label: "Open, binnen termijn", className: "seg-open" },
  { key: "overdue", label: "Open, achter op termijn", className: "seg-overdue" },
];

export function Legend({ segments }: { segments: Segment[] }) {
  return (
    <ul className="chart-legend">
      {segments.map((s) => (
        <li key={s.key}>
          <span className={`legend-swatch ${s.className}`} aria-hidden="true" />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** Vertical bars, one per month. */
export function MonthBars({ id, title, desc, data }: { id: string; title: string; desc: string; data: { label: string; value: number }[] }) {
  const width = 720;
  const height = 240;
  const m = { top: 24, right: 8, bottom: 44, left: 36 };
  const max = Math.max(1, ...data.map((d) => d.value));
  const step = (width - m.left - m.right) / Math.max(1, data.length);
  const barW = Math.max(6, step * 0.64);
  const y = (v: number) => m.top + (height - m.top - m.bottom) * (1 - v / max);
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  return (
    <div className="chart-scroll" role="region" aria-label={title} tabIndex={0}>
      <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={m.left} x2={width - m.right} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={m.left - 6} y={y(t) + 4} textAnchor="end" className="chart-axis">
              {t}
            </text>
          </g>
        ))}
        {data.map((d, i) => {
          const x = m.left + i * step + (step - barW) / 2;
          const [mon, year] = d.label.split(" ");
          return (
            <g key={d.label}>
              <rect x={x} y={y(d.value)} width={barW} height={Math.max(0, height - m.bottom - y(d.value))} className="seg-open" />
              {d.value > 0 ? (
                <text x={x + barW / 2} y={y(d.value) - 5} textAnchor="middle" className="chart-value">
                  {d.value}
                </text>
              ) : null}
              <text x={x + barW / 2} y={height - m.bottom + 16} textAnchor="middle" className="chart-axis">
                {mon}
              </text>
              <text x={x + barW / 2} y={height - m.bottom + 32} textAnchor="middle" className="chart-axis chart-axis-small">
                {year}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** Horizontal stacked bars: one row per keten/thema/wijk, segments closed / open / overdue. */
export function StackedBars({
  id,
  title,
  desc,
  rows,
  segments = STATUS_SEGMENTS,
}: {
  id: string;
  title: string;
  desc: string;
  rows: { label: string; values: number[] }[];
  segments?: Segment[];
}) {
  const width = 720;
  const rowH = 30;
  const m = { top: 8, right: 40, bottom: 8, left: 250 };
  const height = m.top + m.bottom + rows.length * rowH;
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const scale = (v: number) => ((width - m.left - m.right) * v) / max;
  return (
    <div className="chart-scroll" role="region" aria-label={title} tabIndex={0}>
      <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {rows.map((r, i) => {
          const yTop = m.top + i * rowH;
          let x = m.left;
          const total = r.values.reduce((a, b) => a + b, 0);
          return (
            <g key={r.label}>
              <text x={m.left - 8} y={yTop + rowH / 2 + 4} textAnchor="end" className="chart-label">
                {r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label}
              </text>
              {r.values.map((v, j) => {
                const w = scale(v);
                const rect = v > 0 ? <rect key={j} x={x} y={yTop + 5} width={w} height={rowH - 10} className={segments[j].className} /> : null;
                x += w;
                return rect;
              })}
              <text x={x + 6} y={yTop + rowH / 2 + 4} className="chart-value">
                {total}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
