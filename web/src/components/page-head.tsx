// A page's top row: its heading, and beside it the page's links and buttons (exports, imports).
import type { ReactNode } from "react";

export function PageHead({ heading, children }: { heading: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-head">
      <h2>{heading}</h2>
      {children}
    </div>
  );
}
