import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Navigate } from "react-router";
import type { Stance } from "../../../../domain/stance.ts";
import { Button, ButtonLink } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { Page } from "../../../ui/page.tsx";
import { Notice } from "../../../ui/status.tsx";
import { meQueryKey } from "../../account/api/me.ts";
import { type InviteLinkData, useCreateCouple } from "../api/couple.ts";
import { InviteLink } from "../components/invite-link.tsx";
import { StanceFieldset } from "../components/stance-fieldset.tsx";

/** First steps for someone signed in without a couple: their stance, then the invite link. */
export function StartPage({ inCouple }: { inCouple: boolean }) {
  const queryClient = useQueryClient();
  const create = useCreateCouple();
  const [stance, setStance] = useState<Stance | null>(null);
  const [missing, setMissing] = useState(false);
  const [invite, setInvite] = useState<InviteLinkData | null>(null);

  if (invite) {
    return (
      <Page
        heading="Invite your partner"
        width="narrow"
        intro={<p>Your shared space is ready. Now send your partner this link.</p>}
      >
        <Card>
          <InviteLink invite={invite} />
        </Card>
        <Notice title="Take your time">
          <p>
            There's no rush to send it. You can look around first, and make a new link from your
            Home page whenever you're ready.
          </p>
        </Notice>
        <div className="actions">
          <ButtonLink to="/">Go to my home</ButtonLink>
        </div>
      </Page>
    );
  }

  if (inCouple) return <Navigate to="/" replace />;

  const errors = [
    ...(missing
      ? [{ fieldId: "stance-broke-trust", message: "Choose the answer closest to how you see it." }]
      : []),
    ...(create.error ? [{ message: create.error.message }] : []),
  ];

  return (
    <Page
      heading="Where do you stand?"
      width="narrow"
      intro={
        <p>
          Before you invite your partner, one question just for you. There's no wrong answer, and
          you can talk about it together whenever you choose.
        </p>
      }
    >
      <Notice title="Did your partner send you an invite link?">
        <p>
          Then open that link instead: it joins the space your partner started. Start a new one here
          only if you are the first of you two.
        </p>
      </Notice>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!stance) {
            setMissing(true);
            return;
          }
          create.mutate(stance, {
            onSuccess: async (reply) => {
              setInvite(reply.invite);
              await queryClient.refetchQueries({ queryKey: meQueryKey });
            },
          });
        }}
      >
        <ErrorSummary errors={errors} />
        <StanceFieldset
          value={stance}
          onChange={(value) => {
            setStance(value);
            setMissing(false);
          }}
          error={missing ? "Choose the answer closest to how you see it." : undefined}
          disabled={create.isPending}
        />
        <div className="actions">
          <Button type="submit" busy={create.isPending}>
            Continue
          </Button>
        </div>
      </form>
    </Page>
  );
}
