// The standard's checklist at one point, by category; a category shows how far it is checked.
import { useTranslation } from "react-i18next";
import type { StandardCategory } from "../../api/inspections.ts";
import type { ItemMark } from "./inspection-draft.ts";
import { ItemResult } from "./item-result.tsx";

interface Props {
  pointName: string;
  categories: readonly StandardCategory[];
  marks: Readonly<Record<number, ItemMark>>;
  onMark: (itemId: number, change: Partial<ItemMark>) => void;
  onPassRest: () => void;
  onBusy: (busy: boolean) => void;
}

export function PointChecklist({
  pointName,
  categories,
  marks,
  onMark,
  onPassRest,
  onBusy,
}: Props) {
  const { t } = useTranslation();
  return (
    <section className="inspect-section checklist">
      <div className="checklist-head">
        <h3>{pointName}</h3>
        <button type="button" onClick={onPassRest}>
          {t("inspect.passRest")}
        </button>
      </div>
      {categories.map((category, index) => {
        const marked = category.items.filter((item) => marks[item.id]);
        const failed = marked.filter((item) => marks[item.id]?.result === "fail").length;
        return (
          <details key={category.id} className="checklist-category" open={index === 0}>
            <summary>
              <span>
                {category.seq}. {category.name}
              </span>
              <small className={failed ? "overdue" : "muted"}>
                {t("inspect.categoryProgress", {
                  marked: marked.length,
                  count: category.items.length,
                  failed,
                })}
              </small>
            </summary>
            <ul>
              {category.items.map((item) => (
                <ItemResult
                  key={item.id}
                  item={item}
                  mark={marks[item.id]}
                  onChange={(change) => onMark(item.id, change)}
                  onBusy={onBusy}
                />
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
