// What is waiting on a problem besides its status: a request for more time, a ledger review date.
import { useTranslation } from "react-i18next";
import type { ProblemDetailProperties } from "../../api/types.ts";

type Waiting = Pick<ProblemDetailProperties, "status" | "extensionRequest" | "reviewOn">;

export function ProblemNotes({ problem }: { problem: Waiting }) {
  const { t } = useTranslation();
  const request = problem.extensionRequest;
  return (
    <>
      {request && (
        <p className="waiting-note">
          {request.reason
            ? t("rectification.extensionPendingWhy", { days: request.days, reason: request.reason })
            : t("rectification.extensionPending", { days: request.days })}
        </p>
      )}
      {problem.status === "ledger" && problem.reviewOn && (
        <p className="waiting-note">
          {t("rectification.reviewOnValue", { date: problem.reviewOn })}
        </p>
      )}
    </>
  );
}
