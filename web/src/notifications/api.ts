// The notification endpoints: the caller's list and unread count, marking read, their settings,
// and the administrator's channels and deliveries. Kinds and channels come from geo (shared).
import type { DeliveryStatus, EscalationStep, OutboundChannel } from "@civgrid/geo";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { queryString, request } from "../api/client.ts";
import type { Answer, Body } from "../api/types.ts";

/** One notification in the caller's list. */
export type Notification = Answer<"/api/notifications">["items"][number];
export type NotificationSettings = Answer<"/api/notification-settings">;
/** A channel as the administrator set it (or the environment did), secrets masked. */
export type ChannelSetting = Answer<"/api/admin/notification-channels">["channels"][number];
/** One message sent (or waiting, or given up) on an outbound channel. */
export type Delivery = Answer<"/api/admin/deliveries">["items"][number];

export const notificationQueries = {
  list: (unread: boolean) =>
    queryOptions({
      queryKey: ["notifications", "list", unread],
      queryFn: () =>
        request<Answer<"/api/notifications">>(
          "GET",
          `/api/notifications${queryString({ unread: unread ? "true" : undefined, limit: 50 })}`,
        ),
    }),
  settings: () =>
    queryOptions({
      queryKey: ["notifications", "settings"],
      queryFn: () => request<NotificationSettings>("GET", "/api/notification-settings"),
    }),
  channels: () =>
    queryOptions({
      queryKey: ["notifications", "channels"],
      queryFn: () =>
        request<Answer<"/api/admin/notification-channels">>(
          "GET",
          "/api/admin/notification-channels",
        ),
    }),
  deliveries: (status: DeliveryStatus | undefined, offset: number) =>
    queryOptions({
      queryKey: ["notifications", "deliveries", status, offset],
      queryFn: () =>
        request<Answer<"/api/admin/deliveries">>(
          "GET",
          `/api/admin/deliveries${queryString({ status, limit: 50, offset })}`,
        ),
    }),
};

/** Marks some (or all) of one's notifications read; every list and the bell refresh. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[] | "all") =>
      request<Answer<"/api/notifications/read", "post">>("POST", "/api/notifications/read", {
        json: ids === "all" ? { all: true } : { ids },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["notifications"] }),
  });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: Body<"/api/notification-settings", "put">) =>
      request<Answer<"/api/notification-settings", "put">>("PUT", "/api/notification-settings", {
        json: settings,
      }),
    onSuccess: (saved) => client.setQueryData(["notifications", "settings"], saved),
  });
}

export function useSaveChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (setting: Omit<ChannelSetting, "source">) =>
      request<Answer<"/api/admin/notification-channels", "put">>(
        "PUT",
        "/api/admin/notification-channels",
        {
          json: { channels: [setting] },
        },
      ),
    onSuccess: (saved) => client.setQueryData(["notifications", "channels"], saved),
  });
}

export function useTestChannel() {
  return useMutation({
    mutationFn: (test: {
      channel: OutboundChannel;
      config: Record<string, unknown>;
      recipient?: string;
    }) =>
      request<Answer<"/api/admin/notification-channels/{channel}/test", "post">>(
        "POST",
        `/api/admin/notification-channels/${test.channel}/test`,
        {
          json: { config: test.config, ...(test.recipient && { recipient: test.recipient }) },
        },
      ),
  });
}

export function useRetryDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      request<Answer<"/api/admin/deliveries/{id}/retry", "post">>(
        "POST",
        `/api/admin/deliveries/${id}/retry`,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["notifications", "deliveries"] }),
  });
}

export const escalationQueries = {
  steps: () =>
    queryOptions({
      queryKey: ["escalation-steps"],
      queryFn: () => request<Answer<"/api/escalation-steps">>("GET", "/api/escalation-steps"),
    }),
};

/** Replaces the escalation (督办) steps; the form shows the server's message beside each field. */
export function useSaveEscalationSteps() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (steps: EscalationStep[]) =>
      request<Answer<"/api/escalation-steps", "put">>("PUT", "/api/escalation-steps", {
        json: { steps },
      }),
    onSuccess: (saved) => client.setQueryData(["escalation-steps"], saved),
  });
}
