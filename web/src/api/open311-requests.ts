// Citizens' Open311 requests sent with an address only (待定位): the list the campaign office
// works through, and placing one on the map, after which it is a problem routed like any other.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { request } from "./client.ts";

/** GET /api/open311-requests/waiting (WaitingOpen311Request in the OpenAPI document). */
export interface WaitingRequest {
  id: number;
  serviceName: string;
  description: string;
  addressString: string | null;
  addressId: string | null;
  citizenName: string;
  requestedAt: string;
  /** A photo the citizen uploaded: GET /api/files/{id}, /thumbnail. */
  photoFileId: number | null;
  /** A link the citizen's app sent instead (Open311 media_url). */
  mediaUrl: string | null;
}

const waitingKey = ["open311-requests", "waiting"];

export const waitingRequestsQuery = queryOptions({
  queryKey: waitingKey,
  queryFn: () => request<{ requests: WaitingRequest[] }>("GET", "/api/open311-requests/waiting"),
});

/** Places the request at [lon, lat]; answers the problem it became. */
export function usePlaceRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, place }: { id: number; place: [number, number] }) =>
      request<{ problemId: number }>("POST", `/api/open311-requests/${id}/place`, {
        json: { type: "Point", coordinates: place },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: waitingKey });
      void client.invalidateQueries({ queryKey: ["problems"] });
    },
  });
}
