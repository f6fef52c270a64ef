// The partition preview as a job (a prefecture takes seconds): start it, poll its progress, and
// cancel it on the server when the request changes or the dialog closes.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { request } from "../../../api/client.ts";
import type { PartitionJob, PartitionRequest } from "../../../api/communities.ts";

/** Often enough for a bar that moves, rarely enough to cost the server nothing. */
const POLL_MS = 400;

const jobsPath = (communityId: number) => `/api/communities/${communityId}/partition/jobs`;

export function usePartitionJob(communityId: number, body: PartitionRequest | null) {
  const started = useQuery({
    queryKey: ["partition-job", communityId, body],
    queryFn: () => request<PartitionJob>("POST", jobsPath(communityId), { json: body }),
    enabled: body !== null,
    // Each start is new work on the server: never started again behind the coordinator's back.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
  });
  const running = started.data?.state === "running" && !started.isPlaceholderData;
  const jobId = running ? started.data?.id : undefined;
  const polled = useQuery({
    queryKey: ["partition-job", communityId, "poll", jobId],
    queryFn: () => request<PartitionJob>("GET", `${jobsPath(communityId)}/${jobId}`),
    enabled: jobId !== undefined,
    // Until it ends: done, cancelled (by a newer job of the same person) or refused (an error).
    refetchInterval: (query) =>
      query.state.error || (query.state.data && query.state.data.state !== "running")
        ? false
        : POLL_MS,
    gcTime: 0,
    retry: false,
  });
  useEffect(() => {
    if (!jobId) return;
    // The dialog closed or the request changed: the worker stops (a finished job ignores it).
    return () => void request("DELETE", `${jobsPath(communityId)}/${jobId}`).catch(() => undefined);
  }, [communityId, jobId]);
  const job = (jobId && polled.data) || started.data;
  const polling = jobId !== undefined && !polled.error && polled.data?.state !== "done";
  const computing = started.isFetching || (polling && polled.data?.state !== "cancelled");
  return {
    preview: job?.preview,
    progress: computing ? (jobId ? (polled.data?.progress ?? started.data?.progress ?? 0) : 0) : 1,
    computing,
    error: started.error ?? polled.error,
  };
}
