// The label anchors' module (turf's pointOnFeature, with its robust predicates), loaded as the
// page mounts rather than before its first paint (issue 22): labels matter only on a drawn map,
// which comes later still.
import { useEffect, useState } from "react";

type LabelPoints = typeof import("./label-points.ts");
let loaded: LabelPoints | null = null;

/** label-points.ts once it is there, null until then. */
export function useLabelPoints(): LabelPoints | null {
  const [labels, setLabels] = useState(loaded);
  useEffect(() => {
    if (labels) return;
    let gone = false;
    void import("./label-points.ts").then((module) => {
      loaded = module;
      if (!gone) setLabels(module);
    });
    return () => {
      gone = true;
    };
  }, [labels]);
  return labels;
}
