import type { FastifyInstance } from "fastify";
import type { Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { scopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import { serveCalendar } from "./calendar.routes.ts";
import { calendarService } from "./calendar.service.ts";
import { calendarFeedStore, calendarStore } from "./calendar.store.ts";

/** The calendar feature as buildApp wires it: its stores, its service and its routes. */
export function installCalendar(
  app: FastifyInstance,
  db: Db,
  deps: ServiceDeps,
  coupleTimeZone: (scope: Scope) => Promise<string>,
): void {
  serveCalendar(
    app,
    calendarService(deps, calendarFeedStore(db), scopedStores(db, calendarStore), coupleTimeZone),
  );
}
