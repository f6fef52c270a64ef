// An export's link: the file downloads (never opens in place), drawn as a button.
import type { ReactNode } from "react";

export function DownloadLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a className="button-link" href={href} download>
      {children}
    </a>
  );
}
