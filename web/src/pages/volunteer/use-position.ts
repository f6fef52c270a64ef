// The phone's position while the page is open (watchPosition), with the fix's accuracy, or the
// reason there is none, in words a volunteer can act on.
import { useEffect, useState } from "react";
import { locationProblem } from "../../location-problem.ts";

export interface Fix {
  lon: number;
  lat: number;
  accuracyM: number;
  at: string;
}

export function usePosition() {
  const [fix, setFix] = useState<Fix | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!("geolocation" in navigator)) {
      setProblem(locationProblem("unsupported"));
      return;
    }
    const watch = navigator.geolocation.watchPosition(
      (position) => {
        setProblem(null);
        setFix({
          lon: position.coords.longitude,
          lat: position.coords.latitude,
          accuracyM: Math.round(position.coords.accuracy),
          at: new Date(position.timestamp).toISOString(),
        });
      },
      (failure) => setProblem(locationProblem(failure.code)),
      { enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, []);
  return { fix, problem };
}
