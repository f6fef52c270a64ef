// Draws a map once, off screen, at print resolution, and hands back its picture, where given
// places fall on it, and its ground resolution (for the scale bar).
import bbox from "@turf/bbox";
import type { Feature } from "geojson";
import { Map as MapLibreMap, type StyleSpecification } from "maplibre-gl";
import { metresPerPixel } from "./scale-bar.ts";

interface Frame {
  /** Size on the page, CSS pixels; the picture is `pixelRatio` times larger. */
  width: number;
  height: number;
  pixelRatio: number;
}

export interface MapPicture {
  picture: HTMLCanvasElement;
  /** Each of the places asked for, in the picture's pixels. */
  points: Array<[number, number]>;
  /** Ground metres one pixel of the picture covers, at the map's centre latitude. */
  metresPerPixel: number;
}

/** A map that has not settled by then will not: better an error than a frozen dialog. */
const timeoutMs = 20_000;

/**
 * Renders `style` fitted to `area` in a hidden container and copies the frame to a plain
 * canvas (the map, its WebGL context and the container are removed afterwards); `places`
 * ([lon, lat]) are projected onto it.
 */
export async function renderMapPicture(
  style: StyleSpecification,
  area: Feature,
  { width, height, pixelRatio }: Frame,
  places: ReadonlyArray<readonly [number, number]> = [],
): Promise<MapPicture> {
  const container = document.createElement("div");
  Object.assign(container.style, {
    position: "fixed",
    left: "-20000px",
    top: "0",
    width: `${width}px`,
    height: `${height}px`,
  });
  document.body.append(container);
  const [west, south, east, north] = bbox(area);
  const map = new MapLibreMap({
    container,
    style,
    bounds: [west, south, east, north],
    fitBoundsOptions: { padding: 30 },
    interactive: false,
    attributionControl: false,
    pixelRatio,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("map render timed out")), timeoutMs);
      map.once("idle", () => {
        clearTimeout(timer);
        resolve();
      });
      map.once("error", (event) => {
        clearTimeout(timer);
        reject(event.error);
      });
    });
    const source = map.getCanvas();
    const picture = document.createElement("canvas");
    picture.width = source.width;
    picture.height = source.height;
    picture.getContext("2d")?.drawImage(source, 0, 0);
    const ratio = source.width / width;
    return {
      picture,
      points: places.map(([lon, lat]) => {
        const { x, y } = map.project([lon, lat]);
        return [x * ratio, y * ratio];
      }),
      metresPerPixel: metresPerPixel(map.getCenter().lat, map.getZoom()) / ratio,
    };
  } finally {
    map.remove();
    container.remove();
  }
}
