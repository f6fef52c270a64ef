import { readFileSync } from "node:fs";
import { area } from "@turf/turf";
import * as mine from "/work/wt-part/geo/src/index.ts";
for (const f of ["zaozhuang.geojson.json", "zaozhuang.zip.json"]) {
  const shape = JSON.parse(readFileSync("/tmp/part/shp/" + f, "utf8"));
  for (const count of [10, 30]) {
    const c0 = process.cpuUsage();
    const r = mine.partitionBalanced(shape, { count, seed: 1 });
    const share = area(shape) / count;
    console.log(f, count, "maxdev", Math.max(...r.parts.map((p) => Math.abs(area(p) / share - 1))).toFixed(5), "cv", r.metrics.cv.toExponential(2), "pp", r.metrics.polsbyPopper.toFixed(4), "cpu", process.cpuUsage(c0).user / 1000);
  }
}
