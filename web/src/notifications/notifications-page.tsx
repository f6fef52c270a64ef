// /notifications: one's notifications (all, or unread only) and one's settings: which channels,
// the e-mail address, quiet hours (China time; only in-app during them), the daily digest.
import "./notifications.css";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../api/auth.ts";
import { fieldErrors } from "../api/client.ts";
import { ErrorBanner } from "../components/error-banner.tsx";
import { ApiForm, InputField } from "../components/form-field.tsx";
import { SubmitButton, SuccessNote } from "../components/submit-buttons.tsx";
import { type NotificationSettings, notificationQueries, useSaveSettings } from "./api.ts";
import { NotificationList } from "./notification-list.tsx";

export function NotificationsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  return (
    <div className="page notifications-page">
      <h2>{t("notifications.title")}</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={unreadOnly}
          onChange={(e) => setUnreadOnly(e.target.checked)}
        />
        {t("notifications.unreadOnly")}
      </label>
      <NotificationList me={me} unreadOnly={unreadOnly} />
      <SettingsForm me={me} />
    </div>
  );
}

function SettingsForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const stored = useQuery(notificationQueries.settings());
  const save = useSaveSettings();
  const [form, setForm] = useState<NotificationSettings | null>(null);
  useEffect(() => {
    if (stored.data && !form) setForm(stored.data);
  }, [stored.data, form]);
  if (stored.error) return <ErrorBanner message={stored.error.message} />;
  if (!form) return null;
  const fields = fieldErrors(save.error);
  const toggle = (channel: "email" | "sms") =>
    setForm({
      ...form,
      channels: form.channels.includes(channel)
        ? form.channels.filter((c) => c !== channel)
        : [...form.channels, channel],
    });
  /** A text setting: its value, its change, and its name (for the API's message about it). */
  const bind = (name: "email" | "quietStart" | "quietEnd") => ({
    name,
    value: form[name] ?? "",
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      ...form,
      email: form.email?.trim() || null,
      quietStart: form.quietStart || null,
      quietEnd: form.quietEnd || null,
    });
  };
  return (
    <ApiForm className="form-card" onSubmit={onSubmit} error={save.error}>
      <h3>{t("notifications.settings")}</h3>
      <p className="form-note">{t("notifications.inAppAlways")}</p>
      {save.error && <ErrorBanner message={save.error.message} />}
      {save.isSuccess && <SuccessNote>{t("notifications.saved")}</SuccessNote>}
      <fieldset className="form-field">
        <legend>{t("notifications.channels")}</legend>
        <div className="choice-row">
          {(["email", "sms"] as const).map((channel) => (
            <label key={channel} className="checkbox">
              <input
                type="checkbox"
                checked={form.channels.includes(channel)}
                onChange={() => toggle(channel)}
              />
              {t(`notifications.channel.${channel}`)}
            </label>
          ))}
        </div>
        {fields.channels && <small className="field-error">{fields.channels}</small>}
      </fieldset>
      <InputField label={t("notifications.email")} type="email" {...bind("email")} />
      <InputField
        label={t("notifications.quietStart")}
        hint={t("notifications.quietHint")}
        type="time"
        {...bind("quietStart")}
      />
      <InputField label={t("notifications.quietEnd")} type="time" {...bind("quietEnd")} />
      {me.user.role === "unit_admin" && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.digest}
            onChange={(e) => setForm({ ...form, digest: e.target.checked })}
          />
          {t("notifications.digest")}
        </label>
      )}
      <SubmitButton disabled={save.isPending}>{t("notifications.save")}</SubmitButton>
    </ApiForm>
  );
}
