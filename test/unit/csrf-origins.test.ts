import { describe, expect, it } from "vitest";
import { allowedOrigins } from "../../src/server/platform/csrf.ts";

describe("the origins allowed to change state", () => {
  it("is the public URL's alone on a real host", () => {
    expect([...allowedOrigins("https://mend.example.org")]).toEqual(["https://mend.example.org"]);
  });

  it("names each loopback name of the default local address, with its port", () => {
    expect([...allowedOrigins("http://localhost:3000")].sort()).toEqual(
      ["http://127.0.0.1:3000", "http://[::1]:3000", "http://localhost:3000"].sort(),
    );
  });
});
