// A small map of where a problem is: the grids around it and the problem itself, in the map
// page's colours (status fill, red ring when overdue).
import { useQuery } from "@tanstack/react-query";
import type { Point } from "geojson";
import { useEffect, useMemo, useRef } from "react";
import { queries } from "../../api/queries.ts";
import type { ProblemProperties } from "../../api/types.ts";
import { labelPoints } from "../../map/label-points.ts";
import { gridLayers } from "../../map/layers/grids.ts";
import { problemLayers } from "../../map/layers/problems.ts";
import type { MapOptions } from "../../map/map.ts";
import { sourceIds } from "../../map/sources.ts";
import { useSourceData } from "../../map/use-map-data.ts";
import { useMapInstance } from "../../map/use-map-instance.ts";
import { useTiledLayers } from "../../map/use-tiled-layers.ts";

const options: MapOptions = { layers: [...gridLayers, ...problemLayers] };
/** The grids around the problem: from tiles when the city has many (its one problem stays GeoJSON). */
const largeLayers = ["grids"] as const;

interface Props {
  problem: ProblemProperties;
  location: Point;
  basemapUrl: string | null | undefined;
}

export function ProblemMap({ problem, location, basemapUrl }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const tiled = useTiledLayers(largeLayers);
  const map = useMapInstance(container, basemapUrl, tiled ? { ...options, tiled } : null);
  const gridsFromTiles = tiled?.includes("grids") ?? true;
  const grids = useQuery({ ...queries.grids(), enabled: !gridsFromTiles });
  const shown = gridsFromTiles ? undefined : grids.data;
  const gridLabels = useMemo(() => shown && labelPoints(shown), [shown]);
  const here = useMemo(
    () => ({
      type: "FeatureCollection" as const,
      features: [
        { type: "Feature" as const, id: problem.id, geometry: location, properties: problem },
      ],
    }),
    [problem, location],
  );
  useSourceData(map, sourceIds.grids, shown);
  useSourceData(map, sourceIds.gridLabels, gridLabels);
  useSourceData(map, sourceIds.problems, here);

  const [lon, lat] = location.coordinates;
  useEffect(() => {
    if (!map || lon === undefined || lat === undefined) return;
    map.jumpTo({ center: [lon, lat], zoom: 16 });
    map.setFeatureState({ source: sourceIds.problems, id: problem.id }, { selected: true });
  }, [map, lon, lat, problem.id]);

  return <div ref={container} className="problem-map" />;
}
