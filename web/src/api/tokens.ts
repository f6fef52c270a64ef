// Personal access tokens for GIS clients (QGIS, GDAL): list, create (the token is shown once), revoke.
import { queryOptions } from "@tanstack/react-query";
import { request } from "./client.ts";
import { useRereadingMutation } from "./rereading-mutation.ts";
import type { Answer, Schemas } from "./types.ts";

export type AccessToken = Schemas["AccessToken"];

const tokensKey = ["access-tokens"];

export const tokensQuery = queryOptions({
  queryKey: tokensKey,
  queryFn: () => request<Answer<"/api/tokens">>("GET", "/api/tokens"),
});

const useTokenChange = <I, O>(change: (input: I) => Promise<O>) =>
  useRereadingMutation(change, [tokensKey]);

export const useCreateToken = () =>
  useTokenChange((input: { name: string; expiresOn?: string }) =>
    request<Answer<"/api/tokens", "post">>("POST", "/api/tokens", { json: input }),
  );

export const useRevokeToken = () =>
  useTokenChange((id: number) => request<AccessToken>("DELETE", `/api/tokens/${id}`));
