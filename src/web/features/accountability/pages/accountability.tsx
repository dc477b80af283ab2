import { type ReactNode, useRef, useState } from "react";
import type { Statement } from "../../../../contracts/accountability.ts";
import type { Stance } from "../../../../domain/stance.ts";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useCouple } from "../../couples/api/couple.ts";
import { type StatementDraft, useAccountability } from "../api/accountability.ts";
import { StatementEditor } from "../components/statement-editor.tsx";
import { StatementView } from "../components/statement-view.tsx";
import { leadsWithWriting, newestVersion, splitStatements } from "../statements.ts";
import "../accountability.css";

const EDITOR_ID = "accountability-write";

function OwnStatement({
  mine,
  draft,
  stance,
  readOnly,
}: {
  mine: Statement | null;
  draft: StatementDraft | null;
  stance: Stance | undefined;
  readOnly: boolean;
}) {
  const latest = newestVersion(mine);
  // Someone who said they were hurt may have something to own too; it waits behind a button.
  const collapsible = latest !== null || stance === "hurt";
  const [open, setOpen] = useState(!collapsible || draft !== null);
  const toggle = useRef<HTMLButtonElement>(null);

  const nextN = (latest?.n ?? 0) + 1;
  const title = latest
    ? "A new version"
    : stance === "hurt"
      ? "A statement of your own"
      : "Your statement";
  const openLabel = draft
    ? "Go on with your working copy"
    : latest
      ? `Write version ${nextN}`
      : "Write a statement of your own";

  return (
    <>
      {mine ? (
        <Card title="Your statement">
          <StatementView statement={mine} idBase="mine" readOnly={readOnly} />
        </Card>
      ) : null}
      <Card title={title}>
        {collapsible ? (
          <>
            <p className="muted">
              {latest
                ? "When there is more to say, or something to say better, a new version keeps the earlier ones as they were."
                : "If there is something you want to own as well, you can write it here. It stays private until you choose to share it."}
            </p>
            <button
              ref={toggle}
              type="button"
              className={`button ${open ? "button--quiet" : "button--secondary"}`}
              aria-expanded={open}
              aria-controls={EDITOR_ID}
              onClick={() => setOpen(!open)}
            >
              {open ? "Close the editor" : openLabel}
            </button>
          </>
        ) : null}
        <div id={EDITOR_ID} hidden={collapsible && !open} className="accountability-write">
          <StatementEditor
            draft={draft}
            latest={latest}
            readOnly={readOnly}
            onShared={() => {
              setOpen(false);
              // The shared version now shows above; the way back to writing is the button.
              window.requestAnimationFrame(() => toggle.current?.focus());
            }}
          />
        </div>
      </Card>
    </>
  );
}

function PartnerStatement({
  statement,
  readOnly,
}: {
  statement: Statement | null;
  readOnly: boolean;
}) {
  const people = usePeople();
  const name = people.partner ? people.partnerName : "Your partner";
  return (
    <Card title={`${name}'s statement`}>
      {statement ? (
        <StatementView statement={statement} idBase="partner" readOnly={readOnly} />
      ) : (
        <EmptyState title="Nothing shared here yet">
          <p>
            A statement {name} shares appears here, version by version. You can then say whether it
            leaves you feeling heard, and what is still missing.
          </p>
        </EmptyState>
      )}
    </Card>
  );
}

export function AccountabilityPage() {
  const people = usePeople();
  const overview = useAccountability();
  const couple = useCouple();
  const readOnly = people.individualMode;

  const intro = (
    <p>
      A statement in plain words of what happened, the impact it had, and what kept its writer from
      speaking up. It is written privately, shared when its writer is ready, and answered by the
      other partner. Either of you can write one.
    </p>
  );

  let content: ReactNode;
  if (overview.isPending || couple.isPending) {
    content = <Loading label="Loading statements…" />;
  } else if (overview.isError) {
    content = <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  } else {
    const stance = couple.data?.me.stance;
    const { mine, partners } = splitStatements(overview.data.statements);
    const own = (
      <OwnStatement
        key="own"
        mine={mine}
        draft={overview.data.draft}
        stance={stance}
        readOnly={readOnly}
      />
    );
    const showPartner = partners !== null || (people.partner !== null && stance !== "broke-trust");
    const theirs = showPartner ? (
      <PartnerStatement key="partner" statement={partners} readOnly={readOnly} />
    ) : null;
    content = leadsWithWriting(stance) ? [own, theirs] : [theirs, own];
  }

  return (
    <Page heading="Accountability statement" title="Accountability" intro={intro}>
      {content}
    </Page>
  );
}
