import { describe, expect, it } from "vitest";
import { nextPhase, parsePhase, phaseDirection } from "../../src/domain/phases.ts";

describe("phases", () => {
  it("knows forward, back and same", () => {
    expect(phaseDirection("stabilize", "meaning")).toBe("forward");
    expect(phaseDirection("stabilize", "rebuild")).toBe("forward");
    expect(phaseDirection("rebuild", "stabilize")).toBe("back");
    expect(phaseDirection("meaning", "meaning")).toBe("same");
  });

  it("names the next phase and none after Rebuild", () => {
    expect(nextPhase("stabilize")).toBe("meaning");
    expect(nextPhase("meaning")).toBe("rebuild");
    expect(nextPhase("rebuild")).toBeNull();
  });

  it("refuses to read an unknown stored phase", () => {
    expect(parsePhase("meaning")).toBe("meaning");
    expect(() => parsePhase("done")).toThrow(/Unknown phase/);
  });
});
