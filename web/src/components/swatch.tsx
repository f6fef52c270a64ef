// A small colour sample for legends and badges; `ring` draws the overdue outline.
export interface SwatchProps {
  colour: string;
  shape?: "square" | "circle";
  ring?: string;
}

export function Swatch({ colour, shape = "circle", ring }: SwatchProps) {
  return (
    <span
      className={`swatch swatch-${shape}`}
      style={{
        background: colour,
        borderColor: ring ?? "rgba(0,0,0,0.35)",
        borderWidth: ring ? 3 : undefined,
      }}
      aria-hidden="true"
    />
  );
}
