import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import { openInviteLink, secretFromFragment } from "../../../client/session.ts";
import type { Stance } from "../../../domain/stance.ts";
import { forgetSession, useLogout } from "../../features/account/api/auth.ts";
import { useMe } from "../../features/account/api/me.ts";
import { useSendsMail } from "../../features/account/api/sends-mail.ts";
import { SignInForm } from "../../features/account/components/sign-in-form.tsx";
import { SignUpAddressForm } from "../../features/account/components/sign-up-address-form.tsx";
import { SignUpForm } from "../../features/account/components/sign-up-form.tsx";
import { useAcceptInvite, useInvitePreview } from "../../features/couples/api/couple.ts";
import {
  keepInviteSecret,
  recallInviteSecret,
} from "../../features/couples/api/invite-secret-memory.ts";
import { StanceFieldset } from "../../features/couples/components/stance-fieldset.tsx";
import { isApiError } from "../../ui/api-client.ts";
import { Button, ButtonLink } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ErrorSummary } from "../../ui/error-summary.tsx";
import { formatDate } from "../../ui/format.ts";
import { Page } from "../../ui/page.tsx";
import { ErrorState, Loading } from "../../ui/query-state.tsx";
import { useToast } from "../../ui/toast.tsx";

function LinkNotWorking() {
  return (
    <Page heading="This invite link doesn't work any more" title="Invite" width="narrow">
      <p>
        Invite links work once, and only for seven days. This one may have been used already, have
        run out, or been replaced by a newer link.
      </p>
      <p>
        If you'd still like to join, ask your partner to make a new link from their Home page in
        Mend, and open the new one.
      </p>
      <div className="actions">
        <ButtonLink to="/" variant="secondary">
          Go to the start page
        </ButtonLink>
      </div>
    </Page>
  );
}

/**
 * Signed out: create an account or sign in here, then continue on this page. With e-mail on, a
 * new account starts with a mailed link that comes back to this invite; its secret waits here.
 */
function JoinSignedOut({
  invitedBy,
  token,
  secret,
}: {
  invitedBy: string;
  token: string;
  secret: string;
}) {
  const [mode, setMode] = useState<"new" | "existing">("new");
  const toast = useToast();
  const sendsMail = useSendsMail();
  useEffect(() => {
    if (sendsMail) keepInviteSecret(token, secret);
  }, [sendsMail, token, secret]);
  return (
    <>
      <Card title="First, your own account">
        <p className="muted">
          Each of you has a separate account, so what you keep private stays yours. You'll come
          straight back here afterwards.
        </p>
        <fieldset className="segmented">
          <legend className="visually-hidden">Do you have an account?</legend>
          <button
            type="button"
            className="segmented__option"
            aria-pressed={mode === "new"}
            onClick={() => setMode("new")}
          >
            I'm new to Mend
          </button>
          <button
            type="button"
            className="segmented__option"
            aria-pressed={mode === "existing"}
            onClick={() => setMode("existing")}
          >
            I already have an account
          </button>
        </fieldset>
        {mode === "new" && sendsMail === undefined ? <Loading /> : null}
        {mode === "new" && sendsMail ? <SignUpAddressForm next={`/join/${token}`} /> : null}
        {mode === "new" && sendsMail === false ? (
          <SignUpForm onSuccess={() => toast("Your account is ready. One more step below.")} />
        ) : null}
        {mode === "existing" ? (
          <SignInForm onSuccess={() => toast("You're signed in. One more step below.")} />
        ) : null}
      </Card>
      <p className="muted small">
        After that you'll choose your own private stance and join {invitedBy}.
      </p>
    </>
  );
}

/**
 * The link arrived without the part after `#k=`, or with one that does not open its box (some
 * apps cut links short): without it nothing the couple shares could be read, so say so plainly.
 */
function LinkWithoutKey() {
  return (
    <Page heading="This invite link arrived incomplete" title="Invite" width="narrow">
      <p>
        An invite link ends with a long private part after <code>#k=</code>. It holds the key to
        what you and your partner will share, and it never reaches our server. This link came
        without it, or with only a piece of it, so it can't be used.
      </p>
      <p>
        This often happens when a message app shortens a link. Ask your partner to copy the link
        again from Mend, all the way to the end, and to send it as it is. The old link keeps working
        once the whole of it arrives.
      </p>
      <div className="actions">
        <ButtonLink to="/" variant="secondary">
          Go to the start page
        </ButtonLink>
      </div>
    </Page>
  );
}

function JoinAccept({
  accept,
  invitedBy,
  onAccept,
}: {
  accept: ReturnType<typeof useAcceptInvite>;
  invitedBy: string;
  onAccept: (stance: Stance) => void;
}) {
  const [stance, setStance] = useState<Stance | null>(null);
  const [missing, setMissing] = useState(false);
  if (accept.error && isApiError(accept.error) && accept.error.status === 404) {
    return <LinkNotWorking />;
  }
  const message = "Choose the answer closest to how you see it.";
  const errors = [
    ...(missing ? [{ fieldId: "stance-broke-trust", message }] : []),
    ...(accept.error ? [{ message: accept.error.message }] : []),
  ];
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!stance) {
          setMissing(true);
          return;
        }
        onAccept(stance);
      }}
    >
      <ErrorSummary errors={errors} />
      <StanceFieldset
        value={stance}
        onChange={(value) => {
          setStance(value);
          setMissing(false);
        }}
        error={missing ? message : undefined}
        disabled={accept.isPending}
      />
      <div className="actions">
        <Button type="submit" busy={accept.isPending}>
          Join {invitedBy}
        </Button>
      </div>
    </form>
  );
}

function AlreadyInCouple() {
  const logout = useLogout();
  const queryClient = useQueryClient();
  return (
    <Card title="You're already in a couple" tone="attention">
      <p>
        This account is already part of a couple in Mend, so it can't join another one. If this is
        the link you made for your partner, send it to them: it's meant to be opened on their own
        device, with their own account.
      </p>
      <div className="actions">
        <ButtonLink to="/">Go to my home</ButtonLink>
        <Button
          variant="secondary"
          busy={logout.isPending}
          onClick={() =>
            void logout
              .mutateAsync()
              .catch(() => undefined)
              .finally(() => forgetSession(queryClient))
          }
        >
          Sign out
        </Button>
      </div>
    </Card>
  );
}

export function JoinPage() {
  const { token = "" } = useParams();
  const preview = useInvitePreview(token);
  const me = useMe();
  const accept = useAcceptInvite(token);
  const navigate = useNavigate();
  // The fragment is all the partner's browser gets of the space key's secret; a whole link
  // pasted over an incomplete one changes only the fragment, so listen for that too.
  // Back from a mailed sign-up link, the secret comes from this browser's memory instead, and is
  // put back in the address so that a reload still finds it.
  const [secret, setSecret] = useState(() => {
    const fromLink = secretFromFragment(window.location.hash);
    if (fromLink) return fromLink;
    const recalled = recallInviteSecret(token);
    if (recalled) window.history.replaceState(window.history.state, "", `#k=${recalled}`);
    return recalled;
  });
  useEffect(() => {
    const read = () => setSecret(secretFromFragment(window.location.hash));
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);
  const box = preview.data ?? null;
  const spaceKey = useQuery({
    queryKey: ["invite-key", token, box?.inviteBox ?? null, secret],
    queryFn: () => (box ? openInviteLink(box, secret) : null),
    enabled: box !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const joined = accept.isSuccess;
  useEffect(() => {
    if (joined) navigate("/", { replace: true });
  }, [joined, navigate]);

  if (preview.isPending || me.isPending || accept.isSuccess) return <Loading />;
  if (preview.isError) {
    return (
      <ErrorState
        title="We couldn't open this invite"
        error={preview.error}
        onRetry={() => void preview.refetch()}
      />
    );
  }
  // Someone already in a couple reopening a link (most often the one they accepted): home.
  if (preview.data === null && me.data?.couple) return <Navigate to="/" replace />;
  if (preview.data === null) return <LinkNotWorking />;
  if (spaceKey.isPending) return <Loading />;
  const key = spaceKey.data ?? null;
  if (!key) return <LinkWithoutKey />;
  const invite = preview.data;

  const { invitedBy, expiresAt } = preview.data;
  return (
    <Page
      heading={`${invitedBy} invited you to Mend`}
      title="Invite"
      width="narrow"
      intro={
        <p>
          Mend is a private space for the two of you to find your way through a hard time, step by
          step. This link works until {formatDate(expiresAt)}.
        </p>
      }
    >
      {!me.data ? (
        <JoinSignedOut invitedBy={invitedBy} token={token} secret={secret ?? ""} />
      ) : me.data.couple ? (
        <AlreadyInCouple />
      ) : (
        <Card title="Where do you stand?">
          <JoinAccept
            accept={accept}
            invitedBy={invitedBy}
            onAccept={(stance) => accept.mutate({ stance, preview: invite, spaceKey: key })}
          />
        </Card>
      )}
      {me.data ? null : (
        <p className="muted small">
          Not sure yet? You can close this page; the link keeps working until it runs out.{" "}
          <Link to="/">What is Mend?</Link>
        </p>
      )}
    </Page>
  );
}
