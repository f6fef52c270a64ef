// Where the patrol area's map goes, and when it comes (issue 22: /my-area on a phone). The page
// shows its list first; the map (maplibre, its worker, turf, the GCJ-02 shift: all in the lazily
// loaded area-map chunk) is mounted only once it is wanted: when its place scrolls into view
// after the area is drawn, when the volunteer taps 显示地图, or at once while a report's place is
// being set. So the first view has no WebGL work and no map script to parse.
import { lazy, type RefObject, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LazyPart } from "../../components/page-error-boundary.tsx";
import type { AreaMapProps } from "./area-map.tsx";

const AreaMap = lazy(() => import("./area-map.tsx").then((m) => ({ default: m.AreaMap })));

interface Props extends AreaMapProps {
  /** Mount now (a report's place is being set), wherever the map is. */
  now: boolean;
  /**
   * The reads of the list above the map have answered (or failed): the list is drawn at its
   * height. Before that the map's place would pass through the screen while the list fills in
   * (the area before the week's patrols and my reports), and the map be made at once.
   */
  ready: boolean;
}

/** True once `element` comes within a screen's quarter of the viewport, watched once `watch`. */
function useSeen(element: RefObject<HTMLElement | null>, watch: boolean): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (seen || !watch || !target) return;
    if (!("IntersectionObserver" in window)) {
      setSeen(true); // an old browser: the map as before
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { rootMargin: "0px 0px 25% 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, watch, seen]);
  return seen;
}

export function AreaMapSlot({ now, ready, ...props }: Props) {
  const { t } = useTranslation();
  const slot = useRef<HTMLDivElement>(null);
  const [tapped, setTapped] = useState(false);
  const seen = useSeen(slot, ready);
  // once mounted the map stays (scrolling away and back does not make it again)
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    if (now || tapped || seen) setMounted(true);
  }, [now, tapped, seen]);
  // Nothing until the list is drawn (or a report needs the map): a box below a list still
  // filling in would be pushed down as it grows, a layout shift in the first view.
  if (!ready && !mounted && !now) return null;
  return (
    <div ref={slot} className={now ? "area-map-slot first" : "area-map-slot"}>
      {mounted ? (
        <LazyPart fallback={<div className="area-map" />}>
          <AreaMap {...props} />
        </LazyPart>
      ) : (
        <div className="area-map area-map-waiting">
          <button type="button" onClick={() => setTapped(true)}>
            {t("volunteer.showMap")}
          </button>
        </div>
      )}
    </div>
  );
}
