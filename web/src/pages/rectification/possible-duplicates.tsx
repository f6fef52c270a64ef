// For a coordinator: open problems of the same standard item near this one (可能重复的问题),
// nearest first, each a link; nothing at all when there are none.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { problemQueries } from "../../api/problems.ts";
import { Link } from "../../components/link.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";

export function PossibleDuplicates({ id }: { id: number }) {
  const { t } = useTranslation();
  const duplicates = useQuery(problemQueries.duplicates(id));
  if (!duplicates.data?.length) return null;
  return (
    <section className="possible-duplicates" aria-labelledby="duplicates-heading">
      <h3 id="duplicates-heading" className="first">
        {t("rectification.duplicatesHeading")}
      </h3>
      <p className="form-note">{t("rectification.duplicatesNote")}</p>
      <ul>
        {duplicates.data.map((other) => (
          <li key={other.id}>
            <Link to={`/problems/${other.id}`}>
              #{other.id} {other.description}
            </Link>{" "}
            <StatusBadge status={other.status} />{" "}
            <span className="muted">{t("rectification.distance", { m: other.distanceM })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
