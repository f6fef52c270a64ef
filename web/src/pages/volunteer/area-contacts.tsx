// Who to call about my grids: the lead hospital and the grid leader, with numbers that dial.
import { useTranslation } from "react-i18next";
import type { MyArea } from "../../api/volunteers.ts";
import { PhoneLink } from "../../components/phone-link.tsx";

export function AreaContacts({ area }: { area: MyArea }) {
  const { t } = useTranslation();
  const { grids, points, problems } = area;
  if (!grids.features.length) return <p className="muted">{t("volunteer.area.none")}</p>;
  return (
    <section className="area-contacts">
      {grids.features.map(({ properties: grid }) => (
        <div key={grid.id} className="area-grid">
          <h2>
            {grid.name} <small>{grid.code}</small>
          </h2>
          <p className="muted">{grid.communityName}</p>
          <dl>
            <dt>{t("volunteer.area.leadUnit")}</dt>
            <dd>
              {grid.leadUnit?.name ?? "—"}{" "}
              {grid.leadUnit?.phone && <PhoneLink number={grid.leadUnit.phone} />}
            </dd>
            <dt>{t("volunteer.area.leader")}</dt>
            <dd>
              {grid.leader?.name ?? "—"}{" "}
              {grid.leader?.mobile && <PhoneLink number={grid.leader.mobile} />}
            </dd>
          </dl>
        </div>
      ))}
      <p className="area-counts">
        {t("volunteer.area.counts", {
          points: points.features.length,
          problems: problems.features.length,
        })}
      </p>
    </section>
  );
}
