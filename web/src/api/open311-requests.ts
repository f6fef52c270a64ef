// Citizens' Open311 requests sent with an address only (待定位): the list the campaign office
// works through, and placing one on the map, after which it is a problem routed like any other.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { request } from "./client.ts";
import type { Answer, Schemas } from "./types.ts";

/** One waiting request: address, description, service, when, the citizen's photo (GET
 * /api/files/{id}, /thumbnail) or the link their app sent (Open311 media_url). */
export type WaitingRequest = Schemas["WaitingOpen311Request"];

const waitingKey = ["open311-requests", "waiting"];

export const waitingRequestsQuery = queryOptions({
  queryKey: waitingKey,
  queryFn: () =>
    request<Answer<"/api/open311-requests/waiting">>("GET", "/api/open311-requests/waiting"),
});

/** Places the request at [lon, lat]; answers the problem it became. */
export function usePlaceRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, place }: { id: number; place: [number, number] }) =>
      request<Answer<"/api/open311-requests/{id}/place", "post">>(
        "POST",
        `/api/open311-requests/${id}/place`,
        {
          json: { type: "Point", coordinates: place },
        },
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: waitingKey });
      void client.invalidateQueries({ queryKey: ["problems"] });
    },
  });
}
