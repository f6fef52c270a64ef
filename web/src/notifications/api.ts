// The notification endpoints: the caller's list and unread count, marking read, their settings,
// and the administrator's channels and deliveries. Kinds and channels come from geo (shared).
import type {
  DeliveryStatus,
  EscalationStep,
  NotificationKind,
  OutboundChannel,
} from "@civgrid/geo";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { queryString, request } from "../api/client.ts";

export interface Notification {
  id: number;
  kind: NotificationKind;
  problemId: number | null;
  taskAssignmentId: number | null;
  materialId: number | null;
  dedicationDayId: number | null;
  params: Record<string, string | number | null>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationSettings {
  channels: ("email" | "sms")[];
  email: string | null;
  quietStart: string | null;
  quietEnd: string | null;
  digest: boolean;
}

export interface ChannelSetting {
  channel: OutboundChannel;
  enabled: boolean;
  source: "admin" | "env" | "none";
  config: Record<string, unknown>;
}

export interface Delivery {
  id: number;
  kind: NotificationKind;
  channel: OutboundChannel;
  recipient: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  text: string;
}

export const notificationQueries = {
  list: (unread: boolean) =>
    queryOptions({
      queryKey: ["notifications", "list", unread],
      queryFn: () =>
        request<{ unread: number; items: Notification[] }>(
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
        request<{ channels: ChannelSetting[] }>("GET", "/api/admin/notification-channels"),
    }),
  deliveries: (status: DeliveryStatus | undefined, offset: number) =>
    queryOptions({
      queryKey: ["notifications", "deliveries", status, offset],
      queryFn: () =>
        request<{ total: number; items: Delivery[] }>(
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
      request<{ marked: number; unread: number }>("POST", "/api/notifications/read", {
        json: ids === "all" ? { all: true } : { ids },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["notifications"] }),
  });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: NotificationSettings) =>
      request<NotificationSettings>("PUT", "/api/notification-settings", { json: settings }),
    onSuccess: (saved) => client.setQueryData(["notifications", "settings"], saved),
  });
}

export function useSaveChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (setting: Omit<ChannelSetting, "source">) =>
      request<{ channels: ChannelSetting[] }>("PUT", "/api/admin/notification-channels", {
        json: { channels: [setting] },
      }),
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
      request<{ sent: true }>("POST", `/api/admin/notification-channels/${test.channel}/test`, {
        json: { config: test.config, ...(test.recipient && { recipient: test.recipient }) },
      }),
  });
}

export function useRetryDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<Delivery>("POST", `/api/admin/deliveries/${id}/retry`),
    onSuccess: () => client.invalidateQueries({ queryKey: ["notifications", "deliveries"] }),
  });
}

export const escalationQueries = {
  steps: () =>
    queryOptions({
      queryKey: ["escalation-steps"],
      queryFn: () => request<{ steps: EscalationStep[] }>("GET", "/api/escalation-steps"),
    }),
};

/** Replaces the escalation (督办) steps; the form shows the server's message beside each field. */
export function useSaveEscalationSteps() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (steps: EscalationStep[]) =>
      request<{ steps: EscalationStep[] }>("PUT", "/api/escalation-steps", { json: { steps } }),
    onSuccess: (saved) => client.setQueryData(["escalation-steps"], saved),
  });
}
