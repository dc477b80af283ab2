import { useEffect, useId, useState } from "react";
import { Button } from "../../../ui/button.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { holdForRecoveryCode } from "../../account/api/me.ts";
import { inFours } from "../words.ts";
import { SecondFactorForm } from "./second-factor-form.tsx";

export interface TotpSecret {
  secret: string;
  uri: string;
  recoveryCodes: string[];
}

/** The QR code is drawn here, in the browser: the secret never goes to another service. */
function QrCode({ uri }: { uri: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import("qrcode")
      .then((QRCode) => QRCode.toDataURL(uri, { margin: 2, width: 232, errorCorrectionLevel: "M" }))
      .then(
        (url) => live && setSrc(url),
        () => live && setFailed(true),
      );
    return () => {
      live = false;
    };
  }, [uri]);
  if (failed) {
    return <p className="muted">The QR code could not be drawn here. Use the key below instead.</p>;
  }
  if (!src) return <div className="workspace-qr workspace-qr--pending" aria-hidden="true" />;
  return (
    <img
      className="workspace-qr"
      src={src}
      width={232}
      height={232}
      alt="QR code to scan with your authenticator app"
    />
  );
}

function CopyText({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState("");
  return (
    <>
      <Button
        variant="secondary"
        size="small"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setStatus("Copied."),
            () => setStatus("Your browser didn't allow copying. Write it down instead."),
          )
        }
      >
        {label}
      </Button>
      <LiveStatus message={status} />
    </>
  );
}

/**
 * The second factor, set up once: scan (or type) the secret, keep the recovery codes, and
 * prove it works with a first code. Until then the app keeps treating this tab as signed out.
 */
export function TotpSetup({ totp, onDone }: { totp: TotpSecret; onDone: () => void }) {
  useEffect(() => {
    holdForRecoveryCode(true);
    return () => holdForRecoveryCode(false);
  }, []);
  const [kept, setKept] = useState(false);
  const checkId = `codes-kept${useId().replace(/:/g, "")}`;
  return (
    <div className="stack workspace-totp">
      <section className="stack" aria-labelledby="totp-scan-heading">
        <h2 id="totp-scan-heading">Set up your second step</h2>
        <p>
          A therapist's account asks for a second step at every sign-in: a six-digit code from an
          authenticator app on your phone. Couples' words stay out of reach without it.
        </p>
        <ol className="workspace-steps">
          <li>Open your authenticator app and add an account.</li>
          <li>Scan this QR code with it.</li>
        </ol>
        <QrCode uri={totp.uri} />
        <div className="workspace-secret">
          <p>
            Can't scan? Enter this key by hand (time-based, six digits):
            <br />
            <code className="workspace-secret__value">{inFours(totp.secret)}</code>
          </p>
          <CopyText text={totp.secret} label="Copy the key" />
        </div>
      </section>
      <section className="stack" aria-labelledby="totp-codes-heading">
        <h2 id="totp-codes-heading">Keep your recovery codes</h2>
        <p>
          If your phone is lost, each of these codes lets you in once instead of the six digits. You
          will see them only now.
        </p>
        <ul className="workspace-codes" aria-label="Recovery codes">
          {totp.recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <div className="actions">
          <CopyText text={totp.recoveryCodes.join("\n")} label="Copy the recovery codes" />
        </div>
        <div className="check">
          <input
            id={checkId}
            type="checkbox"
            checked={kept}
            onChange={(event) => setKept(event.target.checked)}
          />
          <label htmlFor={checkId}>I have kept my recovery codes somewhere safe.</label>
        </div>
      </section>
      <section className="stack" aria-labelledby="totp-check-heading">
        <h2 id="totp-check-heading">Check that it works</h2>
        {kept ? (
          <SecondFactorForm onDone={onDone} submitLabel="Finish set-up" allowRecoveryCode={false} />
        ) : (
          <p className="muted">Once your recovery codes are kept, type the first code here.</p>
        )}
      </section>
    </div>
  );
}
