// Sending one delivery through its channel: WeCom and DingTalk group robots (JSON webhooks),
// e-mail over SMTP (nodemailer), SMS through a provider (Aliyun SMS's signed HTTP API).
// Each throws an Error saying what went wrong; the worker records it and retries.
import { createHmac, randomUUID } from "node:crypto";
import type { OutboundChannel } from "@civgrid/geo";
import type { ChannelConfigs, DingtalkConfig, EmailConfig, SmsConfig } from "./channels.ts";

/** What a delivery carries, whatever the channel. */
export interface Payload {
  title: string;
  text: string;
  /** Mobile numbers to @ in a group message. */
  mentions?: string[];
}

const TIMEOUT_MS = 10_000;

async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`not JSON: ${text.slice(0, 200)}`);
  }
}

/** Both robots answer {errcode: 0, errmsg: "ok"} on success. */
function expectErrcodeZero(answer: unknown) {
  const { errcode, errmsg } = (answer ?? {}) as { errcode?: number; errmsg?: string };
  if (errcode !== 0) throw new Error(`errcode ${errcode ?? "?"}: ${errmsg ?? ""}`);
}

/** WeCom group robot: a text message, @-ing the mobiles (markdown cannot @ anyone there). */
export async function sendWecom(config: ChannelConfigs["wecom"], payload: Payload) {
  expectErrcodeZero(
    await postJson(config.webhook, {
      msgtype: "text",
      text: {
        content: `${payload.title}\n${payload.text}`,
        mentioned_mobile_list: payload.mentions ?? [],
      },
    }),
  );
}

/**
 * DingTalk's 加签: HmacSHA256 over "timestamp\nsecret" keyed by the secret, Base64, then
 * URL-encoded into the webhook's `timestamp` and `sign` parameters (timestamp in milliseconds).
 */
export function dingtalkSignedUrl(config: DingtalkConfig, now = Date.now()): string {
  if (!config.secret) return config.webhook;
  const sign = createHmac("sha256", config.secret)
    .update(`${now}\n${config.secret}`)
    .digest("base64");
  const url = new URL(config.webhook);
  url.searchParams.set("timestamp", String(now));
  url.searchParams.set("sign", sign);
  return url.toString();
}

export async function sendDingtalk(config: DingtalkConfig, payload: Payload) {
  const mentions = payload.mentions ?? [];
  expectErrcodeZero(
    await postJson(dingtalkSignedUrl(config), {
      msgtype: "markdown",
      markdown: {
        title: payload.title,
        text: `#### ${payload.title}\n\n${payload.text}${mentions.map((m) => ` @${m}`).join("")}`,
      },
      at: { atMobiles: mentions, isAtAll: false },
    }),
  );
}

export async function sendEmail(config: EmailConfig, to: string, payload: Payload) {
  // nodemailer loads with the first e-mail, not at start (issue 23): most sites send none.
  const { default: nodemailer } = await import("nodemailer");
  const transport = nodemailer.createTransport(
    config.url
      ? config.url
      : {
          host: config.host,
          port: config.port ?? 587,
          secure: config.secure ?? config.port === 465,
          ...(config.user && { auth: { user: config.user, pass: config.pass ?? "" } }),
          connectionTimeout: TIMEOUT_MS,
          greetingTimeout: TIMEOUT_MS,
        },
  );
  try {
    await transport.sendMail({ from: config.from, to, subject: payload.title, text: payload.text });
  } finally {
    transport.close();
  }
}

/** RFC 3986 encoding as Aliyun's signature wants it (encodeURIComponent leaves !'()* alone). */
const percent = (s: string) =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * Aliyun SMS SendSms (RPC style, signature version 1.0): the sorted, percent-encoded query is
 * signed as "GET&%2F&" + percent(query) with HMAC-SHA1 keyed by "secret&".
 */
export function aliyunSmsUrl(config: SmsConfig, mobile: string, content: string, now = new Date()) {
  const params: Record<string, string> = {
    AccessKeyId: config.accessKeyId,
    Action: "SendSms",
    Format: "JSON",
    PhoneNumbers: mobile,
    RegionId: "cn-hangzhou",
    SignName: config.signName,
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: randomUUID(),
    SignatureVersion: "1.0",
    TemplateCode: config.templateCode,
    TemplateParam: JSON.stringify({ content }),
    Timestamp: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    Version: "2017-05-25",
  };
  const query = Object.keys(params)
    .sort()
    .map((k) => `${percent(k)}=${percent(params[k] ?? "")}`)
    .join("&");
  const signature = createHmac("sha1", `${config.accessKeySecret}&`)
    .update(`GET&${percent("/")}&${percent(query)}`)
    .digest("base64");
  const base = (config.endpoint ?? "https://dysmsapi.aliyuncs.com").replace(/\/$/, "");
  return `${base}/?Signature=${percent(signature)}&${query}`;
}

export async function sendSms(config: SmsConfig, mobile: string, payload: Payload) {
  // A template variable is limited in length; the notice's first line says what and where.
  const content = payload.text.split("\n")[0]?.slice(0, 60) ?? "";
  const response = await fetch(aliyunSmsUrl(config, mobile, content), {
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const answer = (await response.json().catch(() => ({}))) as { Code?: string; Message?: string };
  if (!response.ok || answer.Code !== "OK") {
    throw new Error(`SMS ${response.status} ${answer.Code ?? ""}: ${answer.Message ?? ""}`);
  }
}

/** Sends one delivery; throws with the reason when it did not go out. */
export function send(
  channel: OutboundChannel,
  config: Partial<ChannelConfigs[OutboundChannel]>,
  recipient: string,
  payload: Payload,
): Promise<void> {
  switch (channel) {
    case "wecom":
      return sendWecom(config as ChannelConfigs["wecom"], payload);
    case "dingtalk":
      return sendDingtalk(config as DingtalkConfig, payload);
    case "email":
      return sendEmail(config as EmailConfig, recipient, payload);
    case "sms":
      return sendSms(config as SmsConfig, recipient, payload);
  }
}
