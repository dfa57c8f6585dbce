/** Two overlapping frames: a picture and its twin. */
export function Logo({ size = 24 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <rect width="24" height="24" rx="6" fill="currentColor" />
      <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="#fff" strokeWidth="1.8" />
      <rect
        x="10"
        y="10"
        width="9"
        height="9"
        rx="1.5"
        fill="none"
        stroke="#fff"
        strokeWidth="1.8"
      />
    </svg>
  );
}
