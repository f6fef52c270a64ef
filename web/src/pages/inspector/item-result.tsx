// One checklist item at one point: pass, fail or not applicable; a failure takes the points lost
// (the item's full points unless typed), a note and photos.
import { useTranslation } from "react-i18next";
import type { ItemOutcome, StandardItem } from "../../api/inspections.ts";
import { PhotoUpload } from "../../components/photo-upload.tsx";
import { formatPoints } from "../../format.ts";
import type { ItemMark } from "./inspection-draft.ts";

const outcomes: readonly ItemOutcome[] = ["pass", "fail", "not_applicable"];

interface Props {
  item: StandardItem;
  mark: ItemMark | undefined;
  onChange: (change: Partial<ItemMark>) => void;
  onBusy: (busy: boolean) => void;
}

export function ItemResult({ item, mark, onChange, onBusy }: Props) {
  const { t, i18n } = useTranslation();
  const points = formatPoints(item.points, i18n.language);
  return (
    <li className={mark ? `item-result ${mark.result}` : "item-result"}>
      <div className="item-title">
        <span className="code">{item.code}</span> {item.title}
        <small>{t("problem.pointsValue", { value: points })}</small>
      </div>
      <p className="item-checklist">{item.checklist}</p>
      <fieldset className="outcomes" aria-label={`${item.code} ${item.title}`}>
        {outcomes.map((outcome) => (
          <button
            key={outcome}
            type="button"
            className={outcome}
            aria-pressed={mark?.result === outcome}
            onClick={() => onChange({ result: outcome })}
          >
            {t(`inspect.outcome.${outcome}`)}
          </button>
        ))}
      </fieldset>
      {mark?.result === "fail" && (
        <div className="fail-details">
          <label>
            <span>{t("inspect.deduction")}</span>
            <input
              type="number"
              inputMode="decimal"
              min={0}
              max={item.points}
              step={0.5}
              placeholder={points}
              value={mark.deduction}
              onChange={(event) => onChange({ deduction: event.target.value })}
            />
          </label>
          <label>
            <span>{t("inspect.note")}</span>
            <textarea
              rows={2}
              maxLength={500}
              value={mark.note}
              onChange={(event) => onChange({ note: event.target.value })}
            />
          </label>
          <PhotoUpload
            label={t("inspect.photos")}
            photos={mark.photos}
            onChange={(photos) => onChange({ photos })}
            onBusy={onBusy}
          />
        </div>
      )}
    </li>
  );
}
