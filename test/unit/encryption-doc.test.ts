import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_ROUTES } from "../../src/contracts/api.ts";
import { wordsIn } from "../../src/contracts/words.ts";

const doc = readFileSync(resolve(import.meta.dirname, "../../docs/encryption.md"), "utf8");

/** The (type, field) rows of the doc's table of sealed words. */
const documented = [...doc.matchAll(/^\| `([a-z-]+)` \| `([a-zA-Z]+)` \|/gm)]
  .map((m) => `${m[1]}/${m[2]}`)
  .sort();

describe("docs/encryption.md", () => {
  it("lists exactly the words the contracts mark, by the names sealing uses", () => {
    const routes = ALL_ROUTES;
    const marked = routes.flatMap((route) => [
      ...(route.body ? wordsIn(route.body) : []),
      ...Object.values(route.replies).flatMap((reply) => (reply ? wordsIn(reply) : [])),
    ]);
    const names = [...new Set(marked.map((w) => `${w.type}/${w.field}`))].sort();
    expect(documented.length).toBeGreaterThan(0);
    expect(documented).toEqual(names);
  });
});
