// One checkbox per layer family.
import { useTranslation } from "react-i18next";
import type { LayerFamily } from "../map/layers/index.ts";

interface Props {
  families: readonly LayerFamily[];
  visible: Record<LayerFamily, boolean>;
  onChange: (family: LayerFamily, visible: boolean) => void;
  open: boolean;
}

export function LayerToggles({ families, visible, onChange, open }: Props) {
  const { t } = useTranslation();
  return (
    <details className="map-box" open={open}>
      <summary>{t("layers.title")}</summary>
      <ul className="layer-toggles">
        {families.map((family) => (
          <li key={family}>
            <label>
              <input
                type="checkbox"
                checked={visible[family]}
                onChange={(event) => onChange(family, event.target.checked)}
              />
              {t(`layers.${family}`)}
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}
