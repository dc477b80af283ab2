import { describe, expect, it } from "vitest";
import { accountRoutes } from "../../src/contracts/account.ts";
import { needsRoutes } from "../../src/contracts/needs.ts";
import { keyOf } from "../../src/contracts/route.ts";
import { configQueryKey, meQueryKey } from "../../src/web/features/account/api/me.ts";
import { needsQueryKey } from "../../src/web/features/couples/api/needs-key.ts";

/**
 * Keys the first page writes out by hand, so it need not carry the contracts: each must be the
 * key the client's own hooks use, or a refresh would miss the cached answer.
 */
describe("query keys written out for the first page", () => {
  it("are the keys of their routes", () => {
    expect(meQueryKey).toEqual(keyOf(accountRoutes.me));
    expect(configQueryKey).toEqual(keyOf(accountRoutes.config));
    expect(needsQueryKey).toEqual(keyOf(needsRoutes.list));
  });
});
