/**
 * Shown while the password becomes keys (about a second on a phone, in a worker): the page
 * stays alive and says what is happening, so nobody thinks it froze.
 */
export function UnlockingStatus({ text = "Unlocking your private space…" }: { text?: string }) {
  return (
    <div className="unlocking" role="status" aria-live="polite">
      <span className="unlocking__bar" aria-hidden="true" />
      <p className="small">{text}</p>
    </div>
  );
}
