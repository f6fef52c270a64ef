// What waits for the page's first view (use-idle.ts): a part of its own, so that the count of
// reads under way it watches re-renders only this, not the header or page around it.
import type { ReactNode } from "react";
import { useFirstViewDrawn } from "../use-idle.ts";

export function AfterFirstView({ children }: { children: ReactNode }) {
  return useFirstViewDrawn() ? children : null;
}
