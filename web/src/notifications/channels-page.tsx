// /admin/notifications: the administrator's outbound channels (each off until set up, with a test
// that shows the receiver's error and saves nothing) and the outbox (status, attempts, last
// error, retry).
import "./notifications.css";
import { type DeliveryStatus, deliveryStatuses, type OutboundChannel } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../api/client.ts";
import { DataTable } from "../components/data-table.tsx";
import { ErrorBanner } from "../components/error-banner.tsx";
import { FormField, InputField } from "../components/form-field.tsx";
import { Options } from "../components/options.tsx";
import { Pager } from "../components/pager.tsx";
import { SubmitButton } from "../components/submit-buttons.tsx";
import {
  type ChannelSetting,
  notificationQueries,
  useRetryDelivery,
  useSaveChannel,
  useTestChannel,
} from "./api.ts";

/** The table's column heads (keys under notifications.). */
const deliveryColumns = [
  "created",
  "channelHeading",
  "recipient",
  "message",
  "status",
  "attempts",
  "lastError",
] as const;

/** The settings each channel asks for, in order; numbers and yes/no are typed as such. */
// How an Aliyun SMS template names its variable, shown in the template-code label as written.
// biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text, not a JS placeholder
const aliyunVariable = "${content}";

const channelFields: Record<
  OutboundChannel,
  { name: string; type?: "number" | "boolean" | "password" }[]
> = {
  wecom: [{ name: "webhook" }],
  dingtalk: [{ name: "webhook" }, { name: "secret", type: "password" }],
  email: [
    { name: "host" },
    { name: "port", type: "number" },
    { name: "secure", type: "boolean" },
    { name: "user" },
    { name: "pass", type: "password" },
    { name: "from" },
  ],
  sms: [
    { name: "accessKeyId" },
    { name: "accessKeySecret", type: "password" },
    { name: "signName" },
    { name: "templateCode" },
    { name: "endpoint" },
  ],
};

export function ChannelsPage() {
  const { t } = useTranslation();
  const channels = useQuery(notificationQueries.channels());
  return (
    <div className="page notification-admin">
      <h2>{t("notifications.channelsTitle")}</h2>
      <p className="form-note">{t("notifications.channelsNote")}</p>
      {channels.error && <ErrorBanner message={channels.error.message} />}
      <div className="channel-cards">
        {channels.data?.channels.map((setting) => (
          <ChannelCard key={`${setting.channel}-${JSON.stringify(setting)}`} setting={setting} />
        ))}
      </div>
      <Deliveries />
    </div>
  );
}

function ChannelCard({ setting }: { setting: ChannelSetting }) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(setting.enabled);
  const [config, setConfig] = useState<Record<string, unknown>>(setting.config);
  const [recipient, setRecipient] = useState("");
  const save = useSaveChannel();
  const test = useTestChannel();
  const personal = setting.channel === "email" || setting.channel === "sms";
  const errors = fieldErrors(save.error);
  const fieldError = (name: string) =>
    errors[`channels.0.config.${name}`] ?? errors["channels.0.config"];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    test.reset();
    save.mutate({ channel: setting.channel, enabled, config });
  };
  return (
    <form className="form-card channel-card" onSubmit={onSubmit} noValidate>
      <h3>
        {t(`notifications.channel.${setting.channel}`)}
        <small> · {t(`notifications.source.${setting.source}`)}</small>
      </h3>
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t("notifications.enabled")}
      </label>
      {channelFields[setting.channel].map(({ name, type }) => (
        <FormField
          key={name}
          label={t(`notifications.field.${name}`, { variable: aliyunVariable })}
          error={fieldError(name)}
        >
          {(link) =>
            type === "boolean" ? (
              <input
                {...link}
                type="checkbox"
                checked={config[name] === true}
                onChange={(e) => setConfig({ ...config, [name]: e.target.checked })}
              />
            ) : (
              <input
                {...link}
                type={type === "password" ? "password" : "text"}
                inputMode={type === "number" ? "numeric" : undefined}
                value={String(config[name] ?? "")}
                onChange={(e) => {
                  const value = e.target.value;
                  const number = Number(value);
                  setConfig({
                    ...config,
                    [name]:
                      type === "number" && value !== "" && Number.isFinite(number)
                        ? number
                        : value || undefined,
                  });
                }}
              />
            )
          }
        </FormField>
      ))}
      {save.error && <ErrorBanner message={save.error.message} />}
      {save.isSuccess && <p className="success">{t("notifications.saved")}</p>}
      {personal && (
        <InputField
          label={t(`notifications.testRecipient.${setting.channel}`)}
          value={recipient}
          onChange={(e) => setRecipient(e.target.value)}
        />
      )}
      {test.error && (
        <p className="error" role="alert">
          {test.error.message} {Object.values(fieldErrors(test.error)).join(" ")}
        </p>
      )}
      {test.isSuccess && <p className="success">{t("notifications.testSent")}</p>}
      <div className="button-row">
        <SubmitButton disabled={save.isPending}>{t("notifications.save")}</SubmitButton>
        <button
          type="button"
          disabled={test.isPending}
          onClick={() =>
            test.mutate({ channel: setting.channel, config, ...(recipient && { recipient }) })
          }
        >
          {test.isPending ? t("notifications.testing") : t("notifications.test")}
        </button>
      </div>
    </form>
  );
}

function Deliveries() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<DeliveryStatus | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const list = useQuery(notificationQueries.deliveries(status, offset));
  const retry = useRetryDelivery();
  const time = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleString(i18n.language, { timeZone: "Asia/Shanghai", hour12: false })
      : "—";
  return (
    <section>
      <h3>{t("notifications.deliveries")}</h3>
      <label>
        {t("notifications.status")}{" "}
        <select
          value={status ?? ""}
          onChange={(e) => {
            setStatus((e.target.value || undefined) as DeliveryStatus | undefined);
            setOffset(0);
          }}
        >
          <option value="">{t("notifications.allStatuses")}</option>
          <Options items={deliveryStatuses} label={(s) => t(`notifications.deliveryStatus.${s}`)} />
        </select>
      </label>
      {list.error && <ErrorBanner message={list.error.message} />}
      {retry.error && <ErrorBanner message={retry.error.message} />}
      <div className="table-scroll">
        <DataTable headings={[...deliveryColumns.map((key) => t(`notifications.${key}`)), ""]}>
          {list.data?.items.map((d) => (
            <tr key={d.id}>
              <td>{time(d.createdAt)}</td>
              <td>{t(`notifications.channel.${d.channel}`)}</td>
              <td>{d.recipient === "group" ? t("notifications.group") : d.recipient}</td>
              <td>{d.text}</td>
              <td>
                {t(`notifications.deliveryStatus.${d.status}`)}
                {d.status === "pending" && ` · ${time(d.nextAttemptAt)}`}
              </td>
              <td>{d.attempts}</td>
              <td>
                {d.lastError
                  ? t(`notifications.skipReason.${d.lastError}`, { defaultValue: d.lastError })
                  : ""}
              </td>
              <td>
                {(d.status === "dead" || d.status === "skipped") && (
                  <button
                    type="button"
                    disabled={retry.isPending}
                    onClick={() => retry.mutate(d.id)}
                  >
                    {t("notifications.retry")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
      {list.data && (
        <Pager offset={offset} limit={50} total={list.data.total} onChange={setOffset} />
      )}
    </section>
  );
}
