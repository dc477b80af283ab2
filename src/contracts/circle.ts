import { z } from "zod";
import { CIRCLE_STATUSES } from "../domain/circle.ts";
import { STABILIZE_LIMITS } from "../domain/limits.ts";
import { Id, IdParams, ItemId, Timestamp, text } from "./common.ts";
import { route } from "./route.ts";
import { sealedBody, words } from "./words.ts";

export const CirclePerson = z.object({
  id: Id,
  name: words("circle", "name", z.string()),
  relation: words("circle", "relation", z.string()),
  by: Id,
  status: z.enum(CIRCLE_STATUSES),
  concern: words("circle", "concern", z.string()).nullable(),
  updatedAt: Timestamp,
});
export const AddCirclePersonBody = sealedBody(
  z.strictObject({
    id: ItemId,
    name: words("circle", "name", text(STABILIZE_LIMITS.circleNameMax)),
    relation: words("circle", "relation", text(STABILIZE_LIMITS.circleRelationMax)),
  }),
);
/** The concern is sealed as a field of the person it is about (the path's id). */
export const RaiseConcernBody = sealedBody(
  z.strictObject({
    concern: words("circle", "concern", text(STABILIZE_LIMITS.concernMax)),
  }),
);
export const CirclePersonReply = z.object({ person: CirclePerson });
export const CircleReply = z.object({ people: z.array(CirclePerson) });

const tags = ["circle"];

export const circleRoutes = {
  add: route({
    method: "POST",
    path: "/api/circle",
    tags,
    summary: "Name someone one talks to about this",
    body: AddCirclePersonBody,
    replies: { 201: CirclePersonReply },
    errors: [],
  }),
  list: route({
    method: "GET",
    path: "/api/circle",
    tags,
    summary: "Both partners' circles of support",
    replies: { 200: CircleReply },
    errors: [],
  }),
  agree: route({
    method: "POST",
    path: "/api/circle/:id/agree",
    tags,
    summary: "The other partner agrees to a name",
    params: IdParams,
    replies: { 200: CirclePersonReply },
    errors: ["own_person"],
  }),
  concern: route({
    method: "POST",
    path: "/api/circle/:id/concern",
    tags,
    summary: "The other partner raises a concern about a name",
    params: IdParams,
    body: RaiseConcernBody,
    replies: { 200: CirclePersonReply },
    errors: ["own_person"],
  }),
  remove: route({
    method: "DELETE",
    path: "/api/circle/:id",
    tags,
    summary: "Remove a name one added",
    params: IdParams,
    replies: { 204: null },
    errors: [],
  }),
};
