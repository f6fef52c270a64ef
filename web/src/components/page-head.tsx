// A page's top row: its heading, and beside it the page's links and buttons (exports, imports).
import type { ReactNode } from "react";
import { DownloadLink } from "./download-link.tsx";

interface Props {
  heading: ReactNode;
  /** The page's export, if it has one: the last thing in the row. */
  download?: { href: string; label: string };
  children?: ReactNode;
}

export function PageHead({ heading, download, children }: Props) {
  return (
    <div className="page-head">
      <h2>{heading}</h2>
      {children}
      {download && <DownloadLink href={download.href}>{download.label}</DownloadLink>}
    </div>
  );
}
