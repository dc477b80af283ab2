import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { ProposeTherapistBody } from "../../../../contracts/therapists.ts";
import { liveLink } from "../../../../domain/therapist-links.ts";
import { Button } from "../../../ui/button.tsx";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { formatDate } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { LiveStatus, Notice } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import type { CoupleViewData } from "../../couples/api/couple.ts";
import {
  isNoSuchTherapist,
  type TherapistLink,
  useConsentTherapist,
  useEndLink,
  useGrantTherapist,
  useProposeTherapist,
  useRotateSpaceKey,
  useTherapistLinks,
  useUnlinkTherapist,
} from "../api/therapists.ts";
import { type LinkStep, linkStep } from "../links.ts";
import { Fingerprint } from "./fingerprint.tsx";
import "../therapists.css";

type Partner = CoupleViewData["partners"][number];

/**
 * The couple's therapist in Mend: one partner proposes by e-mail, the other consents, the
 * therapist accepts, and then each partner lets them in only after comparing the therapist's
 * key fingerprint in person. Either partner ends it at once; the key then changes for the two.
 */
export function YourTherapist({ couple }: { couple: CoupleViewData }) {
  const people = usePeople();
  const links = useTherapistLinks();
  const partner = couple.partners.find((p) => p.id !== couple.me.id) ?? null;
  // Set when an unlink went through but the new key could not be made yet (e.g. offline).
  const [rotationOwed, setRotationOwed] = useState(false);
  const unlink = useUnlinkTherapist();
  const [ended, setEnded] = useState("");
  const link = links.data ? liveLink(links.data.links) : null;
  const step = linkStep(link, couple.me.id, couple.keys.version);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lastStep = useRef<LinkStep["kind"] | null>(null);

  const loaded = links.isSuccess;
  useEffect(() => {
    // After a step moves on, the reader lands on where things stand now; not on first load.
    if (!loaded) return;
    if (lastStep.current !== null && lastStep.current !== step.kind) headingRef.current?.focus();
    lastStep.current = step.kind;
  }, [loaded, step.kind]);

  if (links.isPending) return <Loading />;
  if (links.isError) {
    return <ErrorState error={links.error} onRetry={() => void links.refetch()} />;
  }
  const partnerName = partner?.name ?? people.partnerName;
  return (
    <div className="stack-sm your-therapist">
      <h3 className="your-therapist__status" tabIndex={-1} ref={headingRef}>
        {statusLine(step, link, partnerName)}
      </h3>
      <LiveStatus message={step.kind === "none" ? ended : ""} />
      {rotationOwed || links.data.keyChangeOwed ? (
        <RotateAgain partner={partner} onDone={() => setRotationOwed(false)} />
      ) : null}
      {step.kind === "none" ? (
        <ProposeForm partnerName={partnerName} disabled={people.individualMode || !partner} />
      ) : null}
      {link && step.kind === "proposed-by-me" ? (
        <p>
          You proposed {link.therapist.name} on {formatDate(link.proposedAt)}. {partnerName} sees it
          on this page and can consent or say not now.
        </p>
      ) : null}
      {link && step.kind === "proposed-by-partner" ? (
        <ConsentStep link={link} partnerName={partnerName} />
      ) : null}
      {link && step.kind === "waiting-for-therapist" ? (
        <p>
          You both consented. {link.therapist.name} will see your invitation in their caseload; once
          they accept, each of you can let them in.
        </p>
      ) : null}
      {link && step.kind === "compare-fingerprint" ? (
        // A new therapist or key is a new comparison: nothing ticked carries over.
        <FingerprintStep key={`${link.id}:${link.therapist.publicKey}`} link={link} />
      ) : null}
      {link && step.kind === "active" ? (
        <p>
          {link.therapist.name} can read only what one of you chose to share with them: items set to
          "You, {partnerName} and your therapist", and what you share one by one. Everything else
          stays between the two of you.
        </p>
      ) : null}
      {link && step.kind !== "proposed-by-partner" ? (
        <EndLink
          link={link}
          busy={unlink.isPending}
          onConfirm={() =>
            unlink.mutate(
              { link, partner: partner ? { id: partner.id, publicKey: partner.publicKey } : null },
              {
                onSuccess: ({ rotated }) => {
                  setRotationOwed(!rotated);
                  setEnded(
                    link.status === "proposed"
                      ? `Your proposal of ${link.therapist.name} is withdrawn.`
                      : rotated && link.grantedVersions.length > 0
                        ? `${link.therapist.name} is unlinked, and your couple's key has changed.`
                        : `${link.therapist.name} is unlinked.`,
                  );
                },
              },
            )
          }
        />
      ) : null}
      {unlink.isError ? <ErrorState title="That didn't go through" error={unlink.error} /> : null}
      <p>
        <Link to="/audit">Who saw what</Link>: every link, consent, key and read by a therapist, in
        order.
      </p>
    </div>
  );
}

function statusLine(step: LinkStep, link: TherapistLink | null, partnerName: string): string {
  const name = link?.therapist.name ?? "";
  switch (step.kind) {
    case "none":
      return "No therapist is linked";
    case "proposed-by-me":
      return `You proposed ${name}: waiting for ${partnerName} to consent`;
    case "proposed-by-partner":
      return `${partnerName} proposed ${name}`;
    case "waiting-for-therapist":
      return `Both of you consented: waiting for ${name}`;
    case "compare-fingerprint":
      return `${name} accepted: compare their key before letting them in`;
    case "active":
      return `${name} is your therapist`;
  }
}

const FIELD_IDS = { email: "therapist-email" };

function ProposeForm({ partnerName, disabled }: { partnerName: string; disabled: boolean }) {
  const propose = useProposeTherapist();
  const { form, errors, submit, summary, status } = useSchemaForm(ProposeTherapistBody, {
    defaultValues: { email: "" },
    fieldIds: FIELD_IDS,
  });
  // Not a mistake in the form: the therapist may simply not have made their account yet.
  const [notFound, setNotFound] = useState<string | null>(null);
  return (
    <form
      className="form therapist-propose"
      noValidate
      aria-label="Propose a therapist"
      onSubmit={submit(
        async ({ email }) => {
          setNotFound(null);
          const { link } = await propose.mutateAsync(email);
          form.reset({ email: "" });
          return `You proposed ${link.therapist.name}. ${partnerName} can consent now.`;
        },
        (error) => {
          if (!isNoSuchTherapist(error)) return undefined;
          setNotFound(form.getValues("email"));
          return [];
        },
      )}
    >
      <p>
        If you work with a couples therapist, you can invite them into Mend. They see only what
        either of you chooses to share with them, and either of you can end it at any time.
        {disabled
          ? ` This needs ${partnerName} in your space, and couple features on for you.`
          : ""}
      </p>
      <ErrorSummary errors={summary} />
      <TextField
        id={FIELD_IDS.email}
        label="Your therapist's e-mail"
        hint={`The address they use for Mend. ${partnerName} will be asked to consent.`}
        type="email"
        autoComplete="off"
        disabled={disabled}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <div className="actions">
        <Button type="submit" busy={propose.isPending} disabled={disabled}>
          Propose this therapist
        </Button>
      </div>
      <div role="status">
        {notFound ? (
          <Notice title={`No therapist in Mend has the address ${notFound} yet`}>
            <p>
              Check the address with them. They make their account through a link from whoever runs
              this Mend, and then you can propose them here.
            </p>
          </Notice>
        ) : null}
      </div>
      <LiveStatus message={status} />
    </form>
  );
}

function ConsentStep({ link, partnerName }: { link: TherapistLink; partnerName: string }) {
  const consent = useConsentTherapist();
  const end = useEndLink();
  return (
    <div className="stack-sm">
      <p>
        {partnerName} would like {link.therapist.name} to walk beside you in Mend. If you consent
        and they accept, they can read only what one of you chooses to share with them. You can end
        it at any time.
      </p>
      <div className="actions">
        <Button
          busy={consent.isPending}
          disabled={end.isPending}
          onClick={() => consent.mutate(link.id)}
        >
          Consent
        </Button>
        <Button
          variant="secondary"
          busy={end.isPending}
          disabled={consent.isPending}
          onClick={() => end.mutate(link.id)}
        >
          Not now
        </Button>
      </div>
      {consent.isError || end.isError ? (
        <ErrorState title="That didn't go through" error={consent.error ?? end.error} />
      ) : null}
    </div>
  );
}

function FingerprintStep({ link }: { link: TherapistLink }) {
  const grant = useGrantTherapist();
  const [matches, setMatches] = useState(false);
  const checkId = `fp${useId().replace(/:/g, "")}`;
  const name = link.therapist.name;
  return (
    <div className="stack-sm">
      <p>
        {link.grantedVersions.length > 0
          ? `Your couple's key changed since you last let ${name} in. `
          : ""}
        Before {name} can read anything, compare this code with the one {name} shows you in their
        Mend, in person or on a video call you trust. If they are the same, the key is really
        theirs.
      </p>
      <Fingerprint publicKey={link.therapist.publicKey} label={`${name}'s key fingerprint`} />
      <div className="check">
        <input
          id={checkId}
          type="checkbox"
          checked={matches}
          onChange={(event) => setMatches(event.target.checked)}
        />
        <label htmlFor={checkId}>It matches what {name} showed me</label>
      </div>
      <div className="actions">
        <Button disabled={!matches} busy={grant.isPending} onClick={() => grant.mutate(link)}>
          Let {name} in
        </Button>
      </div>
      <p className="muted">
        If the codes differ, don't let them in: ask {name} to check with whoever runs this Mend.
      </p>
      {grant.isError ? <ErrorState title="That didn't go through" error={grant.error} /> : null}
    </div>
  );
}

function EndLink({
  link,
  busy,
  onConfirm,
}: {
  link: TherapistLink;
  busy: boolean;
  onConfirm: () => void;
}) {
  const name = link.therapist.name;
  const proposed = link.status === "proposed";
  return (
    <ConfirmInline
      label={proposed ? "Withdraw this proposal" : `Unlink ${name}`}
      question={
        proposed
          ? `Withdraw the proposal of ${name}?`
          : `Unlink ${name}? They lose access at once, and your couple's key changes so that nothing new opens for them.`
      }
      confirmLabel={proposed ? "Yes, withdraw" : `Yes, unlink ${name}`}
      variant="secondary"
      busy={busy}
      onConfirm={onConfirm}
    />
  );
}

/** The unlink held, the new key did not: the server keeps the therapist out meanwhile. */
function RotateAgain({ partner, onDone }: { partner: Partner | null; onDone: () => void }) {
  const rotate = useRotateSpaceKey();
  return (
    <Notice tone="warning" title="Your couple's key hasn't changed yet">
      <p>
        The therapist is unlinked and can't reach anything of yours. Changing your couple's key
        didn't go through (perhaps you are offline), so until it does, new items are still sealed
        with the old key.
      </p>
      <div className="actions">
        <Button
          variant="secondary"
          busy={rotate.isPending}
          onClick={() =>
            rotate.mutate(partner ? { id: partner.id, publicKey: partner.publicKey } : null, {
              onSuccess: onDone,
            })
          }
        >
          Change the key again
        </Button>
      </div>
      <LiveStatus
        message={rotate.isError ? "That didn't work either. Try again in a moment." : ""}
      />
    </Notice>
  );
}
