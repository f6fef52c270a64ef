// A drop-down in the header (the "More" pages, one's own account): folded behind its button on a
// wide screen, listed in place inside the phone's folded menu. Escape or a click outside folds it.
import { type ReactNode, useEffect, useRef } from "react";

interface Props {
  id: string;
  className: string;
  label: ReactNode;
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ReactNode;
}

export function HeaderMenu({ id, className, label, open, onToggle, children }: Props) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) onToggle(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onToggle(false);
    document.addEventListener("pointerdown", outside);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("keydown", onKey);
    };
  }, [open, onToggle]);
  return (
    <div className={`header-menu ${className}`} ref={root}>
      <button
        type="button"
        className="header-menu-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => onToggle(!open)}
      >
        {label}
      </button>
      <div id={id} className={open ? "header-menu-list open" : "header-menu-list"}>
        {children}
      </div>
    </div>
  );
}
