import type { FastifyInstance } from "fastify";
import { accountRoutes as routes } from "../../../contracts/account.ts";
import type { Config } from "../../config.ts";
import { serve } from "../../platform/serve.ts";
import { requireActor, type Sessions } from "../../platform/sessions.ts";
import type { AccountService } from "./account.service.ts";

export function serveAccount(
  app: FastifyInstance,
  account: AccountService,
  sessions: Sessions,
  config: Config,
): void {
  serve(app, routes.config, async () => ({
    quickExitUrl: config.quickExitUrl,
    instanceName: config.instanceName,
    mail: config.smtpUrl !== null,
  }));
  serve(app, routes.prelogin, async ({ request, body }) =>
    account.prelogin(body.email, request.ip),
  );
  serve(app, routes.signup, async ({ request, reply, body }) => {
    const user = await account.signup(body, request.ip);
    const { unlockKey } = await sessions.start(reply, request, user.id);
    return { user, unlockKey };
  });
  serve(app, routes.signupLink, async ({ body }) => account.signupLink(body.token));
  serve(app, routes.login, async ({ request, reply, body }) => {
    const device = await sessions.knownDevice(request);
    const { user, keys } = await account.login(body, request.ip, device);
    // A new token at every sign-in; the one the browser held before is ended.
    await sessions.end(reply, request);
    const { unlockKey } = await sessions.start(reply, request, user.id);
    return { user, keys, unlockKey };
  });
  serve(app, routes.keys, async ({ request }) => ({
    ...(await account.keys(requireActor(request))),
    unlockKey: await sessions.unlockKey(request),
  }));
  serve(app, routes.recoveryKeys, async ({ request, body }) =>
    account.recoveryKeys(body, request.ip, await sessions.knownDevice(request)),
  );
  serve(app, routes.recover, async ({ request, reply, body }) => {
    const user = await account.recover(body, request.ip, await sessions.knownDevice(request));
    await sessions.end(reply, request);
    const { unlockKey } = await sessions.start(reply, request, user.id);
    return { user, unlockKey };
  });
  serve(app, routes.reset, async ({ request, reply, body }) => {
    const user = await account.reset(body, request.ip);
    await sessions.end(reply, request);
    const { unlockKey } = await sessions.start(reply, request, user.id);
    return { user, unlockKey };
  });
  serve(app, routes.logout, async ({ request, reply }) => {
    await sessions.end(reply, request);
    await sessions.forgetDevice(reply, request);
  });
  serve(app, routes.me, async ({ request }) => account.me(requireActor(request)));
  serve(app, routes.changePassword, async ({ request, reply, body }) => {
    const actor = requireActor(request);
    await account.changePassword(actor, body);
    await sessions.start(reply, request, actor.userId);
  });
  serve(app, routes.changeName, async ({ request, body }) => ({
    user: await account.changeName(requireActor(request), body.name),
  }));
  serve(app, routes.sessions, async ({ request }) => ({
    sessions: await account.listSessions(requireActor(request)),
  }));
  serve(app, routes.endSession, async ({ request, params }) => {
    await account.endSession(requireActor(request), params.id);
  });
  serve(app, routes.deleteAccount, async ({ request, reply, body }) => {
    const actor = requireActor(request);
    await account.deleteAccount(actor, body.authKey);
    await sessions.end(reply, request);
  });
}
