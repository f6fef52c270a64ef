// A modal dialog (the native <dialog>): Escape and the close button both call onClose.
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  heading: string;
  onClose: () => void;
  children: ReactNode;
}

/** Rendered only while open: the parent mounts it to open and unmounts it to close. */
export function Dialog({ heading, onClose, children }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-label={heading}
      onCancel={(event) => {
        event.preventDefault(); // the parent closes it, so its state stays the truth
        onClose();
      }}
    >
      <header>
        <h2>{heading}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t("panel.close")}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
