import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "./config.ts";
import { serveAccount } from "./features/account/account.routes.ts";
import { accountService } from "./features/account/account.service.ts";
import { accountStore } from "./features/account/account.store.ts";
import { serveAccountability } from "./features/accountability/accountability.routes.ts";
import { accountabilityService } from "./features/accountability/accountability.service.ts";
import { accountabilityStore } from "./features/accountability/accountability.store.ts";
import { serveAgreements } from "./features/agreements/agreement.routes.ts";
import { agreementService } from "./features/agreements/agreement.service.ts";
import { agreementStore } from "./features/agreements/agreement.store.ts";
import { installCalendar } from "./features/calendar/calendar.feature.ts";
import { serveCheckins } from "./features/checkins/checkin.routes.ts";
import { checkinService } from "./features/checkins/checkin.service.ts";
import { checkinStore } from "./features/checkins/checkin.store.ts";
import { serveCircle } from "./features/circle/circle.routes.ts";
import { circleService } from "./features/circle/circle.service.ts";
import { circleStore } from "./features/circle/circle.store.ts";
import { serveCouples } from "./features/couples/couple.routes.ts";
import { coupleService } from "./features/couples/couple.service.ts";
import { coupleStores } from "./features/couples/couple.store.ts";
import type { ServiceDeps } from "./features/deps.ts";
import { changeStore } from "./features/events/changes.store.ts";
import { serveEvents } from "./features/events/events.routes.ts";
import { installLiveChanges } from "./features/events/live-changes.ts";
import { serveHurt } from "./features/hurt/hurt.routes.ts";
import { hurtService } from "./features/hurt/hurt.service.ts";
import { hurtStore } from "./features/hurt/hurt.store.ts";
import { serveIntensity } from "./features/intensity/intensity.routes.ts";
import { intensityService } from "./features/intensity/intensity.service.ts";
import { intensityStore } from "./features/intensity/intensity.store.ts";
import { installMail } from "./features/mail/mail.feature.ts";
import { meaningFactsStore } from "./features/meaning/meaning-facts.store.ts";
import { meaningFacts } from "./features/meaning/meaning-facts.ts";
import { serveMilestones } from "./features/milestones/milestone.routes.ts";
import { milestoneService } from "./features/milestones/milestone.service.ts";
import { milestoneStore } from "./features/milestones/milestone.store.ts";
import { serveNeeds } from "./features/needs/needs.routes.ts";
import { needsService } from "./features/needs/needs.service.ts";
import { servePromises } from "./features/promises/promise.routes.ts";
import { promiseService } from "./features/promises/promise.service.ts";
import { promiseStore } from "./features/promises/promise.store.ts";
import { serveQuestions } from "./features/questions/question.routes.ts";
import { questionService } from "./features/questions/question.service.ts";
import { questionStore } from "./features/questions/question.store.ts";
import { serveReflections } from "./features/reflections/reflection.routes.ts";
import { reflectionService } from "./features/reflections/reflection.service.ts";
import { reflectionStore } from "./features/reflections/reflection.store.ts";
import { installReminders } from "./features/reminders/reminders.feature.ts";
import { serveSafety } from "./features/safety/safety.routes.ts";
import { safetyService } from "./features/safety/safety.service.ts";
import { safetyStore } from "./features/safety/safety.store.ts";
import { serveSetbacks } from "./features/setbacks/setback.routes.ts";
import { setbackService } from "./features/setbacks/setback.service.ts";
import { setbackStore } from "./features/setbacks/setback.store.ts";
import { serveSignals } from "./features/signals/signal.routes.ts";
import { signalService } from "./features/signals/signal.service.ts";
import { signalStore } from "./features/signals/signal.store.ts";
import { serveStory } from "./features/story/story.routes.ts";
import { storyService } from "./features/story/story.service.ts";
import { storyStore } from "./features/story/story.store.ts";
import { serveStressors } from "./features/stressors/stressor.routes.ts";
import { stressorService } from "./features/stressors/stressor.service.ts";
import { stressorStore } from "./features/stressors/stressor.store.ts";
import { parkingLotService } from "./features/talks/parking-lot.service.ts";
import { parkingLotStore } from "./features/talks/parking-lot.store.ts";
import { pauseService } from "./features/talks/pause.service.ts";
import { pauseStore } from "./features/talks/pause.store.ts";
import { talkTimeService } from "./features/talks/talk-time.service.ts";
import { talkTimeStore } from "./features/talks/talk-time.store.ts";
import { serveTalks } from "./features/talks/talks.routes.ts";
import { serveTherapists } from "./features/therapists/therapist.routes.ts";
import { therapistService } from "./features/therapists/therapist.service.ts";
import {
  coupleLinkStore,
  sharedStore,
  therapistStore,
} from "./features/therapists/therapist.store.ts";
import { therapistAccountService } from "./features/therapists/therapist-account.service.ts";
import { therapistDoor } from "./platform/access.ts";
import { verifyAuditChains } from "./platform/audit.ts";
import { type Clock, systemClock } from "./platform/clock.ts";
import { installCsrfDefence } from "./platform/csrf.ts";
import type { DatabaseHandle } from "./platform/db.ts";
import { installErrorHandling } from "./platform/http-errors.ts";
import { clientErrorHandler, frameworkErrors, installInputGuard } from "./platform/input-guard.ts";
import { serializeKeptOnce } from "./platform/kept-replies.ts";
import { keptViews } from "./platform/kept-views.ts";
import { rateLimits } from "./platform/rate-limit.ts";
import { redactUrl } from "./platform/redact.ts";
import { OneLinePerRequest } from "./platform/request-log.ts";
import { installSecurityHeaders, securityHeaders } from "./platform/security-headers.ts";
import { openApiComponents, openApiTransform } from "./platform/serve.ts";
import { sessionStore } from "./platform/session.store.ts";
import { sessions } from "./platform/sessions.ts";
import { scopedStores, stores } from "./platform/stores.ts";
import { installViewVersions, viewVersions } from "./platform/view-version.ts";
import { serveWebApp } from "./platform/web-assets.ts";

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  logger?: boolean;
  /** Where log lines go (standard output unless a test listens). */
  logStream?: NodeJS.WritableStream;
}

/** The one composition root: every plugin, service and route is wired here, in order. */
export async function buildApp({
  config,
  database,
  clock = systemClock,
  logger = true,
  logStream,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: 64 * 1024,
    frameworkErrors,
    clientErrorHandler,
    trustProxy: config.trustProxy,
    logController: new OneLinePerRequest(),
    logger: logger
      ? {
          level: config.logLevel,
          ...(logStream ? { stream: logStream } : {}),
          serializers: {
            // Ids and routes only: never bodies, cookies, tokens in paths, or headers.
            req: (req) => ({ method: req.method, url: redactUrl(req.url) }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializeKeptOnce(serializerCompiler));
  installErrorHandling(app);
  installInputGuard(app);

  await app.register(fastifyCookie);
  installSecurityHeaders(
    app,
    securityHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          // Argon2id runs as WebAssembly in a worker; the build's one inline script, the import map
          // that pins every script's integrity, is allowed by its hash alone (ADR 0015).
          scriptSrc: ["'self'", "'wasm-unsafe-eval'", ...importMapHashes(config.webDir)],
          // The key worker runs from a blob of exactly the bytes its pinned integrity let through.
          workerSrc: ["'self'", "blob:"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          manifestSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      hsts: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: "no-referrer" },
      crossOriginEmbedderPolicy: false,
    }),
  );
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Mend API",
        version: "0.1.0",
        description: "Every call the Mend web app makes. JSON in and out; cookie sessions.",
        license: { name: "AGPL-3.0-or-later", url: "https://www.gnu.org/licenses/agpl-3.0.html" },
      },
      // Relative: the instance that serves this description is the one it describes.
      servers: [{ url: "/", description: "This instance" }],
      components: openApiComponents(config.secureCookies),
    },
    transform: openApiTransform,
  });

  installCsrfDefence(app, config.publicUrl);
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api")) reply.header("cache-control", "no-store");
    // Every deletion is a DELETE; once it is acknowledged, no copy of the deleted bytes is left.
    if (request.method === "DELETE" && reply.statusCode < 300) await database.flushDeleted();
  });

  const { db } = database;
  await verifyAuditChains(db);
  const deps: ServiceDeps = { clock, config, limits: rateLimits(db) };
  const store = sessionStore(db);
  const auth = sessions(store, clock, {
    secureCookies: config.secureCookies,
    idleMs: config.sessionIdleMs,
    maxMs: config.sessionMaxMs,
    therapistIdleMs: config.therapistSessionIdleMs,
    therapistMaxMs: config.therapistSessionMaxMs,
  });
  auth.install(app);
  const door = therapistDoor(db, clock);
  app.addHook("preHandler", (request) => door.refuseTherapistVisibilityUnlinked(request));
  const changes = changeStore(db);
  const versions = viewVersions(db, database.listen, database.changeMark);
  app.addHook("onClose", () => versions.close());
  // A change's version is bumped before it is announced: a screen that refreshes on hearing of
  // it must never be answered with what was kept from before.
  installViewVersions(app, versions, changes.coupleOf);
  installLiveChanges(app, changes, clock);
  const views = keptViews(versions, clock);

  app.get("/api/health", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  serveAccount(app, accountService(deps, accountStore(db), store), auth, config);
  const mailer = installMail(app, db, deps, accountService(deps, accountStore(db), store));
  const agreements = agreementService(deps, scopedStores(db, agreementStore));
  const pauses = pauseService(deps, scopedStores(db, pauseStore));
  const talkTimes = talkTimeService(deps, scopedStores(db, talkTimeStore));
  const intensity = intensityService(
    deps,
    scopedStores(db, intensityStore),
    talkTimes.coupleTimeZone,
  );
  const couples = coupleService(
    deps,
    stores(db, coupleStores),
    {
      agreements: agreements.facts,
      activePause: pauses.activeFor,
      talks: talkTimes.facts,
      intensity: intensity.trends,
      meaning: meaningFacts(scopedStores(db, meaningFactsStore)),
    },
    views,
  );
  serveCouples(app, couples);
  serveAgreements(app, agreements);
  serveTalks(app, {
    talkTimes,
    parkingLot: parkingLotService(deps, scopedStores(db, parkingLotStore)),
    pauses,
    views,
  });
  serveIntensity(app, intensity);
  serveEvents(app, pauses, changes, auth, config.eventPollMs);
  serveSafety(app, safetyService(deps, safetyStore(db), config.crisisResources));
  serveStressors(app, stressorService(deps, scopedStores(db, stressorStore)));
  const circle = circleService(deps, scopedStores(db, circleStore));
  serveCircle(app, circle);
  const reflections = reflectionService(deps, scopedStores(db, reflectionStore));
  serveReflections(app, reflections);
  const accountability = accountabilityService(deps, scopedStores(db, accountabilityStore));
  serveAccountability(app, accountability);
  serveHurt(app, hurtService(deps, scopedStores(db, hurtStore)));
  const questions = questionService(
    deps,
    scopedStores(db, questionStore),
    talkTimes.coupleTimeZone,
  );
  serveQuestions(app, questions);
  const story = storyService(deps, scopedStores(db, storyStore));
  serveStory(app, story);
  const promises = promiseService(deps, scopedStores(db, promiseStore), talkTimes.coupleTimeZone);
  const checkins = checkinService(deps, scopedStores(db, checkinStore), talkTimes.coupleTimeZone);
  const setbacks = setbackService(deps, scopedStores(db, setbackStore));
  servePromises(app, promises);
  serveCheckins(app, checkins);
  serveSetbacks(app, setbacks);
  serveMilestones(
    app,
    milestoneService(deps, scopedStores(db, milestoneStore), {
      promises: promises.milestoneFacts,
      checkinWeeks: checkins.completedWeeks,
      storySignedAt: async (scope) => (await story.read(scope)).signedAt,
      repairs: setbacks.repairs,
    }),
  );
  const signals = signalService(
    deps,
    scopedStores(db, signalStore),
    {
      meaning: meaningFacts(scopedStores(db, meaningFactsStore)),
      intensity: intensity.trends,
      coupleTimeZone: talkTimes.coupleTimeZone,
    },
    config.therapistReferrals,
  );
  serveSignals(app, signals);
  installCalendar(app, db, deps, talkTimes.coupleTimeZone);
  installReminders(app, db, deps, mailer, talkTimes.coupleTimeZone);
  const therapistAccounts = therapistAccountService(deps, accountStore(db), store);
  const therapists = therapistService(
    deps,
    scopedStores(db, coupleLinkStore),
    stores(db, therapistStore),
    (scope) => sharedStore(db, scope),
    door,
    {
      signalsOf: signals.sharedSignalsOf,
      intensity: async (scope) => intensity.trends(scope, await talkTimes.coupleTimeZone(scope)),
      reliability: async (scope) => (await promises.list(scope)).reliability,
      nextTalk: talkTimes.nextTalk,
      announce: (scope) => changes.record(scope, "therapists", clock.now()),
    },
  );
  serveTherapists(app, therapistAccounts, therapists, auth);
  serveNeeds(
    app,
    needsService({
      couples,
      agreements,
      talkTimes,
      circle,
      accountability,
      questions,
      story,
      reflections,
      promises,
      checkins,
      setbacks,
      therapists,
    }),
    views,
  );

  await serveWebApp(app, config.webDir);
  return app;
}

/** The CSP hash of each inline import map in the built index.html: its one inline script. */
function importMapHashes(webDir: string | null): string[] {
  const page = webDir ? resolve(webDir, "index.html") : null;
  if (page === null || !existsSync(page)) return [];
  const html = readFileSync(page, "utf8");
  return [...html.matchAll(/<script type="importmap">([^<]*)<\/script>/g)].map(
    ([, map = ""]) => `'sha256-${createHash("sha256").update(map, "utf8").digest("base64")}'`,
  );
}
