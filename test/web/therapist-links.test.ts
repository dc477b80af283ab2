import { describe, expect, it } from "vitest";
import type { AuditEntry, TherapistLink } from "../../src/contracts/therapists.ts";
import { liveLink } from "../../src/domain/therapist-links.ts";
import {
  auditEntryWords,
  fingerprintGroups,
  linkStep,
  parseTarget,
} from "../../src/web/features/therapists/links.ts";
import { formatDate } from "../../src/web/ui/format.ts";

const AT = "2027-03-03T09:30:00.000Z";
/** The date as this machine's locale writes it, e.g. "3 March 2027". */
const ON = formatDate(AT);
const ROBIN = "robin";
const KAI = "kai";
const LEE = "lee";

const link = (over: Partial<TherapistLink>): TherapistLink => ({
  id: "link-1",
  status: "proposed",
  therapist: { id: LEE, name: "Dr. Lee", publicKey: "pk" },
  proposedBy: ROBIN,
  proposedAt: "2027-03-01T10:00:00.000Z",
  consentedBy: null,
  consentedAt: null,
  acceptedAt: null,
  endedAt: null,
  grantedVersions: [],
  ...over,
});

let seq = 0;
const entry = (over: Partial<AuditEntry>): AuditEntry => {
  seq += 1;
  return {
    id: `e${seq}`,
    at: AT,
    actor: { id: ROBIN, role: "partner" },
    action: "therapist-proposed",
    target: "link:link-1",
    prev: "",
    hash: `h${seq}`,
    ...over,
  };
};

const names = {
  meId: KAI,
  partners: [
    { id: ROBIN, name: "Robin" },
    { id: KAI, name: "Kai" },
  ],
  links: [link({})],
};

describe("the link that stands and its step for the viewer", () => {
  it("ignores ended links", () => {
    const ended = link({ id: "old", status: "ended" });
    const active = link({ id: "new", status: "active" });
    expect(liveLink([ended, active])?.id).toBe("new");
    expect(liveLink([ended])).toBeNull();
  });

  it("tells the proposer's view from the partner's", () => {
    const proposed = link({ status: "proposed", proposedBy: ROBIN });
    expect(linkStep(proposed, ROBIN, 1).kind).toBe("proposed-by-me");
    expect(linkStep(proposed, KAI, 1).kind).toBe("proposed-by-partner");
    expect(linkStep(link({ status: "consented" }), ROBIN, 1).kind).toBe("waiting-for-therapist");
    expect(linkStep(null, ROBIN, 1).kind).toBe("none");
    expect(linkStep(link({ status: "ended" }), ROBIN, 1).kind).toBe("none");
  });

  it("asks for the fingerprint until the newest key version is granted", () => {
    expect(linkStep(link({ status: "active" }), ROBIN, 1).kind).toBe("compare-fingerprint");
    expect(linkStep(link({ status: "active", grantedVersions: [1] }), ROBIN, 1).kind).toBe(
      "active",
    );
    expect(linkStep(link({ status: "active", grantedVersions: [1] }), ROBIN, 2).kind).toBe(
      "compare-fingerprint",
    );
  });
});

describe("fingerprint groups", () => {
  it("splits a fingerprint into groups of four, whatever its spacing", () => {
    expect(fingerprintGroups("3F2A 91BC 0D4E")).toEqual(["3F2A", "91BC", "0D4E"]);
    expect(fingerprintGroups("3f2a91bc0d")).toEqual(["3F2A", "91BC", "0D"]);
    expect(fingerprintGroups("")).toEqual([]);
  });
});

describe("the audit chain in the couple's own words", () => {
  it("reads a target as a kind and an optional id", () => {
    expect(parseTarget("paragraph")).toEqual({ kind: "paragraph", id: null });
    expect(parseTarget("statement:abc")).toEqual({ kind: "statement", id: "abc" });
    expect(parseTarget("link:l1:v2")).toEqual({ kind: "link", id: "l1" });
  });

  it("names the therapist's reads by what was opened, with the date", () => {
    const read = entry({
      action: "therapist-read",
      actor: { id: LEE, role: "therapist" },
      target: "paragraph",
    });
    expect(auditEntryWords(read, names)).toBe(`Dr. Lee opened your shared story on ${ON}`);
    expect(
      auditEntryWords({ ...read, target: "reflection:r1" }, names).startsWith(
        "Dr. Lee opened your shared reflections",
      ),
    ).toBe(true);
  });

  it("says who proposed and consented, the viewer as you", () => {
    expect(auditEntryWords(entry({ action: "therapist-proposed" }), names)).toBe(
      `Robin proposed Dr. Lee on ${ON}`,
    );
    expect(
      auditEntryWords(
        entry({ action: "therapist-consented", actor: { id: KAI, role: "partner" } }),
        names,
      ),
    ).toBe(`You consented to working with Dr. Lee on ${ON}`);
  });

  it("says a key change without naming anyone", () => {
    expect(auditEntryWords(entry({ action: "key-rotated", target: "key:2" }), names)).toBe(
      `The couple's key was changed on ${ON}`,
    );
  });

  it("names a therapist of an earlier link by the link's id", () => {
    const twoLinks = {
      ...names,
      links: [
        link({ id: "old", therapist: { id: "ash", name: "Ash Moreau", publicKey: "x" } }),
        link({ id: "link-1" }),
      ],
    };
    expect(
      auditEntryWords(entry({ action: "therapist-unlinked", target: "link:old" }), twoLinks),
    ).toBe(`Robin ended the link with Ash Moreau on ${ON}`);
  });

  it("names the therapist a key was granted to by the link", () => {
    const twoLinks = {
      ...names,
      links: [
        link({ id: "old", therapist: { id: "ash", name: "Ash Moreau", publicKey: "x" } }),
        link({ id: "link-1" }),
      ],
    };
    expect(auditEntryWords(entry({ action: "key-granted", target: "link:old:v1" }), twoLinks)).toBe(
      `Robin let Ash Moreau open what you share with them on ${ON}`,
    );
  });

  it("falls back calmly when a name is not known", () => {
    const none = { ...names, links: [] };
    expect(
      auditEntryWords(
        entry({ action: "therapist-accepted", actor: { id: "t9", role: "therapist" } }),
        none,
      ),
    ).toBe(`Your therapist accepted your invitation on ${ON}`);
  });
});

describe("sharing names the therapist whose link stood then", () => {
  it("tells an earlier therapist's time from the current one's", () => {
    const twoLinks = {
      ...names,
      links: [
        link({
          id: "old",
          therapist: { id: "ash", name: "Ash Moreau", publicKey: "x" },
          proposedAt: "2027-01-01T00:00:00.000Z",
          endedAt: "2027-02-01T00:00:00.000Z",
        }),
        link({ id: "link-1", proposedAt: "2027-02-10T00:00:00.000Z" }),
      ],
    };
    const shared = entry({ action: "shared-with-therapist", target: "promise:p1" });
    expect(auditEntryWords(shared, twoLinks)).toBe(`Robin shared a promise with Dr. Lee on ${ON}`);
    expect(
      auditEntryWords({ ...shared, at: "2027-01-15T09:00:00.000Z" }, twoLinks).startsWith(
        "Robin shared a promise with Ash Moreau",
      ),
    ).toBe(true);
  });
});
