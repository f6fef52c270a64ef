// A choice of one item (考核细则) of the standards in force, grouped by standard and category:
// what a task or a material is about. Empty means "no item".
import { useTranslation } from "react-i18next";
import { useActiveStandards } from "../api/standards.ts";
import type { InputLink } from "./form-field.tsx";
import { Options } from "./options.tsx";

interface Props {
  link: InputLink;
  name?: string;
  value: string;
  onChange: (itemId: string) => void;
  /** What choosing no item says (default: not tied to an item). */
  emptyLabel?: string;
}

export function StandardItemSelect({ link, name, value, onChange, emptyLabel }: Props) {
  const { t } = useTranslation();
  const standards = useActiveStandards();
  return (
    <select {...link} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel ?? t("standards.noItem")}</option>
      {standards.flatMap((standard) =>
        standard.categories.map((category) => (
          <optgroup key={category.id} label={`${standard.name} · ${category.name}`}>
            <Options
              items={category.items}
              value={(item) => item.id}
              label={(item) => `${item.code} ${item.title}`}
            />
          </optgroup>
        )),
      )}
    </select>
  );
}
