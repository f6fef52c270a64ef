// How much of something (an upload) is done, as a bar and a percentage.
interface Props {
  /** 0…1 */
  value: number;
  label: string;
}

export function ProgressBar({ value, label }: Props) {
  const percent = Math.round(value * 100);
  return (
    <div className="progress">
      <progress value={value} max={1} aria-label={label} />
      <span>{percent}%</span>
    </div>
  );
}
