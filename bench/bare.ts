import Fastify from "fastify";

/**
 * The baseline every Mend figure is divided by: a bare Fastify route answering a small JSON,
 * in its own process, started the same way as Mend (see processes.ts).
 */
const app = Fastify({ logger: false });
app.get("/bare", async () => ({ status: "ok" }));
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? "127.0.0.1" });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => app.close().then(() => process.exit(0)));
}
