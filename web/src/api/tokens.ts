// Personal access tokens for GIS clients (QGIS, GDAL): list, create (the token is shown once), revoke.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { request } from "./client.ts";

export interface AccessToken {
  id: number;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const tokensKey = ["access-tokens"];

export const tokensQuery = queryOptions({
  queryKey: tokensKey,
  queryFn: () => request<{ tokens: AccessToken[] }>("GET", "/api/tokens"),
});

function useTokenChange<I, O>(change: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export const useCreateToken = () =>
  useTokenChange((input: { name: string; expiresOn?: string }) =>
    request<AccessToken & { token: string }>("POST", "/api/tokens", { json: input }),
  );

export const useRevokeToken = () =>
  useTokenChange((id: number) => request<AccessToken>("DELETE", `/api/tokens/${id}`));
