// A patrol under way: started with the first fix, the kept fixes sent in batches while walking,
// the rest with the stop. A batch that fails (no network) stays and goes with the next one.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { errorText } from "../../api/client.ts";
import { type Patrol, type TrackPoint, volunteersApi } from "../../api/volunteers.ts";
import { batchDue, keepFix, toTrackPoint } from "./track-sampling.ts";
import type { Fix } from "./use-position.ts";

export interface RunningPatrol {
  id: number;
  startedAt: string;
  /** Every kept point, for the walk drawn on the map. */
  points: TrackPoint[];
  /** Points recorded before a reload that the track does not give back (one point is no line). */
  earlier?: number;
}

/** How many positions the patrol has recorded. */
export const recordedPoints = (patrol: RunningPatrol) =>
  patrol.points.length + (patrol.earlier ?? 0);

/**
 * A patrol the server still has under way, as the walk so far. The track keeps no times, so its
 * points carry the start time: they are only drawn, and the next fix is kept after them.
 */
function resumable(latest: Patrol): RunningPatrol {
  const { startedAt, pointCount } = latest.properties;
  const coordinates = latest.geometry?.coordinates ?? [];
  return {
    id: latest.id,
    startedAt,
    points: coordinates.map(([lon, lat]) => ({
      lon: lon as number,
      lat: lat as number,
      at: startedAt,
    })),
    earlier: pointCount - coordinates.length,
  };
}

export function usePatrol(fix: Fix | null) {
  const client = useQueryClient();
  const [patrol, setPatrol] = useState<RunningPatrol | null>(null);
  /** Left under way when the page was closed or reloaded: offered back, or ended. */
  const [interrupted, setInterrupted] = useState<RunningPatrol | null>(null);
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

  useEffect(() => {
    let cancelled = false;
    volunteersApi
      .myLatestPatrol()
      .then((latest) => {
        if (!cancelled && latest && !latest.properties.endedAt) setInterrupted(resumable(latest));
      })
      // Offline: nothing to offer back; a new patrol can still be started once online.
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, []);

  const resume = () => {
    waiting.current = [];
    setPatrol(interrupted);
    setInterrupted(null);
  };

  /** Ends the interrupted patrol where its track stopped. */
  const end = async () => {
    if (!interrupted) return;
    setBusy(true);
    waiting.current = [];
    const ended = await send(interrupted.id, true);
    setBusy(false);
    if (!ended) return;
    setInterrupted(null);
    void client.invalidateQueries({ queryKey: ["patrols"] });
  };

  // Each new fix: keep it if the walker moved (or stood a while), send when a batch is due.
  useEffect(() => {
    if (!patrol || !fix || !keepFix(fix, patrol.points.at(-1))) return;
    const point = toTrackPoint(fix);
    waiting.current.push(point);
    setPatrol({ ...patrol, points: [...patrol.points, point] });
    if (batchDue(waiting.current, Date.now())) void send(patrol.id, false);
  }, [fix, patrol, send]);

  const start = async () => {
    setInterrupted(null);
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

  return { patrol, interrupted, error, busy, start, stop, resume, end };
}
