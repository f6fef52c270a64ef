// The small × that takes one thing off a list (a photo, a picked unit); its label names the thing.
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" aria-label={label} onClick={onClick}>
      ×
    </button>
  );
}
