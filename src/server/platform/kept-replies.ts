import type { FastifySerializerCompiler } from "fastify";

/**
 * Answers kept and served again as they are (the home view a polling screen asks for every few
 * seconds): each is checked against its route's schema and turned into JSON once, not on every
 * request. Only objects handed to `keptReply` are remembered, so a body made for one request is
 * always checked anew; a kept object must not change after it was first served.
 */
const kept = new WeakSet<object>();

export function keptReply<T extends object>(body: T): T {
  kept.add(body);
  return body;
}

export function serializeKeptOnce<S>(
  compile: FastifySerializerCompiler<S>,
): FastifySerializerCompiler<S> {
  return (route) => {
    const serialize = compile(route);
    const made = new WeakMap<object, string>();
    return (data) => {
      if (typeof data !== "object" || data === null || !kept.has(data)) return serialize(data);
      let json = made.get(data);
      if (json === undefined) {
        json = serialize(data);
        made.set(data, json);
      }
      return json;
    };
  };
}
