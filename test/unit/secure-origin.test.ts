import { describe, expect, it } from "vitest";
import { isSecureOrigin } from "../../src/cli/serve.ts";

describe("where browsers allow sealing", () => {
  it("is https anywhere, or plain http on this computer's own address", () => {
    expect(isSecureOrigin("https://mend.example.org")).toBe(true);
    expect(isSecureOrigin("http://localhost:3000")).toBe(true);
    expect(isSecureOrigin("http://127.0.0.1:3000")).toBe(true);
    expect(isSecureOrigin("http://[::1]:3000")).toBe(true);
  });

  it("is not plain http on a LAN address or a host name, nor nonsense", () => {
    expect(isSecureOrigin("http://192.168.1.20:3000")).toBe(false);
    expect(isSecureOrigin("http://mend.home")).toBe(false);
    expect(isSecureOrigin("not a url")).toBe(false);
  });
});
