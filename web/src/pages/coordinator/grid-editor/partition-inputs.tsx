// What the automatic partition is asked for: N grids or an area per grid, and the weight.
import { useTranslation } from "react-i18next";
import type { PartitionWeight } from "../../../api/communities.ts";

export interface PartitionInput {
  by: "count" | "area";
  count: number;
  targetAreaM2: number;
  weight: PartitionWeight;
}

interface Props {
  value: PartitionInput;
  max: number;
  onChange: (value: PartitionInput) => void;
}

export function PartitionInputs({ value, max, onChange }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<PartitionInput>) => onChange({ ...value, ...change });
  return (
    <>
      <fieldset className="choice-row">
        <legend>{t("editor.partitionBy")}</legend>
        {(["count", "area"] as const).map((by) => (
          <label key={by}>
            <input
              type="radio"
              name="partition-by"
              checked={value.by === by}
              onChange={() => set({ by })}
            />
            {t(`editor.partitionBy_${by}`)}
          </label>
        ))}
      </fieldset>
      {value.by === "count" ? (
        <div className="stepper">
          <button
            type="button"
            aria-label={t("editor.fewer")}
            disabled={value.count <= 1}
            onClick={() => set({ count: value.count - 1 })}
          >
            −
          </button>
          <input
            type="number"
            min={1}
            max={max}
            aria-label={t("editor.partitionCount")}
            value={value.count}
            onChange={(event) => set({ count: Number(event.target.value) })}
          />
          <button
            type="button"
            aria-label={t("editor.more")}
            disabled={value.count >= max}
            onClick={() => set({ count: value.count + 1 })}
          >
            +
          </button>
        </div>
      ) : (
        <label className="form-field">
          <span>{t("editor.partitionTarget")}</span>
          <input
            type="number"
            min={1}
            step={1000}
            value={value.targetAreaM2}
            onChange={(event) => set({ targetAreaM2: Number(event.target.value) })}
          />
        </label>
      )}
      <label className="form-field">
        <span>{t("editor.partitionWeight")}</span>
        <select
          value={value.weight}
          onChange={(event) => set({ weight: event.target.value as PartitionWeight })}
        >
          <option value="area">{t("editor.weight_area")}</option>
          <option value="points">{t("editor.weight_points")}</option>
        </select>
      </label>
    </>
  );
}
