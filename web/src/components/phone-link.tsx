// A phone number that dials on a phone.
export function PhoneLink({ number }: { number: string }) {
  return (
    <a className="phone" href={`tel:${number.replace(/[^\d+]/g, "")}`}>
      {number}
    </a>
  );
}
