import { describe, expect, it } from "vitest";
import { passwordProblem } from "../../src/domain/passwords.ts";

describe("password rules", () => {
  it("needs 10 to 128 characters and nothing else about composition", () => {
    expect(passwordProblem("short")).toMatch(/at least 10/);
    expect(passwordProblem("all lowercase words")).toBeNull();
    expect(passwordProblem("x".repeat(129))).toMatch(/at most 128/);
  });

  it("refuses the passwords anyone would guess first, in any case", () => {
    expect(passwordProblem("Password123")).toMatch(/guess/);
    expect(passwordProblem("QWERTYUIOP")).toMatch(/guess/);
    expect(passwordProblem("zzzzzzzzzzzz")).toMatch(/guess/);
  });
});
