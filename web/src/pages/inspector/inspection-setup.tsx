// The inspection's kind (自查, 明查, 暗访, 模拟测评, 督导) and the standard it is scored against.
import { useTranslation } from "react-i18next";
import {
  type InspectionKind,
  inspectionKinds,
  type StandardSummary,
} from "../../api/inspections.ts";
import { RadioChoices } from "../../components/radio-choices.tsx";

interface Props {
  kind: InspectionKind;
  onKind: (kind: InspectionKind) => void;
  standards: readonly StandardSummary[];
  standardId: number | null;
  onStandard: (id: number) => void;
}

export function InspectionSetup({ kind, onKind, standards, standardId, onStandard }: Props) {
  const { t } = useTranslation();
  return (
    <section className="inspect-section">
      <fieldset className="segmented">
        <legend>{t("inspect.kind")}</legend>
        <RadioChoices
          name="kind"
          choices={inspectionKinds}
          labelOf={(value) => t(`inspect.kinds.${value}`)}
          state={[kind, onKind]}
          chosenClass="on"
        />
      </fieldset>
      <label className="inspect-standard">
        <span>{t("inspect.standard")}</span>
        <select
          value={standardId ?? ""}
          onChange={(event) => onStandard(Number(event.target.value))}
        >
          {standards.map((standard) => (
            <option key={standard.id} value={standard.id}>
              {t("inspect.standardOption", {
                name: standard.name,
                version: standard.version,
                count: standard.itemCount,
              })}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
