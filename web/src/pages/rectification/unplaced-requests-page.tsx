// 待定位: citizens' Open311 requests sent with an address but no position. The campaign office
// reads each (address, description, service, when, photo or link), puts it on the map, and it
// becomes a problem routed to the grid and unit there, like any other report.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../api/client.ts";
import {
  usePlaceRequest,
  type WaitingRequest,
  waitingRequestsQuery,
} from "../../api/open311-requests.ts";
import { queries } from "../../api/queries.ts";
import { QueryErrorBanner } from "../../components/error-banner.tsx";
import { Link } from "../../components/link.tsx";
import { PageHead } from "../../components/page-head.tsx";
import { formatDateTime } from "../../format.ts";
import { RequestPlaceMap } from "./request-place-map.tsx";

export function UnplacedRequestsPage({ basemapUrl }: { basemapUrl: string | null | undefined }) {
  const { t } = useTranslation();
  const waiting = useQuery(waitingRequestsQuery);
  const [chosen, setChosen] = useState<number | null>(null);
  const [place, setPlace] = useState<[number, number] | null>(null);
  const [placedId, setPlacedId] = useState<number | null>(null);
  const placing = usePlaceRequest();
  const requests = waiting.data?.requests ?? [];
  const request = requests.find((r) => r.id === chosen) ?? null;

  const choose = (id: number) => {
    setChosen(id);
    setPlace(null);
    placing.reset();
  };
  const confirm = () => {
    if (!request || !place) return;
    placing.mutate(
      { id: request.id, place },
      {
        onSuccess: ({ problemId }) => {
          setPlacedId(problemId);
          setChosen(null);
          setPlace(null);
        },
      },
    );
  };

  return (
    <div className="page unplaced-page">
      <PageHead heading={t("unplaced.heading")}>
        <Link to="/problems">{t("unplaced.toBoard")}</Link>
      </PageHead>
      <p className="muted">{t("unplaced.intro")}</p>
      <QueryErrorBanner query={waiting} />
      {placedId !== null && <PlacedNotice problemId={placedId} />}
      <div className="unplaced-columns">
        <section aria-label={t("unplaced.listHeading")}>
          {waiting.isPending && <p className="muted">{t("app.loading")}</p>}
          {waiting.data && requests.length === 0 && <p className="muted">{t("unplaced.none")}</p>}
          <ol className="unplaced-list">
            {requests.map((r) => (
              <RequestCard key={r.id} request={r} chosen={r.id === chosen} onChoose={choose} />
            ))}
          </ol>
        </section>
        <section className="unplaced-map" aria-label={t("unplaced.mapHeading")}>
          <p className="form-note">
            {request
              ? t("unplaced.mapHint", { address: addressOf(request, t) })
              : t("unplaced.chooseFirst")}
          </p>
          <RequestPlaceMap
            place={place}
            onPlace={(at) => request && setPlace(at)}
            basemapUrl={basemapUrl}
            label={t("unplaced.mapHeading")}
          />
          <p className={place ? "place-chosen" : "muted"}>
            {place
              ? t("unplaced.placeChosen", { lon: place[0].toFixed(6), lat: place[1].toFixed(6) })
              : t("unplaced.noPlace")}
          </p>
          {placing.error && <p className="field-error">{errorText(placing.error)}</p>}
          <button
            type="button"
            className="primary"
            disabled={!request || !place || placing.isPending}
            onClick={confirm}
          >
            {placing.isPending ? t("unplaced.placing") : t("unplaced.place")}
          </button>
        </section>
      </div>
    </div>
  );
}

const addressOf = (r: WaitingRequest, t: (key: string) => string) =>
  r.addressString ?? r.addressId ?? t("unplaced.noAddress");

function RequestCard({
  request: r,
  chosen,
  onChoose,
}: {
  request: WaitingRequest;
  chosen: boolean;
  onChoose: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <li className={chosen ? "unplaced-card chosen" : "unplaced-card"}>
      <strong>{addressOf(r, t)}</strong>
      {r.addressString && r.addressId && (
        <span className="muted">{t("unplaced.addressId", { id: r.addressId })}</span>
      )}
      <p>{r.description}</p>
      <span className="overdue-meta">
        {r.serviceName} · {r.citizenName} ·{" "}
        <time dateTime={r.requestedAt}>{formatDateTime(r.requestedAt, i18n.language)}</time>
      </span>
      {r.photoFileId !== null && (
        <a href={`/api/files/${r.photoFileId}`} target="_blank" rel="noreferrer">
          <img
            className="unplaced-photo"
            src={`/api/files/${r.photoFileId}/thumbnail`}
            alt={t("unplaced.photo")}
          />
        </a>
      )}
      {r.mediaUrl && (
        <a href={r.mediaUrl} target="_blank" rel="noreferrer noopener">
          {t("unplaced.media")}
        </a>
      )}
      <button type="button" aria-pressed={chosen} onClick={() => onChoose(r.id)}>
        {chosen ? t("unplaced.chosen") : t("unplaced.choose")}
      </button>
    </li>
  );
}

/** The request, placed: the problem it became and where it was routed. */
function PlacedNotice({ problemId }: { problemId: number }) {
  const { t } = useTranslation();
  const problem = useQuery(queries.problem(problemId)).data?.properties;
  return (
    <p className="success" role="status">
      {t("unplaced.placed", { id: problemId })}{" "}
      {problem &&
        t("unplaced.routed", {
          grid: problem.gridCode ?? t("unplaced.noGrid"),
          unit: problem.unitName ?? t("rectification.noUnit"),
        })}{" "}
      <Link to={`/problems/${problemId}`}>{t("unplaced.openProblem")}</Link>
    </p>
  );
}
