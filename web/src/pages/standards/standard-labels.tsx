// How a standard's status and scope read: the status as a coloured tag, the scope in words.
import type { SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { StandardStatus } from "../../api/standards.ts";
import { Options } from "../../components/options.tsx";

const statusClass: Record<StandardStatus, string> = {
  draft: "tag",
  active: "tag on",
  retired: "tag off",
};

export function StatusTag({ status }: { status: StandardStatus }) {
  const { t } = useTranslation();
  return <span className={statusClass[status]}>{t(`standards.statuses.${status}`)}</span>;
}

/** The scopes the app has words for; a sheet may bring another, shown as it is. */
const knownScopes = ["hospital", "community"] as const;

/** "hospital" → 医院点位; an unknown scope reads as written. */
export function useScopeLabel() {
  const { t } = useTranslation();
  return (scope: string) => t(`standards.scopes.${scope}`, { defaultValue: scope });
}

type ScopeSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "value"> & { value: string };

/** The known scopes, and the current one if it is another. */
export function ScopeSelect({ value, ...props }: ScopeSelectProps) {
  const scopeLabel = useScopeLabel();
  const scopes: string[] = [...knownScopes];
  if (value && !scopes.includes(value)) scopes.push(value);
  return (
    <select value={value} {...props}>
      <Options items={scopes} label={(scope) => scopeLabel(scope)} />
    </select>
  );
}
