// One problem, to act on: what and where, the photos before and after side by side, the steps the
// signed-in user may take now, and the history of every step.
import { useQuery } from "@tanstack/react-query";
import { lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import { can, type Me } from "../../api/auth.ts";
import { queries } from "../../api/queries.ts";
import { PageWaiting } from "../../components/error-banner.tsx";
import { Link } from "../../components/link.tsx";
import { LazyPart } from "../../components/page-error-boundary.tsx";
import { PhotoCompare } from "../../components/photo-compare.tsx";
import { ProblemFacts } from "../../components/problem-details.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { StatusTimeline } from "../../components/status-timeline.tsx";
import { PossibleDuplicates } from "./possible-duplicates.tsx";
import { ProblemNotes } from "./problem-notes.tsx";
import { StepActions, type StepNotice, StepNoticeBanner } from "./step-actions.tsx";

// The problem's little map (its layers, data hooks, turf) loads after the problem's facts and
// actions are drawn; maplibre follows it (issue 22).
const ProblemMap = lazy(() => import("./problem-map.tsx").then((m) => ({ default: m.ProblemMap })));

interface Props {
  me: Me;
  id: number;
  basemapUrl: string | null | undefined;
}

/** Back to the list this user works from. */
function backLink(me: Me): { to: string; label: string } {
  if (can(me, "problems.dispatch")) return { to: "/problems", label: "nav.problems" };
  if (can(me, "rectification.submit")) return { to: "/inbox", label: "nav.inbox" };
  return { to: "/", label: "nav.backToMap" };
}

export function ProblemPage({ me, id, basemapUrl }: Props) {
  const { t } = useTranslation();
  const problem = useQuery(queries.problem(id));
  const [notice, setNotice] = useState<StepNotice | null>(null);
  const back = backLink(me);

  if (problem.error || !problem.data) return <PageWaiting query={problem} />;
  const { properties, geometry } = problem.data;

  return (
    <div className="page problem-page">
      <div className="page-head">
        <Link to={back.to} className="back-link">
          ← {t(back.label)}
        </Link>
        <h2>
          {t("rectification.problemHeading", { id })} <StatusBadge status={properties.status} />
          {properties.overdue && <span className="overdue-tag">{t("problem.overdue")}</span>}
        </h2>
      </div>
      <StepNoticeBanner notice={notice} />
      {can(me, "problems.dispatch") && <PossibleDuplicates id={id} />}
      <div className="problem-columns">
        <section className="problem-card">
          <p className="description">{properties.description}</p>
          <ProblemNotes problem={properties} />
          <ProblemFacts problem={properties} />
          <LazyPart fallback={<div className="problem-map" />}>
            <ProblemMap problem={properties} location={geometry} basemapUrl={basemapUrl} />
          </LazyPart>
        </section>
        <section className="problem-card">
          <h3 className="first">{t("rectification.actionsHeading")}</h3>
          <StepActions me={me} problem={properties} onNotice={setNotice} sayWhenNone />
          <h3>{t("photos.heading")}</h3>
          <PhotoCompare photos={properties.photos} />
          <h3>{t("problem.history")}</h3>
          <StatusTimeline events={properties.events} escalations={properties.escalations} />
        </section>
      </div>
    </div>
  );
}
