/** A small sprout: something that grew, drawn quietly; never a trophy, never a control. */
export function MilestoneMark({ size = "normal" }: { size?: "normal" | "small" }) {
  return (
    <svg
      className={`milestone-mark milestone-mark--${size}`}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
    >
      <path className="milestone-mark__ground" d="M7 26.5h18" />
      <path className="milestone-mark__stem" d="M16 26V14" />
      <path className="milestone-mark__leaf" d="M16 15c0-5 3.5-8 9-8 0 5.5-3.5 8-9 8z" />
      <path className="milestone-mark__leaf" d="M16 19c0-4-3-6.5-7.5-6.5 0 4.5 3 6.5 7.5 6.5z" />
    </svg>
  );
}
