import { useEffect, useId, useState } from "react";
import { Button } from "../../../ui/button.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { holdForRecoveryCode } from "../api/me.ts";

/** Offers the code as a small text file the person can keep. */
function download(code: string, email: string) {
  const text = [
    "Mend recovery code",
    "",
    `For: ${email}`,
    `Code: ${code}`,
    "",
    "With this code you can choose a new password if you forget yours, and keep your private",
    "words. Keep it somewhere only you can reach. Anyone with it and your e-mail address could",
    "reset your password.",
    "",
  ].join("\n");
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = "mend-recovery-code.txt";
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The recovery code, shown once: what it is for, what losing it costs, ways to keep it, and a
 * plain confirmation before going on.
 */
export function RecoveryCode({
  code,
  email,
  onDone,
  doneLabel = "Continue",
}: {
  code: string;
  email: string;
  onDone: () => void;
  doneLabel?: string;
}) {
  const [kept, setKept] = useState(false);
  // Leaving the code by any way but "Continue" (a link, the logo) must not leave the app on hold.
  useEffect(() => () => holdForRecoveryCode(false), []);
  const [copied, setCopied] = useState("");
  const checkId = `kept${useId().replace(/:/g, "")}`;
  return (
    <section className="stack recovery-code" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">Keep your recovery code</h2>
      <p>
        Everything you write in Mend is locked on your device before it is sent, so not even the
        people who run Mend can read it. That also means nobody can unlock it for you.
      </p>
      <p>
        <strong>
          If you forget your password, this code is the only way back to your private words.
        </strong>{" "}
        Without it, you could still sign in again with help from whoever runs Mend, but what you
        kept private would stay locked for good.
      </p>
      <p className="recovery-code__value">
        <span className="visually-hidden">Your recovery code: </span>
        <code>{code}</code>
      </p>
      <div className="actions">
        <Button
          variant="secondary"
          onClick={() =>
            navigator.clipboard.writeText(code).then(
              () => setCopied("Copied. Paste it somewhere only you can reach."),
              () => setCopied("Your browser didn't allow copying. Write the code down instead."),
            )
          }
        >
          Copy
        </Button>
        <Button variant="secondary" onClick={() => download(code, email)}>
          Download
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          Print
        </Button>
      </div>
      <LiveStatus message={copied} />
      <p className="small">
        A password manager, a printed page in a drawer, or a note only you can open are all good
        places. You will see this code only now.
      </p>
      <div className="check">
        <input
          id={checkId}
          type="checkbox"
          checked={kept}
          onChange={(event) => setKept(event.target.checked)}
        />
        <label htmlFor={checkId}>I have kept my recovery code somewhere safe.</label>
      </div>
      <div className="actions">
        <Button disabled={!kept} onClick={onDone}>
          {doneLabel}
        </Button>
      </div>
    </section>
  );
}
