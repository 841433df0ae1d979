import { describe, expect, it } from "vitest";
import { routePatternFor } from "./http";

const routes = {
  root: { id: "root", path: "" },
  "routes/_index": { id: "routes/_index", parentId: "root", index: true },
  "routes/documenten.$slug._index": { id: "routes/documenten.$slug._index", parentId: "root", path: "documenten/:slug", index: true },
  "routes/documenten.$slug.versies.$nummer": { id: "routes/documenten.$slug.versies.$nummer", parentId: "root", path: "documenten/:slug/versies/:nummer" },
  "routes/wijzigingen.$id": { id: "routes/wijzigingen.$id", parentId: "root", path: "wijzigingen/:id" },
};

describe("routePatternFor (metrics labels)", () => {
  it("gives the route pattern of a page and of its single-fetch data request", () => {
    expect(routePatternFor(routes, "/")).toBe("/");
    expect(routePatternFor(routes, "/_root.data")).toBe("/");
    expect(routePatternFor(routes, "/documenten/werkafspraken-wmo-keten")).toBe("/documenten/:slug");
    expect(routePatternFor(routes, "/documenten/werkafspraken-wmo-keten/versies/3.data")).toBe("/documenten/:slug/versies/:nummer");
    expect(routePatternFor(routes, "/wijzigingen/12")).toBe("/wijzigingen/:id");
    expect(routePatternFor(routes, "/bestaat/niet/zo")).toBeUndefined();
  });

  it("answers the same from its cache, also after the cache starts over", () => {
    for (let i = 0; i < 2500; i++) expect(routePatternFor(routes, `/wijzigingen/${i}`)).toBe("/wijzigingen/:id");
    expect(routePatternFor(routes, "/wijzigingen/1")).toBe("/wijzigingen/:id");
    expect(routePatternFor(routes, "/bestaat/niet/zo")).toBeUndefined();
  });
});
