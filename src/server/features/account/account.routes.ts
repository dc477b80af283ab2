import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ChangePasswordBody,
  DeleteAccountBody,
  LoginBody,
  MeReply,
  PublicConfig,
  SessionsReply,
  SignupBody,
  UserReply,
} from "../../../contracts/account.ts";
import { Id } from "../../../contracts/common.ts";
import type { Config } from "../../config.ts";
import { requireActor, type Sessions } from "../../platform/sessions.ts";
import type { AccountService } from "./account.service.ts";

export function accountRoutes(
  app: FastifyInstance,
  account: AccountService,
  sessions: Sessions,
  config: Config,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["account"];

  r.get("/api/config", { schema: { tags, response: { 200: PublicConfig } } }, async () => ({
    quickExitUrl: config.quickExitUrl,
    instanceName: config.instanceName,
  }));

  r.post(
    "/api/auth/signup",
    { schema: { tags, body: SignupBody, response: { 201: UserReply } } },
    async (request, reply) => {
      const user = await account.signup(request.body, request.ip);
      await sessions.start(reply, request, user.id);
      return reply.status(201).send({ user });
    },
  );

  r.post(
    "/api/auth/login",
    { schema: { tags, body: LoginBody, response: { 200: UserReply } } },
    async (request, reply) => {
      const user = await account.login(request.body, request.ip);
      // A new token at every sign-in; the one the browser held before is ended.
      await sessions.end(reply, request);
      await sessions.start(reply, request, user.id);
      return { user };
    },
  );

  r.post("/api/auth/logout", { schema: { tags } }, async (request, reply) => {
    await sessions.end(reply, request);
    return reply.status(204).send();
  });

  r.get("/api/me", { schema: { tags, response: { 200: MeReply } } }, async (request) =>
    account.me(requireActor(request)),
  );

  r.post(
    "/api/account/password",
    { schema: { tags, body: ChangePasswordBody } },
    async (request, reply) => {
      const actor = requireActor(request);
      await account.changePassword(actor, request.body);
      await sessions.start(reply, request, actor.userId);
      return reply.status(204).send();
    },
  );

  r.get(
    "/api/account/sessions",
    { schema: { tags, response: { 200: SessionsReply } } },
    async (request) => ({ sessions: await account.listSessions(requireActor(request)) }),
  );

  r.delete(
    "/api/account/sessions/:id",
    { schema: { tags, params: z.object({ id: Id }) } },
    async (request, reply) => {
      await account.endSession(requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );

  r.delete(
    "/api/account",
    { schema: { tags, body: DeleteAccountBody } },
    async (request, reply) => {
      const actor = requireActor(request);
      await account.deleteAccount(actor, request.body.password);
      await sessions.end(reply, request);
      return reply.status(204).send();
    },
  );
}
