import { failureWords } from "../api/promises.ts";

/** A step that did not go through, said in the server's own words where it gave some. */
export function Failure({
  error,
  title = "That didn't go through",
}: {
  error: unknown;
  title?: string;
}) {
  return (
    <div className="error-state promises-failure" role="alert">
      <p className="error-state__title">{title}</p>
      <p>{failureWords(error)}</p>
    </div>
  );
}
