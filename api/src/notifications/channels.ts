// Outbound channel settings: what the administrator set in the UI (notification_channels), else
// the deployment's NOTIFY_* environment (config.ts), else off. Secrets never leave in a read.
import { type OutboundChannel, outboundChannels } from "@civgrid/geo";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { selectRows } from "../db/client.ts";

export interface WebhookConfig {
  webhook: string;
}
export interface DingtalkConfig extends WebhookConfig {
  /** The robot's 加签 secret (SEC…); without it no signature is sent. */
  secret?: string | undefined;
}
export interface EmailConfig {
  /** smtp://user:pass@host:port, or the parts below. */
  url?: string | undefined;
  host?: string | undefined;
  port?: number | undefined;
  secure?: boolean | undefined;
  user?: string | undefined;
  pass?: string | undefined;
  from: string;
}
export interface SmsConfig {
  provider: "aliyun";
  /** https://dysmsapi.aliyuncs.com unless set (a test points it at a local receiver). */
  endpoint?: string | undefined;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** A template with one variable, ${content}. */
  templateCode: string;
}
export interface ChannelConfigs {
  wecom: WebhookConfig;
  dingtalk: DingtalkConfig;
  email: EmailConfig;
  sms: SmsConfig;
}
export type AnyChannelConfig = ChannelConfigs[OutboundChannel];

export interface ChannelSetting<C extends OutboundChannel = OutboundChannel> {
  channel: C;
  enabled: boolean;
  /** Where the settings come from: the admin's UI, the environment, or nowhere yet. */
  source: "admin" | "env" | "none";
  config: Partial<ChannelConfigs[C]>;
}

export type ChannelDefaults = Partial<{ [C in OutboundChannel]: ChannelConfigs[C] }>;

/** The deployment's defaults (NOTIFY_* variables), set once at start. */
let environmentDefaults: ChannelDefaults = {};

export function useChannelDefaults(defaults: ChannelDefaults) {
  environmentDefaults = defaults;
}

/** Every channel's effective setting for a city. */
export async function channelSettings(
  ex: Executor,
  cityId: number,
): Promise<Record<OutboundChannel, ChannelSetting>> {
  const rows = await selectRows<{ channel: OutboundChannel; enabled: boolean; config: object }>(
    ex,
    sql`SELECT channel, enabled, config FROM notification_channels WHERE city_id = ${cityId}`,
  );
  const settings = {} as Record<OutboundChannel, ChannelSetting>;
  for (const channel of outboundChannels) {
    const row = rows.find((r) => r.channel === channel);
    const fromEnv = environmentDefaults[channel];
    settings[channel] = row
      ? { channel, enabled: row.enabled, source: "admin", config: row.config }
      : fromEnv
        ? { channel, enabled: true, source: "env", config: fromEnv }
        : { channel, enabled: false, source: "none", config: {} };
  }
  return settings;
}

/** The keys whose values are secrets: shown masked, and a masked value sent back keeps the old one. */
export const secretKeys = ["secret", "pass", "accessKeySecret", "webhook", "url"] as const;
export const MASK = "******";

/** A setting as the admin page may see it: secrets masked (the webhook's key is a secret too). */
export function masked(setting: ChannelSetting): ChannelSetting {
  const config: Record<string, unknown> = { ...setting.config };
  for (const key of secretKeys) {
    const value = config[key];
    if (typeof value === "string" && value) {
      config[key] =
        key === "webhook" || key === "url"
          ? value.replace(/([?&]\w*(key|token)=)[^&]+/i, `$1${MASK}`)
          : MASK;
    }
  }
  return { ...setting, config };
}

/** A config from the admin with masked values replaced by the stored ones. */
export function unmasked(
  next: Record<string, unknown>,
  stored: Record<string, unknown>,
): Record<string, unknown> {
  const config: Record<string, unknown> = { ...next };
  for (const key of secretKeys) {
    const value = config[key];
    if (typeof value === "string" && value.includes(MASK)) config[key] = stored[key];
  }
  return config;
}
