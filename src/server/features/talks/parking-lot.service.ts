import type { z } from "zod";
import type { ParkingItem } from "../../../contracts/stabilize.ts";
import { PARKING_STATUSES } from "../../../domain/stabilize.ts";
import type { ParkingRow } from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import {
  type Actor,
  canRead,
  requireActionable,
  requireCoupleMember,
} from "../../platform/policy.ts";
import { coupleItem, storedEnum } from "../../platform/stored.ts";
import type { ServiceDeps } from "../deps.ts";
import { parkingLotStore } from "./parking-lot.store.ts";

type Item = z.infer<typeof ParkingItem>;

function asItem(row: ParkingRow) {
  return coupleItem(row, row.raised_by);
}

function present(row: ParkingRow): Item {
  return {
    id: row.id,
    topic: row.topic,
    status: storedEnum(PARKING_STATUSES, row.status),
    raisedBy: row.raised_by,
    carriedOver: Number(row.carried_over),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Topics that come up outside a talk time wait here for the next window. */
export function parkingLotService({ db, clock }: ServiceDeps) {
  const store = parkingLotStore(db);

  async function change(
    actor: Actor,
    id: string,
    apply: (id: string, now: string) => Promise<boolean>,
  ) {
    const row = requireActionable(
      actor,
      await store.find(id).then((r) => r && asItem(r)),
      "That topic",
    );
    if (!(await apply(row.id, clock.now().toISOString()))) {
      throw errors.conflict("topic_closed", "This topic has been discussed already.");
    }
    const fresh = await store.find(id);
    if (!fresh) throw errors.notFound("That topic");
    return present(fresh);
  }

  return {
    async list(actor: Actor): Promise<Item[]> {
      const coupleId = requireCoupleMember(actor);
      const rows = await store.listForCouple(coupleId);
      return rows.filter((row) => canRead(actor, asItem(row))).map(present);
    },

    async raise(actor: Actor, topic: string): Promise<Item> {
      const coupleId = requireCoupleMember(actor);
      const now = clock.now().toISOString();
      const row: ParkingRow = {
        id: newId(),
        couple_id: coupleId,
        raised_by: actor.userId,
        topic,
        status: "open",
        carried_over: 0,
        visibility: "couple",
        created_at: now,
        updated_at: now,
      };
      await store.insert(row);
      return present(row);
    },

    discussed: (actor: Actor, id: string) => change(actor, id, store.markDiscussed),
    carryOver: (actor: Actor, id: string) => change(actor, id, store.carryOver),
  };
}
export type ParkingLotService = ReturnType<typeof parkingLotService>;
