// One category of a draft standard: its name and duplicate radius (查重半径), its items in order,
// and the buttons that move, add and remove them.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatPoints } from "../../format.ts";
import { DraftInput } from "./draft-input.tsx";
import { type FieldProblem, FieldProblems } from "./field-problems.tsx";
import { ItemEditor } from "./item-editor.tsx";
import { ItemsHead } from "./items-head.tsx";
import {
  addItem,
  type CategoryDraft,
  categoryField,
  categoryPoints,
  changeCategory,
  itemCode,
  maxItemsPerCategory,
  moveCategory,
  removeCategory,
  type StandardDraft,
} from "./standard-draft.ts";

interface Props {
  category: CategoryDraft;
  index: number;
  /** How many categories there are: the last cannot move down, the only one cannot go. */
  count: number;
  errors: Record<string, string>;
  update: (change: (draft: StandardDraft) => StandardDraft) => void;
}

export function CategoryEditor({ category, index, count, errors, update }: Props) {
  const { t, i18n } = useTranslation();
  const { key } = category;
  const what = t("standards.categoryNumber", { seq: index + 1 });
  const change = (edit: (category: CategoryDraft) => CategoryDraft) =>
    update((draft) => changeCategory(draft, key, edit));
  const id = useId();
  // Each field with the word for it in a problem's line.
  const fields = { name: "name", duplicateRadiusM: "radius", items: "itemCount" } as const;
  const problemId = (field: keyof typeof fields) =>
    errors[categoryField(key, field)] ? `${id}-${field}` : undefined;
  const problems: FieldProblem[] = (Object.keys(fields) as (keyof typeof fields)[]).flatMap(
    (field) => {
      const message = errors[categoryField(key, field)];
      return message
        ? [{ id: `${id}-${field}`, label: t(`standards.${fields[field]}`), message }]
        : [];
    },
  );

  return (
    <section className="standard-category" aria-label={`${index + 1} ${category.name}`}>
      <header>
        <span className="category-seq">{index + 1}</span>
        <DraftInput
          className="category-name"
          label={t("standards.categoryName", { what })}
          value={category.name}
          problemId={problemId("name")}
          onChange={(name) => change((c) => ({ ...c, name }))}
        />
        <span className="category-meta">{t("standards.radius")}</span>
        <DraftInput
          className="radius"
          label={t("standards.radiusOf", { what })}
          value={category.radius}
          inputMode="numeric"
          problemId={problemId("duplicateRadiusM")}
          onChange={(radius) => change((c) => ({ ...c, radius }))}
        />
        <span className="category-meta">{t("standards.metres")}</span>
        <span className="category-meta category-points">
          {t("standards.pointsValue", {
            points: formatPoints(categoryPoints(category), i18n.language),
          })}
        </span>
        <span className="row-actions">
          <button
            type="button"
            aria-label={t("standards.moveUp", { what })}
            title={t("standards.moveUp", { what })}
            disabled={index === 0}
            onClick={() => update((d) => moveCategory(d, key, -1))}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={t("standards.moveDown", { what })}
            title={t("standards.moveDown", { what })}
            disabled={index === count - 1}
            onClick={() => update((d) => moveCategory(d, key, 1))}
          >
            ↓
          </button>
          <button
            type="button"
            aria-label={t("standards.remove", { what })}
            disabled={count === 1}
            onClick={() => update((d) => removeCategory(d, key))}
          >
            {t("standards.removeCategory")}
          </button>
        </span>
      </header>
      <FieldProblems problems={problems} />
      <div className="table-scroll">
        <table className="table standard-items editing">
          <ItemsHead editing={true} />
          <tbody>
            {category.items.map((item, itemIndex) => (
              <ItemEditor
                key={item.key}
                item={item}
                code={itemCode(index, itemIndex)}
                first={itemIndex === 0}
                last={itemIndex === category.items.length - 1}
                errors={errors}
                change={change}
              />
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="add-item"
        disabled={category.items.length >= maxItemsPerCategory}
        onClick={() => update((d) => addItem(d, key))}
      >
        {t("standards.addItem", { what })}
      </button>
    </section>
  );
}
