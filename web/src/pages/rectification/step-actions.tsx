// The buttons for the steps the signed-in user may take on a problem now; each opens its form,
// except `quick` ones that need nothing more and are taken at once.
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../../api/auth.ts";
import type { StepAction } from "../../api/problems.ts";
import type { ProblemDetailProperties } from "../../api/types.ts";
import { Dialog } from "../../components/dialog.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { SuccessNote } from "../../components/submit-buttons.tsx";
import { joinSentences } from "../../format.ts";
import { allowedActions } from "./allowed-actions.ts";
import { isConflict, useProblemStep } from "./use-problem-step.ts";

// A step's form (photos, units, the deadline's working days) loads when an action is chosen:
// the problem's page draws without it (issue 22).
const StepForm = lazy(() => import("./step-form.tsx").then((m) => ({ default: m.StepForm })));

/** What became of a step, for the page to show above everything else. */
export interface StepNotice {
  kind: "success" | "conflict" | "error";
  message: string;
}

type ActionableProblem = Pick<
  ProblemDetailProperties,
  "id" | "version" | "status" | "unitId" | "extensionRequest" | "severity"
>;

interface Props {
  me: Me;
  problem: ActionableProblem;
  onNotice: (notice: StepNotice) => void;
  /** Steps taken with one tap, without a form (e.g. start in the unit's inbox). */
  quick?: readonly StepAction[];
  /** Only these steps, when a list has room for a few. */
  only?: readonly StepAction[];
  /** Say so when there is nothing to do, rather than show nothing. */
  sayWhenNone?: boolean;
}

/** The step that moves the problem on is the primary button; the rest are plain. */
const forward: readonly StepAction[] = ["dispatch", "start", "submit", "close", "reopen"];

export function StepActions(props: Props) {
  const { me, problem, onNotice, quick = [], only, sayWhenNone = false } = props;
  const { t } = useTranslation();
  const [open, setOpen] = useState<StepAction | null>(null);
  const step = useProblemStep(problem.id);
  const actions = allowedActions(me, problem).filter((action) => !only || only.includes(action));
  if (!actions.length)
    return sayWhenNone ? <p className="muted">{t("rectification.noActions")}</p> : null;

  const takeAtOnce = (action: StepAction) =>
    step.mutate(
      { action, version: problem.version },
      {
        onSuccess: () =>
          onNotice({
            kind: "success",
            message: t("rectification.done", { action: t(`step.${action}`) }),
          }),
        onError: (error) =>
          onNotice({ kind: isConflict(error) ? "conflict" : "error", message: error.message }),
      },
    );

  return (
    <div className="step-actions">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={forward.includes(action) ? "primary" : undefined}
          disabled={step.isPending}
          onClick={() => (quick.includes(action) ? takeAtOnce(action) : setOpen(action))}
        >
          {t(`step.${action}`)}
        </button>
      ))}
      {open && (
        <Dialog
          heading={t("rectification.stepHeading", { action: t(`step.${open}`), id: problem.id })}
          onClose={() => setOpen(null)}
        >
          <Suspense fallback={<p className="muted">{t("app.loading")}</p>}>
            <StepForm
              problem={problem}
              action={open}
              onCancel={() => setOpen(null)}
              onDone={(message) => {
                setOpen(null);
                onNotice({ kind: "success", message });
              }}
              onConflict={(message) => {
                setOpen(null);
                onNotice({ kind: "conflict", message });
              }}
            />
          </Suspense>
        </Dialog>
      )}
    </div>
  );
}

/** The last step's outcome: a green note, or the API's message in red. */
export function StepNoticeBanner({ notice }: { notice: StepNotice | null }) {
  const { t, i18n } = useTranslation();
  if (!notice) return null;
  if (notice.kind === "success") return <SuccessNote>{notice.message}</SuccessNote>;
  // Someone else acted first: the problem has been read again, so the page is now current.
  const reloaded = notice.kind === "conflict" ? t("rectification.reloaded") : "";
  return <ErrorBanner message={joinSentences(i18n.language, notice.message, reloaded)} />;
}
