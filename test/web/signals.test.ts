import { describe, expect, it } from "vitest";
import type { Signal, SupportAnswer } from "../../src/web/features/signals/api/signals.ts";
import {
  contactsOf,
  splitSignals,
  standingAnswer,
} from "../../src/web/features/signals/signals.ts";

const NOW = new Date("2027-03-10T12:00:00.000Z");

const signal = (key: Signal["key"], snoozedUntil: string | null): Signal => ({
  key,
  title: key,
  why: "",
  since: "2027-03-01T12:00:00.000Z",
  evidence: [],
  clearsWhen: "",
  snoozedUntil,
  sharedWithTherapist: false,
});

describe("signal cards", () => {
  it("fold a snoozed signal until its day has come, and show it again after", () => {
    const { open, folded } = splitSignals(
      [
        signal("same-argument", null),
        signal("cant-agree", "2027-03-17T12:00:00.000Z"),
        signal("no-calming", "2027-03-10T11:59:59.000Z"),
      ],
      NOW,
    );
    expect(open.map((s) => s.key)).toEqual(["same-argument", "no-calming"]);
    expect(folded.map((s) => s.key)).toEqual(["cant-agree"]);
  });

  it("offer a phone number to call first, then the website", () => {
    expect(
      contactsOf({
        name: "Riverside",
        detail: null,
        url: "https://riverside.example",
        phone: "+49 (30) 123-45",
      }),
    ).toEqual([
      { href: "tel:+493012345", label: "Call +49 (30) 123-45" },
      { href: "https://riverside.example", label: "Visit their website" },
    ]);
    expect(contactsOf({ name: "Someone", detail: "Evenings", url: null, phone: null })).toEqual([]);
  });
});

describe("quick answers", () => {
  const answer = (id: string, kind: SupportAnswer["kind"], at: string): SupportAnswer => ({
    id,
    kind,
    visibility: "private",
    at,
  });

  it("show the newest standing answer of each kind, and none when there is none", () => {
    const answers = [
      answer("old", "pushed-to-move-on", "2027-03-01T10:00:00.000Z"),
      answer("new", "pushed-to-move-on", "2027-03-05T10:00:00.000Z"),
    ];
    expect(standingAnswer(answers, "pushed-to-move-on")?.id).toBe("new");
    expect(standingAnswer(answers, "dont-know-where-to-start")).toBeNull();
  });
});
