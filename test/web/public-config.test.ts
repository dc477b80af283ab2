import { describe, expect, it } from "vitest";
import { PublicConfig } from "../../src/contracts/account.ts";
import { readPublicConfig } from "../../src/web/features/account/api/public-config.ts";

const good = { quickExitUrl: "https://example.org/", instanceName: "Mend", mail: false };

/** The first page checks the public settings by hand; it must agree with the contract. */
describe("the public settings read without the API client", () => {
  const cases: Array<[string, unknown]> = [
    ["the server's answer", good],
    ["mail on", { ...good, mail: true }],
    ["a field more", { ...good, extra: 1 }],
    ["no mail", { quickExitUrl: good.quickExitUrl, instanceName: good.instanceName }],
    ["mail as a word", { ...good, mail: "false" }],
    ["no address", { ...good, quickExitUrl: undefined }],
    ["the address a number", { ...good, quickExitUrl: 7 }],
    ["the name null", { ...good, instanceName: null }],
    ["null", null],
    ["a string", "Mend"],
    ["a list", [good]],
  ];

  it.each(cases)("agrees with the contract on %s", (_name, body) => {
    const parsed = PublicConfig.safeParse(body);
    expect(readPublicConfig(body)).toEqual(parsed.success ? parsed.data : null);
  });
});
