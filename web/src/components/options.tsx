// A drop-down's choices, one <option> an item: what is sent (its value) and what is read (its label).
import type { ReactNode } from "react";

interface Props<T> {
  items: readonly T[] | undefined;
  label: (item: T) => ReactNode;
  /** What the option sends; the item itself (a word or a number) when not given. */
  value?: (item: T) => string | number;
}

export function Options<T>({ items, label, value = (item) => String(item) }: Props<T>) {
  return items?.map((item) => (
    <option key={value(item)} value={value(item)}>
      {label(item)}
    </option>
  ));
}
