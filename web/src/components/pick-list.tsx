// A searchable list to pick one or several things from (units, people): the picked ones as
// removable chips above, the matching ones below with a radio or checkbox each.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { RemoveButton } from "./remove-button.tsx";

export interface PickOption {
  id: number;
  label: string;
  detail?: string | undefined;
}

interface Props {
  label: string;
  multiple: boolean;
  /** Matches for the search text, already filtered (by the caller or the server). */
  options: readonly PickOption[];
  picked: readonly PickOption[];
  onChange: (picked: PickOption[]) => void;
  search: string;
  onSearch: (text: string) => void;
  error?: string | undefined;
  loading?: boolean;
}

/** More rows than this would only be scrolled past: the search narrows them down instead. */
const maxShown = 40;

export function PickList(props: Props) {
  const { label, multiple, options, picked, onChange, search, onSearch, error, loading } = props;
  const { t } = useTranslation();
  const name = useId();
  const isPicked = (id: number) => picked.some((option) => option.id === id);
  const toggle = (option: PickOption) => {
    if (!multiple) return onChange([option]);
    onChange(isPicked(option.id) ? picked.filter((p) => p.id !== option.id) : [...picked, option]);
  };
  return (
    <fieldset className="pick-list" aria-invalid={error ? true : undefined}>
      <legend>{label}</legend>
      <div className="chips">
        {picked.length === 0 && <span className="muted">{t("panel.none")}</span>}
        {picked.map((option) => (
          <span key={option.id} className="chip">
            {option.label}
            <RemoveButton
              label={t("pick.remove", { name: option.label })}
              onClick={() => onChange(picked.filter((p) => p.id !== option.id))}
            />
          </span>
        ))}
      </div>
      <input
        type="search"
        value={search}
        placeholder={t("pick.search")}
        aria-label={t("pick.searchIn", { label })}
        onChange={(event) => onSearch(event.target.value)}
      />
      <ul className="pick-options">
        {options.slice(0, maxShown).map((option) => (
          <li key={option.id}>
            <label>
              <input
                type={multiple ? "checkbox" : "radio"}
                name={name}
                checked={isPicked(option.id)}
                onChange={() => toggle(option)}
              />
              <span>{option.label}</span>
              {option.detail && <small>{option.detail}</small>}
            </label>
          </li>
        ))}
        {options.length === 0 && (
          <li className="muted">{loading ? t("app.loading") : t("pick.noMatch")}</li>
        )}
        {options.length > maxShown && (
          <li className="muted">{t("pick.more", { count: options.length - maxShown })}</li>
        )}
      </ul>
      {error && <small className="field-error">{error}</small>}
    </fieldset>
  );
}
