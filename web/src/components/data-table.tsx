// A table with one row of plain column heads and the rows given.
import type { ReactNode } from "react";

interface Props {
  /** The column heads; "" for a column without one (e.g. the row's buttons). */
  headings: readonly string[];
  /** The table's class; "table" is the app's usual look. */
  className?: string;
  /** The rows. */
  children: ReactNode;
}

export function DataTable({ headings, className = "table", children }: Props) {
  return (
    <table className={className}>
      <thead>
        <tr>
          {headings.map((heading) => (
            <th key={heading}>{heading}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
