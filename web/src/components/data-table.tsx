// A table: one row of column heads, the rows given, and while there are none a row saying so.
import type { ReactNode } from "react";
import { EmptyRow } from "./empty-row.tsx";

type Props = {
  /** The table's class; "table" is the app's usual look. */
  className?: string;
  /** The row shown while the table has no others ("loading", then its words for none). */
  empty?: Parameters<typeof EmptyRow>[0];
  /** The rows. */
  children: ReactNode;
} & (
  | {
      /** The column heads as words; "" for a column without one (e.g. the row's buttons). */
      headings: readonly string[];
    }
  | {
      /** The column heads as cells, for heads that sort or carry a class. */
      head: ReactNode;
    }
);

export function DataTable({ className = "table", empty, children, ...heads }: Props) {
  return (
    <table className={className}>
      <thead>
        <tr>
          {"head" in heads
            ? heads.head
            : heads.headings.map((heading) => <th key={heading}>{heading}</th>)}
        </tr>
      </thead>
      <tbody>
        {children}
        {empty && <EmptyRow {...empty} />}
      </tbody>
    </table>
  );
}
