// One item of a draft standard as a table row: its code (from the order), texts and points, and
// a second row with what the API found wrong with them.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { DraftInput } from "./draft-input.tsx";
import { type FieldProblem, FieldProblems } from "./field-problems.tsx";
import {
  type CategoryDraft,
  changeItem,
  type ItemDraft,
  itemField,
  itemTexts,
  moveItem,
  removeItem,
} from "./standard-draft.ts";

interface Props {
  item: ItemDraft;
  code: string;
  first: boolean;
  last: boolean;
  errors: Record<string, string>;
  /** Changes the category the item is in. */
  change: (edit: (category: CategoryDraft) => CategoryDraft) => void;
}

export function ItemEditor({ item, code, first, last, errors, change }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { key } = item;
  const problemId = (field: string) =>
    errors[itemField(key, field)] ? `${id}-${field}` : undefined;
  const problems: FieldProblem[] = itemTexts.flatMap((field) => {
    const message = errors[itemField(key, field)];
    return message ? [{ id: `${id}-${field}`, label: t(`standards.${field}`), message }] : [];
  });
  return (
    <>
      <tr className={problems.length ? "has-problems" : undefined}>
        <td className="standard-cell-code">{code}</td>
        {itemTexts.map((field) => (
          <td key={field} className={`standard-cell-${field}`}>
            <DraftInput
              label={t("standards.itemInput", { code, field: t(`standards.${field}`) })}
              value={item[field]}
              multiline={field === "checklist" || field === "evidence"}
              inputMode={field === "points" ? "decimal" : undefined}
              problemId={problemId(field)}
              onChange={(value) => change((c) => changeItem(c, key, { [field]: value }))}
            />
          </td>
        ))}
        <td>
          <div className="row-actions">
            <button
              type="button"
              aria-label={t("standards.moveUp", { what: code })}
              title={t("standards.moveUp", { what: code })}
              disabled={first}
              onClick={() => change((c) => moveItem(c, key, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={t("standards.moveDown", { what: code })}
              title={t("standards.moveDown", { what: code })}
              disabled={last}
              onClick={() => change((c) => moveItem(c, key, 1))}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={t("standards.remove", { what: code })}
              title={t("standards.remove", { what: code })}
              disabled={first && last}
              onClick={() => change((c) => removeItem(c, key))}
            >
              ×
            </button>
          </div>
        </td>
      </tr>
      {problems.length > 0 && (
        <tr className="item-problems">
          <td />
          <td colSpan={5}>
            <FieldProblems problems={problems} />
          </td>
        </tr>
      )}
    </>
  );
}
