// Where the problem is: a tap on the map, the phone's own position, or a place searched for (a
// community, grid, unit or address); a marker shows the choice.
import type { SearchHit } from "@civgrid/geo";
import type { Marker } from "maplibre-gl";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MapSearchLoader } from "../../components/map-search/map-search-loader.tsx";
import { locationProblem } from "../../location-problem.ts";
import type { MapOptions } from "../../map/map.ts";
import { useMapInstance } from "../../map/use-map-instance.ts";

/** [lon, lat] in WGS84, as the browser's geolocation and the map both give it. */
export type Place = [number, number];

/** No data layers: a citizen sees the basemap (if the city set one) and their marker. */
const options: MapOptions = { layers: [] };

interface Props {
  place: Place | null;
  onPlace: (place: Place) => void;
  basemapUrl: string | null | undefined;
  error?: string | undefined;
}

export function PlacePicker({ place, onPlace, basemapUrl, error }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  // The map (maplibre, ~450 KB) opens when the citizen asks for it: many only tap "find me", and
  // the form is usable at once on a slow phone (issue 22). A map picks no place by itself.
  const [mapOpen, setMapOpen] = useState(false);
  const map = useMapInstance(container, mapOpen ? basemapUrl : undefined, options);
  const marker = useRef<Marker | null>(null);
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!map) return;
    const onClick = (event: { lngLat: { lng: number; lat: number } }) =>
      onPlace([event.lngLat.lng, event.lngLat.lat]);
    map.on("click", onClick);
    return () => void map.off("click", onClick);
  }, [map, onPlace]);

  useEffect(() => {
    if (!map || !place) return;
    // maplibre is loaded by now (the map is drawn): the import only hands over its Marker
    let gone = false;
    void import("maplibre-gl").then(({ Marker }) => {
      if (gone) return;
      marker.current ??= new Marker({ color: "#e03131" });
      marker.current.setLngLat(place).addTo(map);
    });
    return () => {
      gone = true;
    };
  }, [map, place]);

  // A place searched for is the report's point (the citizen can still tap a better one); the map
  // opens and the search box shows the place on it.
  const onSearchChoose = useCallback(
    (hit: SearchHit) => {
      onPlace([hit.lon, hit.lat]);
      setMapOpen(true);
    },
    [onPlace],
  );

  const locate = () => {
    setProblem(null);
    if (!("geolocation" in navigator)) return setProblem(locationProblem("unsupported"));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const here: Place = [position.coords.longitude, position.coords.latitude];
        onPlace(here);
        map?.flyTo({ center: here, zoom: 17 });
      },
      (failure) => {
        setLocating(false);
        setProblem(locationProblem(failure.code));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <fieldset className="place-picker" aria-invalid={error ? true : undefined}>
      <legend>{t("citizen.place")}</legend>
      {/* the map always has its base (the city's own outline with names): one hint for all */}
      <p className="form-note">{t("citizen.placeHint")}</p>
      <button type="button" onClick={locate} disabled={locating}>
        {locating ? t("citizen.locating") : t("citizen.locateMe")}
      </button>
      {problem && (
        <p className="field-error" role="alert">
          {t(problem)}
        </p>
      )}
      <MapSearchLoader
        map={map}
        audience="public"
        beforeMap
        placement="inline"
        onChoose={onSearchChoose}
      />
      <div ref={container} className="place-map">
        {!mapOpen && (
          <button type="button" className="place-map-open" onClick={() => setMapOpen(true)}>
            {t("citizen.openMap")}
          </button>
        )}
      </div>
      <p className={place ? "place-chosen" : "muted"}>
        {place
          ? t("citizen.placeChosen", { lon: place[0].toFixed(6), lat: place[1].toFixed(6) })
          : t("citizen.noPlace")}
      </p>
      {error && <small className="field-error">{error}</small>}
    </fieldset>
  );
}
