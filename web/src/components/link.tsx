// A link inside the app: a real <a href> (open in new tab works), navigated without reloading.
import type { MouseEvent, ReactNode } from "react";
import { navigate, useLocation } from "../router.ts";

interface Props {
  to: string;
  children: ReactNode;
  className?: string;
  onNavigate?: () => void;
}

export function Link({ to, children, className, onNavigate }: Props) {
  const { path } = useLocation();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const plainClick =
      event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    if (!plainClick) return;
    event.preventDefault();
    navigate(to);
    onNavigate?.();
  };
  return (
    <a
      href={to}
      className={className}
      aria-current={path === to ? "page" : undefined}
      onClick={onClick}
    >
      {children}
    </a>
  );
}
