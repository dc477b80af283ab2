import { Agent, request } from "node:http";

/** A request exactly as it goes on the wire: the target is sent byte for byte, unnormalised. */
export interface WireRequest {
  method: string;
  /** Path and query, already percent-encoded as the case wants them (or not). */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface WireAnswer {
  status: number;
  contentType: string;
  text: string;
  ms: number;
}

/** What went wrong before any answer arrived (a dropped connection, no answer in time). */
export class NoAnswer extends Error {}
class StaleSocket extends Error {}

/**
 * Sends over a real socket, not app.inject, so Node's parser and Fastify's router answer what
 * they answer for real (431, 414, a bad escape). A stream that opens (server-sent events) is
 * closed once its status is known: its body never ends.
 */
export function wireClient(port: number, timeoutMs: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  /**
   * A kept-alive socket the server closed after its last answer (as after a 431) fails the next
   * request before it is read: that request is sent again on a new socket, as browsers do.
   */
  async function send(wire: WireRequest): Promise<WireAnswer> {
    try {
      return await sendOnce(wire);
    } catch (error) {
      if (error instanceof StaleSocket) return sendOnce(wire);
      throw error;
    }
  }
  function sendOnce(wire: WireRequest): Promise<WireAnswer> {
    const began = performance.now();
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: "127.0.0.1",
          port,
          agent,
          method: wire.method,
          path: wire.target,
          headers: {
            ...wire.headers,
            ...(wire.body ? { "content-length": String(wire.body.length) } : {}),
          },
        },
        (incoming) => {
          const contentType = String(incoming.headers["content-type"] ?? "");
          const answer = (text: string) =>
            resolve({
              status: incoming.statusCode ?? 0,
              contentType,
              text,
              ms: performance.now() - began,
            });
          if (contentType.startsWith("text/event-stream")) {
            incoming.destroy();
            outgoing.destroy();
            answer("");
            return;
          }
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("end", () => answer(Buffer.concat(chunks).toString("utf8")));
          incoming.on("error", (error) => reject(new NoAnswer(error.message)));
        },
      );
      outgoing.setTimeout(timeoutMs, () =>
        outgoing.destroy(new NoAnswer(`no answer within ${timeoutMs} ms`)),
      );
      // The server may answer a too-large body early and close while it is still being written.
      outgoing.on("error", (error: NodeJS.ErrnoException) =>
        reject(
          outgoing.reusedSocket && error.code === "ECONNRESET"
            ? new StaleSocket(error.message)
            : new NoAnswer(error.message),
        ),
      );
      outgoing.end(wire.body);
    });
  }
  return { send, close: () => agent.destroy() };
}
