// A weekly trend as a small SVG chart: points lost as bars, found / closed / open / overdue as
// lines. Hand-written: four lines and some bars do not need a chart library's weight.
import { useTranslation } from "react-i18next";
import type { TrendWeek } from "../../api/analytics.ts";

export const trendLines = [
  { key: "found", colour: "#f76707" },
  { key: "closed", colour: "#2f9e44" },
  { key: "open", colour: "#1c7ed6" },
  { key: "overdue", colour: "#e03131" },
] as const;

const barColour = "#ced4da";

interface Props {
  title: string;
  weeks: TrendWeek[];
  width?: number;
  height?: number;
}

export function TrendChart({ title, weeks, width = 560, height = 220 }: Props) {
  const { t } = useTranslation();
  const pad = { left: 36, right: 40, top: 28, bottom: 34 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const maxCount = niceMax(Math.max(1, ...weeks.flatMap((w) => trendLines.map((l) => w[l.key]))));
  const maxLost = niceMax(Math.max(1, ...weeks.map((w) => w.pointsLost)));
  const step = plotW / Math.max(1, weeks.length);
  const x = (i: number) => pad.left + step * (i + 0.5);
  const y = (v: number, max: number) => pad.top + plotH - (v / max) * plotH;
  return (
    <svg
      className="trend-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={title}
      xmlns="http://www.w3.org/2000/svg"
      fontFamily="sans-serif"
    >
      <rect width={width} height={height} fill="#ffffff" />
      <text x={pad.left} y={16} fontSize={13} fontWeight="bold" fill="#12355b">
        {title}
      </text>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line
            x1={pad.left}
            x2={width - pad.right}
            y1={y(f * maxCount, maxCount)}
            y2={y(f * maxCount, maxCount)}
            stroke="#e9ecef"
          />
          <text
            x={pad.left - 4}
            y={y(f * maxCount, maxCount) + 4}
            fontSize={10}
            textAnchor="end"
            fill="#495057"
          >
            {Math.round(f * maxCount)}
          </text>
          <text
            x={width - pad.right + 4}
            y={y(f * maxLost, maxLost) + 4}
            fontSize={10}
            fill="#868e96"
          >
            {Math.round(f * maxLost * 10) / 10}
          </text>
        </g>
      ))}
      {weeks.map((w, i) => (
        <rect
          key={w.week}
          x={x(i) - step * 0.3}
          width={step * 0.6}
          y={y(w.pointsLost, maxLost)}
          height={pad.top + plotH - y(w.pointsLost, maxLost)}
          fill={barColour}
        >
          <title>{`${w.week} ${t("leader.trend.pointsLost")} ${w.pointsLost}`}</title>
        </rect>
      ))}
      {trendLines.map((line) => (
        <polyline
          key={line.key}
          fill="none"
          stroke={line.colour}
          strokeWidth={2}
          points={weeks.map((w, i) => `${x(i)},${y(w[line.key], maxCount)}`).join(" ")}
        />
      ))}
      {weeks.map((w, i) =>
        i % Math.ceil(weeks.length / 8) === 0 ? (
          <text
            key={w.week}
            x={x(i)}
            y={height - pad.bottom + 14}
            fontSize={10}
            textAnchor="middle"
            fill="#495057"
          >
            {w.week.slice(5)}
          </text>
        ) : null,
      )}
      <g transform={`translate(${pad.left}, ${height - 8})`}>
        {[
          ...trendLines.map((l) => ({ key: l.key, colour: l.colour })),
          { key: "pointsLost", colour: barColour },
        ].map((item, i) => (
          <g key={item.key} transform={`translate(${i * (plotW / 5)}, 0)`}>
            <rect y={-9} width={10} height={10} fill={item.colour} />
            <text x={14} fontSize={11} fill="#212529">
              {t(`leader.trend.${item.key}`)}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

/** A round axis top: 1, 2, 5 × 10ⁿ at or above the largest value. */
export function niceMax(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((f) => f * power >= value) ?? 10) * power;
}
