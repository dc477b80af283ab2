import { createContext, type ReactNode, useContext } from "react";

export interface People {
  /** The signed-in person's id. */
  meId: string;
  /** The other partner, once they have joined. */
  partner: { id: string; name: string } | null;
  /**
   * Couple features are paused for the viewer (after a safety check). Private to the viewer:
   * screens hide couple actions for them, and nothing changes for the partner.
   */
  individualMode: boolean;
  /** The therapist of an active link: only then may items be shared with them. */
  therapist: { id: string; name: string } | null;
}

const PeopleContext = createContext<People | null>(null);

export function PeopleProvider({ value, children }: { value: People; children: ReactNode }) {
  return <PeopleContext.Provider value={value}>{children}</PeopleContext.Provider>;
}

/** The couple's people when the screen is inside a couple, or null (e.g. before joining one). */
export function useOptionalPeople(): People | null {
  return useContext(PeopleContext);
}

export interface PeopleHelpers extends People {
  isMe: (id: string) => boolean;
  /** "you" for the viewer, the partner's name, or "your partner". */
  nameOf: (id: string | null | undefined, options?: { capital?: boolean }) => string;
  partnerName: string;
}

export function usePeople(): PeopleHelpers {
  const people = useContext(PeopleContext);
  if (!people) throw new Error("usePeople needs a PeopleProvider above it.");
  const partnerName = people.partner?.name ?? "your partner";
  return {
    ...people,
    partnerName,
    isMe: (id) => id === people.meId,
    nameOf: (id, options) => {
      if (id === people.meId) return options?.capital ? "You" : "you";
      if (people.partner && id === people.partner.id) return people.partner.name;
      return options?.capital ? "Your partner" : "your partner";
    },
  };
}
