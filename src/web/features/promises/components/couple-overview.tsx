import { useMemo } from "react";
import { usePeople } from "../../../ui/people.tsx";
import type { PromiseItem, PromisesData } from "../api/promises.ts";
import { togetherWords } from "../promise-view.ts";
import { BrickWall } from "../wall/brick-wall.tsx";
import { ScoreBar } from "./record.tsx";

/** The couple's wall of every active promise together, and the couple's score in words. */
export function CoupleOverview({
  data,
  active,
}: {
  data: PromisesData;
  active: readonly PromiseItem[];
}) {
  const partner = usePeople().partner?.name ?? "Your partner";
  // In the order they were accepted, the same on both phones: a promise keeps its colour
  // whoever looks, so "the ochre one" means the same to both.
  const wall = useMemo(
    () =>
      [...active]
        .sort(
          (a, b) =>
            (a.acceptedAt ?? "").localeCompare(b.acceptedAt ?? "") || a.id.localeCompare(b.id),
        )
        .map((promise) => ({
          id: promise.id,
          label: `${promise.mine ? "You" : partner}: ${promise.text}`,
          occurrences: promise.occurrences,
        })),
    [active, partner],
  );
  return (
    <div className="promises-overview">
      <p className="promises-overview__words">
        {togetherWords(data.reliability, active, data.today)}
      </p>
      <ScoreBar score={data.reliability} label="Together, the forgiving score" shown="Together" />
      <BrickWall
        promises={wall}
        today={data.today}
        title="Your wall together, every promise you keep"
      />
    </div>
  );
}
