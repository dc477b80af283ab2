import type { z } from "zod";
import type { ParkingItem } from "../../../contracts/talks.ts";
import { PAGE_SIZE, pageOf, positionOf } from "../../../domain/pages.ts";
import { PARKING_STATUSES } from "../../../domain/talks.ts";
import { requireActionable, requireAuthor, type Scope } from "../../platform/access.ts";
import type { ParkingRow } from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { ParkingLotStore } from "./parking-lot.store.ts";

type Item = z.infer<typeof ParkingItem>;

function present(row: ParkingRow): Item {
  return {
    id: row.id,
    topic: row.topic,
    status: storedEnum(PARKING_STATUSES, row.status),
    raisedBy: row.raised_by,
    carriedOver: Number(row.carried_over),
    onAgenda: row.on_agenda_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Topics that come up outside a talk time wait here for the next window. */
export function parkingLotService({ clock }: ServiceDeps, stores: ScopedStores<ParkingLotStore>) {
  async function change(scope: Scope, id: string, how: "markDiscussed" | "carryOver") {
    const store = stores.at(scope);
    const row = requireActionable(scope, await store.find(id), (r) => r.raised_by, "That topic");
    if (!(await store[how](row.id, clock.now().toISOString()))) {
      throw errors.conflict("topic_closed", "This topic has been discussed already.");
    }
    const fresh = await store.find(id);
    if (!fresh) throw errors.notFound("That topic");
    return present(fresh);
  }

  /** The author's own topic, still open: words written in anger need not stay. */
  async function ownOpen(scope: Scope, id: string) {
    const store = stores.at(scope);
    const row = requireAuthor(scope, await store.find(id), (r) => r.raised_by, "That topic");
    if (row.status !== "open") {
      throw errors.conflict("topic_closed", "This topic has been discussed already.");
    }
    return { store, row };
  }

  return {
    /** Either partner chooses what today's talk is about; the other's screen follows live. */
    async setAgenda(scope: Scope, id: string, on: boolean): Promise<Item> {
      const store = stores.at(scope);
      const row = await store.find(id);
      if (!row) throw errors.notFound("That topic");
      if (!(await store.setAgenda(row.id, on, clock.now().toISOString()))) {
        throw errors.conflict("topic_closed", "This topic has been discussed already.");
      }
      const fresh = await store.find(id);
      if (!fresh) throw errors.notFound("That topic");
      return present(fresh);
    },

    async rewrite(scope: Scope, id: string, topic: string): Promise<Item> {
      const { store, row } = await ownOpen(scope, id);
      if (!(await store.rewrite(row.id, topic, clock.now().toISOString()))) {
        throw errors.conflict("topic_closed", "This topic has been discussed already.");
      }
      const fresh = await store.find(id);
      if (!fresh) throw errors.notFound("That topic");
      return present(fresh);
    },

    async withdraw(scope: Scope, id: string): Promise<void> {
      const { store, row } = await ownOpen(scope, id);
      if (!(await store.withdraw(row.id))) {
        throw errors.conflict("topic_closed", "This topic has been discussed already.");
      }
    },

    /** Every open topic (a talk needs them all), then a page of discussed ones, newest first. */
    async list(scope: Scope, before?: string): Promise<{ items: Item[]; earlier: string | null }> {
      const store = stores.at(scope);
      const position = before === undefined ? null : positionOf(before);
      const [open, discussed] = await Promise.all([
        position ? [] : store.open(),
        store.discussed(position, PAGE_SIZE + 1),
      ]);
      const { page, earlier } = pageOf(discussed, (row) => ({ at: row.updated_at, id: row.id }));
      return { items: [...open, ...page].map(present), earlier };
    },

    async raise(scope: Scope, { id, topic }: { id: string; topic: string }): Promise<Item> {
      const now = clock.now().toISOString();
      const row: ParkingRow = {
        id,
        couple_id: scope.coupleId,
        raised_by: scope.viewerId,
        topic,
        status: "open",
        carried_over: 0,
        on_agenda_at: null,
        visibility: "couple",
        created_at: now,
        updated_at: now,
      };
      await stores.at(scope).insert(row);
      return present(row);
    },

    discussed: (scope: Scope, id: string) => change(scope, id, "markDiscussed"),
    carryOver: (scope: Scope, id: string) => change(scope, id, "carryOver"),
  };
}
export type ParkingLotService = ReturnType<typeof parkingLotService>;
