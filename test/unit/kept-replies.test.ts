import { describe, expect, it } from "vitest";
import { keptReply, serializeKeptOnce } from "../../src/server/platform/kept-replies.ts";

describe("kept replies", () => {
  function counting() {
    let calls = 0;
    const compile = serializeKeptOnce<unknown>(() => (data) => {
      calls += 1;
      return JSON.stringify(data);
    });
    return { serialize: compile({ schema: {}, method: "GET", url: "/api/x" }), calls: () => calls };
  }

  it("checks and serializes a kept answer once, however often it is served", () => {
    const { serialize, calls } = counting();
    const view = keptReply({ phase: "stabilize" });
    expect(serialize(view)).toBe('{"phase":"stabilize"}');
    expect(serialize(view)).toBe('{"phase":"stabilize"}');
    expect(calls()).toBe(1);
  });

  it("checks every answer that was not kept, even an object served twice", () => {
    const { serialize, calls } = counting();
    const body = { phase: "meaning" };
    serialize(body);
    body.phase = "rebuild";
    expect(serialize(body)).toBe('{"phase":"rebuild"}');
    expect(serialize(null)).toBe("null");
    expect(calls()).toBe(3);
  });
});
