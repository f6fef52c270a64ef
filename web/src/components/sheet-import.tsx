// The pieces every .xlsx import form shares (accounts, standards, tasks): the sheet's header row,
// the rules, the picked file, and what was refused — the API's message and each refused row, in
// row order. The forms differ in what else they ask and what a success does, so each keeps its own.
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../api/client.ts";
import { ErrorBanner } from "./error-banner.tsx";

/** The form's picked sheet; an empty pick is sent as is: the API names the problem in the user's
 * language. */
export function pickedSheet(form: FormData): File {
  const file = form.get("file");
  return file instanceof File ? file : new File([], "");
}

/** "row 12" sorts after "row 3"; "file" (the sheet as a whole) comes first. */
const rowNumber = (key: string) => Number(/^row (\d+)$/.exec(key)?.[1] ?? 0);

/** The sheet's header row, in the order the API reads it. */
export function ImportColumns({ columns }: { columns: readonly string[] }) {
  return (
    <p className="import-columns">
      {columns.map((column) => (
        <code key={column}>{column}</code>
      ))}
    </p>
  );
}

/** The rules of a sheet, one per line, from a catalogue key holding a list. */
export function ImportRules({ rulesKey }: { rulesKey: string }) {
  const { t } = useTranslation();
  return (
    <ul className="form-note">
      {(t(rulesKey, { returnObjects: true }) as string[]).map((rule) => (
        <li key={rule}>{rule}</li>
      ))}
    </ul>
  );
}

interface RefusalProps {
  error: Error | null;
  /** Which of the refused fields the list shows; the others are shown by the form's own fields. */
  listed?: (key: string) => boolean;
}

/** Why an upload was refused: the API's message, then each refused row. The messages name their
 * row and column themselves, so only they are shown. */
export function ImportRefusal({ error, listed = () => true }: RefusalProps) {
  const rows = Object.entries(fieldErrors(error))
    .filter(([key]) => listed(key))
    .sort(([a], [b]) => rowNumber(a) - rowNumber(b));
  return (
    <>
      {error && <ErrorBanner message={error.message} />}
      {rows.length > 0 && (
        <ul className="import-problems">
          {rows.map(([key, message]) => (
            <li key={key}>{message}</li>
          ))}
        </ul>
      )}
    </>
  );
}
