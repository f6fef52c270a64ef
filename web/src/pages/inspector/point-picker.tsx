// The points of an inspection: the ones added so far as tabs (the open one is being checked), and
// a search over the city's points (name, grid code) to add the next.
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { InspectionPointCollection } from "../../api/types.ts";

type PointFeature = InspectionPointCollection["features"][number];

interface Props {
  points: readonly PointFeature[];
  picked: readonly number[];
  current: number | null;
  onOpen: (pointId: number) => void;
  onAdd: (pointId: number) => void;
  onRemove: (pointId: number) => void;
  /** How many items have a mark at each picked point. */
  markedAt: (pointId: number) => number;
}

/** A phone shows a handful; typing narrows the list. */
const maxShown = 12;

export function PointPicker(props: Props) {
  const { points, picked, current, onOpen, onAdd, onRemove, markedAt } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const byId = useMemo(() => new Map(points.map((point) => [point.id, point])), [points]);
  const text = search.trim().toLowerCase();
  const matches = useMemo(
    () =>
      text
        ? points.filter(({ id, properties: p }) => {
            if (picked.includes(id)) return false;
            return `${p.name} ${p.gridCode ?? ""}`.toLowerCase().includes(text);
          })
        : [],
    [points, picked, text],
  );

  return (
    <section className="inspect-section">
      <h3>{t("inspect.points")}</h3>
      {picked.length === 0 && <p className="muted">{t("inspect.noPoints")}</p>}
      <ul className="point-tabs">
        {picked.map((pointId) => (
          <li key={pointId} className={pointId === current ? "on" : undefined}>
            <button
              type="button"
              aria-pressed={pointId === current}
              onClick={() => onOpen(pointId)}
            >
              {byId.get(pointId)?.properties.name ?? pointId}
              <small>{t("inspect.marked", { count: markedAt(pointId) })}</small>
            </button>
            <button
              type="button"
              className="remove"
              aria-label={t("pick.remove", { name: byId.get(pointId)?.properties.name ?? "" })}
              onClick={() => onRemove(pointId)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        type="search"
        className="point-search"
        value={search}
        placeholder={t("inspect.searchPoints")}
        aria-label={t("inspect.searchPoints")}
        onChange={(event) => setSearch(event.target.value)}
      />
      {text && (
        <ul className="point-matches">
          {matches.slice(0, maxShown).map(({ id, properties: p }) => (
            <li key={id}>
              <button
                type="button"
                onClick={() => {
                  onAdd(id);
                  setSearch("");
                }}
              >
                <span>{p.name}</span>
                <small>
                  {t(`pointKind.${p.kind}`)}
                  {p.gridCode && ` · ${p.gridCode}`}
                </small>
              </button>
            </li>
          ))}
          {matches.length === 0 && <li className="muted">{t("pick.noMatch")}</li>}
          {matches.length > maxShown && (
            <li className="muted">{t("pick.more", { count: matches.length - maxShown })}</li>
          )}
        </ul>
      )}
    </section>
  );
}
