// A phone number that dials on a phone; a masked one (138****1234, personal information the
// caller may not see whole) is shown as it is, with nothing to dial.
// No number on record shows nothing.
export function PhoneLink({ number }: { number: string | null }) {
  if (!number) return null;
  if (number.includes("*")) return <span className="phone">{number}</span>;
  return (
    <a className="phone" href={`tel:${number.replace(/[^\d+]/g, "")}`}>
      {number}
    </a>
  );
}
