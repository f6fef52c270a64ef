// Local stand-ins for the outside world of notifications: one HTTP server playing the WeCom and
// DingTalk robots (checking the JSON and DingTalk's signature) and Aliyun SMS (checking its
// signature), and a real SMTP server (smtp-server). `down` makes the HTTP ones answer 500.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export const DINGTALK_SECRET = "SECtest-secret-0123456789";
export const SMS_KEY = { id: "LTAItest", secret: "sms-secret" };

export interface Received {
  wecom: { msgtype: string; text: { content: string; mentioned_mobile_list: string[] } }[];
  dingtalk: { msgtype: string; markdown: { title: string; text: string } }[];
  /** DingTalk requests whose sign did not match. */
  badSignatures: number;
  sms: { PhoneNumbers: string; TemplateParam: string }[];
  mail: { to: string; body: string }[];
}

const percent = (s: string) =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** Aliyun's RPC signature, recomputed from the query as the receiving end would. */
function aliyunSignatureOk(url: URL): boolean {
  const params = [...url.searchParams.entries()].filter(([k]) => k !== "Signature");
  const query = params
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${percent(k)}=${percent(v)}`)
    .join("&");
  const expected = createHmac("sha1", `${SMS_KEY.secret}&`)
    .update(`GET&%2F&${percent(query)}`)
    .digest("base64");
  return url.searchParams.get("Signature") === expected;
}

export async function startReceivers() {
  const received: Received = { wecom: [], dingtalk: [], badSignatures: 0, sms: [], mail: [] };
  const state = { down: false };
  const http: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (state.down) return reply(500, { error: "receiver down" });
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : null;
      if (url.pathname === "/wecom") {
        if (body?.msgtype !== "text" || typeof body.text?.content !== "string") {
          return reply(200, { errcode: 40008, errmsg: "invalid message type" });
        }
        received.wecom.push(body);
        return reply(200, { errcode: 0, errmsg: "ok" });
      }
      if (url.pathname === "/dingtalk") {
        const timestamp = url.searchParams.get("timestamp") ?? "";
        const expected = createHmac("sha256", DINGTALK_SECRET)
          .update(`${timestamp}\n${DINGTALK_SECRET}`)
          .digest("base64");
        const fresh = Math.abs(Date.now() - Number(timestamp)) < 3_600_000;
        if (url.searchParams.get("sign") !== expected || !fresh) {
          received.badSignatures += 1;
          return reply(200, { errcode: 310000, errmsg: "sign not match" });
        }
        if (body?.msgtype !== "markdown" || !body.markdown?.title || !body.markdown?.text) {
          return reply(200, { errcode: 40035, errmsg: "missing markdown" });
        }
        received.dingtalk.push(body);
        return reply(200, { errcode: 0, errmsg: "ok" });
      }
      if (url.pathname === "/" && url.searchParams.get("Action") === "SendSms") {
        if (!aliyunSignatureOk(url))
          return reply(400, { Code: "SignatureDoesNotMatch", Message: "bad" });
        received.sms.push({
          PhoneNumbers: url.searchParams.get("PhoneNumbers") ?? "",
          TemplateParam: url.searchParams.get("TemplateParam") ?? "",
        });
        return reply(200, { Code: "OK", Message: "OK", BizId: "1" });
      }
      reply(404, { errcode: 404, errmsg: "no such robot" });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (state.down) return callback(new Error("mailbox unavailable"));
        for (const to of session.envelope.rcptTo) {
          received.mail.push({ to: to.address, body: Buffer.concat(chunks).toString("utf8") });
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const httpPort = (http.address() as AddressInfo).port;
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  return {
    received,
    state,
    base: `http://127.0.0.1:${httpPort}`,
    smtpPort,
    clear() {
      received.wecom.length = 0;
      received.dingtalk.length = 0;
      received.sms.length = 0;
      received.mail.length = 0;
      received.badSignatures = 0;
    },
    async stop() {
      await new Promise((resolve) => http.close(resolve));
      await new Promise((resolve) => smtp.close(() => resolve(null)));
    },
  };
}

export type Receivers = Awaited<ReturnType<typeof startReceivers>>;
