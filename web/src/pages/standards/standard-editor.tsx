// A draft standard edited in place: its name, year and scope, categories and items in order.
// Nothing is sent until 保存, which replaces the draft wholesale; 启用 makes the saved draft the
// standard in force.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, fieldErrors } from "../../api/client.ts";
import {
  type StandardDetail,
  type StandardInput,
  standardsApi,
  useStandardsMutation,
} from "../../api/standards.ts";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { DownloadLink } from "../../components/download-link.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { FormField, InputField } from "../../components/form-field.tsx";
import { CategoryEditor } from "./category-editor.tsx";
import {
  addCategory,
  currentErrors,
  draftInput,
  draftOf,
  draftPoints,
  maxCategories,
  placeErrors,
  type StandardDraft,
  sameInput,
} from "./standard-draft.ts";
import { StandardHeading } from "./standard-heading.tsx";
import { ScopeSelect } from "./standard-labels.tsx";

interface Props {
  standard: StandardDetail;
  /** Called with what to tell the coordinator once the draft is the standard in force. */
  onActivated: (notice: string) => void;
}

/** Errors that belong to no input: shown in a list under the message. */
const placed =
  /^(name|year|scope|category \d+ (name|duplicateRadiusM|items)|item \d+ (title|checklist|points|evidence))$/;

export function StandardEditor({ standard, onActivated }: Props) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(() => draftOf(standard));
  const [draft, setDraft] = useState(saved);
  // The draft as it was sent: the API's field errors are about its rows.
  const [sent, setSent] = useState<StandardDraft>(saved);
  const [confirming, setConfirming] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const save = useStandardsMutation((input: StandardInput) =>
    standardsApi.replace(standard.id, input),
  );
  const activate = useStandardsMutation(standardsApi.activate);
  const dirty = !sameInput(draft, saved);
  const sentErrors = fieldErrors(save.error);
  const errors = currentErrors(sent, draft, placeErrors(sent, sentErrors));
  // A refusal's message stays while some of its fields are still as sent.
  const refused =
    save.error && (Object.keys(sentErrors).length === 0 || Object.keys(errors).length > 0);
  const unplaced = Object.entries(errors).filter(([key]) => !placed.test(key));
  const items = draft.categories.reduce((sum, c) => sum + c.items.length, 0);

  // Leaving the page (reload, close) with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const update = (change: (draft: StandardDraft) => StandardDraft) => {
    setJustSaved(false);
    setDraft(change);
  };
  /** A top field of the draft: its value and its change. */
  const bind = (key: "name" | "year" | "scope") => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) =>
      update((d) => ({ ...d, [key]: e.target.value })),
  });

  const onSave = () => {
    setSent(draft);
    save.mutate(draftInput(draft), {
      onSuccess: (answer) => {
        const next = draftOf(answer);
        setSaved(next);
        setDraft(next);
        setSent(next);
        setJustSaved(true);
      },
    });
  };

  // Not mutate's onSuccess: the answer (now active) replaces this editor before that would run.
  const onActivate = () =>
    activate
      .mutateAsync(standard.id)
      .then(({ retired }) =>
        onActivated(
          retired.length
            ? t("standards.activatedRetired", { count: retired.length })
            : t("standards.activated"),
        ),
      )
      .catch(() => setConfirming(false)); // the error shows under the heading

  return (
    <>
      <StandardHeading
        standard={standard}
        size={{ categories: draft.categories.length, items, points: draftPoints(draft) }}
        note={
          dirty ? (
            <span className="unsaved">{t("standards.unsaved")}</span>
          ) : (
            justSaved && (
              <span className="saved" role="status">
                {t("standards.saved")}
              </span>
            )
          )
        }
      >
        <button
          type="button"
          className="primary"
          disabled={!dirty || save.isPending}
          onClick={onSave}
        >
          {save.isPending ? t("standards.saving") : t("standards.save")}
        </button>
        {dirty && (
          <button
            type="button"
            onClick={() => {
              save.reset();
              update(() => saved);
            }}
          >
            {t("standards.discard")}
          </button>
        )}
        <button
          type="button"
          disabled={dirty}
          title={dirty ? t("standards.saveFirst") : undefined}
          onClick={() => setConfirming(true)}
        >
          {t("standards.activate")}
        </button>
        <DownloadLink href={standardsApi.exportUrl(standard.id)}>
          {t("standards.export")}
        </DownloadLink>
      </StandardHeading>
      {refused && <ErrorBanner message={save.error.message} />}
      {unplaced.length > 0 && (
        <ul className="import-problems">
          {unplaced.map(([key, message]) => (
            <li key={key}>{message}</li>
          ))}
        </ul>
      )}
      {activate.error && <ErrorBanner message={errorText(activate.error)} />}
      <p className="form-note">{t("standards.draftNote")}</p>
      <fieldset className="standard-draft" disabled={save.isPending}>
        <div className="standard-fields">
          <InputField
            label={t("standards.name")}
            error={errors.name}
            className="standard-name"
            {...bind("name")}
          />
          <InputField
            label={t("standards.year")}
            error={errors.year}
            inputMode="numeric"
            {...bind("year")}
          />
          <FormField label={t("standards.scope")} error={errors.scope}>
            {(link) => <ScopeSelect {...link} {...bind("scope")} />}
          </FormField>
        </div>
        {draft.categories.map((category, index) => (
          <CategoryEditor
            key={category.key}
            category={category}
            index={index}
            count={draft.categories.length}
            errors={errors}
            update={update}
          />
        ))}
        <button
          type="button"
          className="add-category"
          disabled={draft.categories.length >= maxCategories}
          onClick={() => update(addCategory)}
        >
          {t("standards.addCategory")}
        </button>
      </fieldset>
      {confirming && (
        <ConfirmDialog
          heading={t("standards.activateHeading")}
          message={t("standards.activateConfirm", {
            name: standard.name,
            version: standard.version,
          })}
          confirmLabel={t("standards.activate")}
          busy={activate.isPending}
          onConfirm={onActivate}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
