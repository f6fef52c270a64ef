// The search box on every map (issue 22): CivGrid's communities, grids, units, points and
// problems the user may see, and an address when a Tianditu key is set; grouped by kind, chosen
// with the mouse or the keyboard (an ARIA 1.2 combobox), and the map flies to the choice.
import { numberIn, type SearchHit, type SearchKind, searchKinds } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import type { FitBoundsOptions, Map as MapLibreMap } from "maplibre-gl";
import { type KeyboardEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type SearchAudience, searchQuery } from "../../api/search.ts";
import type { BasemapCrs } from "../../map/basemap-crs.ts";
import { useDebounced } from "../../use-debounced.ts";
import { flyToHit } from "./fly-to-hit.ts";

const groupOrder: readonly SearchKind[] = [...searchKinds, "address"];
/** A number typed is most often a problem's (the pages write them #123): its group leads. */
const numberOrder: readonly SearchKind[] = [
  "problem",
  ...groupOrder.filter((kind) => kind !== "problem"),
];

export interface MapSearchProps {
  /** The map to steer; a choice made before it is there is shown once it is. */
  map: MapLibreMap | null;
  /** Whose places are searched: a signed-in user's (the default) or the public's (/report). */
  audience?: SearchAudience;
  /** Shown before the map is there (a page whose map opens on demand); hidden until then if not. */
  beforeMap?: boolean;
  crs?: BasemapCrs;
  /** After the map has flown there: the page opens the match's details where it has them. */
  onChoose?: (hit: SearchHit) => void;
  /**
   * overlay: beside a full-page map's layer list; corner: over a map with nothing else on it;
   * inline: in a column of tools or the page's flow above a smaller map.
   */
  placement?: "overlay" | "corner" | "inline";
  /** Room kept around an area the map fits (the page's overlays); 24 px when absent. */
  padding?: FitBoundsOptions["padding"];
}

export function MapSearch({
  map,
  audience = "staff",
  crs = "wgs84",
  onChoose,
  placement = "overlay",
  padding = 24,
}: MapSearchProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const settled = useDebounced(text.trim(), 250);
  const answer = useQuery(searchQuery(settled, audience));
  const [pending, setPending] = useState<SearchHit | null>(null);
  const results = settled ? (answer.data?.results ?? []) : [];
  // the options in the order they are shown, so the arrow keys walk them group by group
  const groups = (numberIn(settled) === null ? groupOrder : numberOrder)
    .map((kind) => ({ kind, hits: results.filter((hit) => hit.kind === kind) }))
    .filter((group) => group.hits.length > 0);
  const shown = groups.flatMap((group) => group.hits);
  const optionId = (index: number) => `${id}-option-${index}`;
  const expanded = open && settled.length > 0;

  useEffect(() => {
    if (!map || !pending) return;
    flyToHit(map, pending, crs, padding);
    setPending(null);
  }, [map, pending, crs, padding]);

  useEffect(() => {
    if (active >= 0)
      document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  });

  const choose = (hit: SearchHit) => {
    setOpen(false);
    setActive(-1);
    setText(hit.label);
    if (map) flyToHit(map, hit, crs, padding);
    else setPending(hit);
    onChoose?.(hit);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (!shown.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      const count = shown.length;
      setActive((index) => (step > 0 ? (index + 1) % count : index <= 0 ? count - 1 : index - 1));
    } else if (event.key === "Enter") {
      const hit = shown[active] ?? (shown.length === 1 ? shown[0] : undefined);
      if (hit) {
        event.preventDefault();
        choose(hit);
      }
    } else if (event.key === "Escape") {
      if (expanded) setOpen(false);
      else setText("");
      setActive(-1);
    }
  };

  let status = "";
  if (expanded && answer.isFetching && !answer.data) status = t("search.searching");
  else if (expanded && answer.error) status = answer.error.message;
  else if (expanded && answer.data && !shown.length) status = t("search.none");
  let index = -1;

  return (
    <div className={`map-search map-box map-search-${placement}`}>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t("search.label")}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded && shown.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 && shown[active] ? optionId(active) : undefined}
        placeholder={t(audience === "public" ? "search.publicPlaceholder" : "search.placeholder")}
        autoComplete="off"
        maxLength={100}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label={t("search.results")}
        hidden={!expanded || !shown.length}
      >
        {groups.map((group) => (
          // biome-ignore lint/a11y/useSemanticElements: a listbox holds groups and options only (ARIA), no fieldset
          <div key={group.kind} role="group" aria-labelledby={`${id}-${group.kind}`}>
            <div id={`${id}-${group.kind}`} className="map-search-group" role="presentation">
              {t(`search.kind.${group.kind}`)}
            </div>
            {group.hits.map((hit) => {
              index += 1;
              const at = index;
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input keeps the focus and takes the keys (aria-activedescendant)
                <div
                  key={`${hit.kind}-${hit.id}-${hit.label}`}
                  tabIndex={-1}
                  id={optionId(at)}
                  role="option"
                  aria-selected={at === active}
                  className="map-search-option"
                  // a mouse press would blur the input and close the list before the click
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(hit)}
                >
                  <span>{hit.label}</span>
                  {hit.detail && <small className="muted">{hit.detail}</small>}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <p className="map-search-status muted" role="status" aria-live="polite">
        {status}
        {expanded && answer.data?.geocoder === "failed" ? ` ${t("search.geocoderFailed")}` : ""}
      </p>
    </div>
  );
}
