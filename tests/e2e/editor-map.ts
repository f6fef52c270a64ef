// Driving a map page as a hand does: where a position is on the page, clicking there, what the
// map has drawn; and the grids' shapes the tests aim at.
import type { Page } from "playwright-core";
import { nextFrame } from "./browser.ts";

export type Ring = [number, number][];
export interface GridFeature {
  id: number;
  properties: { code: string; areaM2: number; version: number };
  geometry: { coordinates: Ring[][] };
}

export const outerRing = (grid: GridFeature): Ring => grid.geometry.coordinates[0]![0]!;

/** The mean of the outer ring's corners: inside the convex grids the demo city has. */
export const centre = (grid: GridFeature): [number, number] => {
  const corners = outerRing(grid).slice(0, -1);
  const sum = corners.reduce((a, [x, y]) => [a[0] + x, a[1] + y], [0, 0]);
  return [sum[0] / corners.length, sum[1] / corners.length];
};

export function editorMap(page: Page) {
  /** Where a lon/lat is on the page, in CSS pixels. */
  const onScreen = (position: [number, number]) =>
    page.evaluate(([lon, lat]) => {
      const map = window.__civgridMap;
      if (!map) throw new Error("no map");
      const point = map.project([lon, lat]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    }, position);

  return {
    onScreen,
    /** Where a grid's label is on the page: one anchor per polygon, inside it, where the code is drawn. */
    async gridLabel(gridId: number) {
      const anchor = await page.evaluate(async (id) => {
        const source = window.__civgridMap?.getSource("grid-labels") as
          | {
              getData(): Promise<{
                features: {
                  properties: { id: number };
                  geometry: { coordinates: [number, number] };
                }[];
              }>;
            }
          | undefined;
        const labels = await source?.getData();
        const label = labels?.features.find((f) => f.properties.id === id);
        if (!label) throw new Error(`no label for grid ${id}`);
        return label.geometry.coordinates;
      }, gridId);
      return onScreen(anchor);
    },
    /** Moves there and clicks, as a hand does (Terra Draw snaps on the move). */
    async click(position: [number, number], offset = { x: 0, y: 0 }) {
      const { x, y } = await onScreen(position);
      await page.mouse.move(x + offset.x, y + offset.y);
      await page.mouse.click(x + offset.x, y + offset.y);
      await nextFrame(page);
    },
    /** How many distinct features the map has drawn in a layer. */
    rendered: (layer: string) =>
      page.evaluate((id) => {
        const features = window.__civgridMap?.queryRenderedFeatures({ layers: [id] }) ?? [];
        return new Set(features.map((feature) => feature.id)).size;
      }, layer),
    /** GET from the API with the page's session. */
    api: <T>(url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>,
  };
}
