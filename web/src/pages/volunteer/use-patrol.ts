// A patrol under way: started with the first fix, the kept fixes sent in batches while walking,
// the rest with the stop. A batch that fails (no network) stays and goes with the next one.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { errorText } from "../../api/client.ts";
import { type TrackPoint, volunteersApi } from "../../api/volunteers.ts";
import { batchDue, keepFix, toTrackPoint } from "./track-sampling.ts";
import type { Fix } from "./use-position.ts";

export interface RunningPatrol {
  id: number;
  startedAt: string;
  /** Every kept point, for the walk drawn on the map. */
  points: TrackPoint[];
}

export function usePatrol(fix: Fix | null) {
  const client = useQueryClient();
  const [patrol, setPatrol] = useState<RunningPatrol | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const waiting = useRef<TrackPoint[]>([]);
  const sending = useRef(false);

  const send = useCallback(async (id: number, stop: boolean) => {
    if (sending.current) return false;
    sending.current = true;
    const batch = [...waiting.current];
    try {
      await volunteersApi.addToPatrol(id, batch, stop);
      waiting.current = waiting.current.slice(batch.length);
      setError(null);
      return true;
    } catch (failure) {
      setError(errorText(failure as Error));
      return false;
    } finally {
      sending.current = false;
    }
  }, []);

  // Each new fix: keep it if the walker moved (or stood a while), send when a batch is due.
  useEffect(() => {
    if (!patrol || !fix || !keepFix(fix, patrol.points.at(-1))) return;
    const point = toTrackPoint(fix);
    waiting.current.push(point);
    setPatrol({ ...patrol, points: [...patrol.points, point] });
    if (batchDue(waiting.current, Date.now())) void send(patrol.id, false);
  }, [fix, patrol, send]);

  const start = async () => {
    setBusy(true);
    setError(null);
    const first = fix ? [toTrackPoint(fix)] : [];
    try {
      const started = await volunteersApi.startPatrol(first);
      waiting.current = [];
      setPatrol({ id: started.id, startedAt: started.properties.startedAt, points: first });
    } catch (failure) {
      setError(errorText(failure as Error));
    } finally {
      setBusy(false);
    }
  };

  const stop = async () => {
    if (!patrol) return;
    setBusy(true);
    const stopped = await send(patrol.id, true);
    setBusy(false);
    if (!stopped) return; // the volunteer sees why and can stop again once online
    setPatrol(null);
    void client.invalidateQueries({ queryKey: ["patrols"] });
  };

  return { patrol, error, busy, start, stop };
}
