// Issue 10, classes 2 and 6 over real HTTP: bad input gets a Dutch 4xx page, never a 500 or an
// English router text, and the CSRF token is bound to the session. Raw node:http requests,
// because a browser or Playwright's client would normalise the malformed URLs and headers.
import http from "node:http";
import { test, expect } from "./fixtures";

type Answer = { status: number; body: string; headers: http.IncomingHttpHeaders };

function raw(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: "127.0.0.1", port, method, path, headers: { ...(body !== undefined ? { "content-length": String(Buffer.byteLength(body)) } : {}), ...headers } }, (res) => {
      let b = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (b += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: b, headers: res.headers }));
    });
    r.on("error", reject);
    if (body !== undefined) r.write(body);
    r.end();
  });
}

const cookiesOf = (a: Answer) => (a.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);
const csrfOf = (html: string) => html.match(/name="csrf" value="([^"]+)"/)?.[1] ?? "";
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const FORM = "application/x-www-form-urlencoded";

/** A Dutch page: our language, no English router text, no stack trace. */
function expectDutchPage(a: Answer, status: number, heading: RegExp, label = "") {
  expect(a.status, label).toBe(status);
  expect(a.headers["content-type"], label).toContain("text/html");
  expect(a.body, label).toContain('<html lang="nl">');
  expect(a.body, label).toMatch(heading);
  expect(a.body.match(/.{0,80}(No route matches|You made a|Unexpected Server Error|\n\s+at \S+ \(.*:\d+:\d+\)|Error: ).{0,80}/)?.[0], label).toBeUndefined();
}

async function session(port: number, email: string): Promise<{ cookie: string; csrf: string; pre: string }> {
  const page = await raw(port, "GET", "/login");
  const pre = cookiesOf(page).join("; ");
  const res = await raw(port, "POST", "/login", { "content-type": FORM, cookie: pre }, form({ csrf: csrfOf(page.body), email, password: "demo", redirectTo: "/" }));
  expect(res.status, `login ${email}`).toBe(302);
  const cookie = [pre, ...cookiesOf(res)].join("; ");
  const home = await raw(port, "GET", "/signalen/nieuw", { cookie });
  return { cookie, csrf: csrfOf(home.body), pre };
}

test.describe("issue 10: bad input gets a Dutch 4xx page", () => {
  test.use({ checkA11y: false });

  test("cross-origin and Origin: null form posts (also /login) are a Dutch 403, not a 500", async ({ portal }) => {
    const login = await raw(portal.port, "GET", "/login");
    const cookie = cookiesOf(login).join("; ");
    const body = form({ csrf: csrfOf(login.body), email: "professional@dock.example", password: "demo" });
    for (const origin of ["null", "http://evil.example", "not a url"]) {
      const a = await raw(portal.port, "POST", "/login", { "content-type": FORM, cookie, origin }, body);
      expectDutchPage(a, 403, /Geen toegang/);
      expect(a.body).toContain("niet vanaf Ketenportaal verstuurd");
      expect(cookiesOf(a).some((c) => c.startsWith("kp_session="))).toBe(false);
    }
    const site = await raw(portal.port, "POST", "/login", { "content-type": FORM, cookie, "sec-fetch-site": "cross-site" }, body);
    expect(site.status).toBe(403);
    const s = await session(portal.port, "professional@dock.example");
    const signal = await raw(
      portal.port,
      "POST",
      "/signalen/nieuw",
      { "content-type": FORM, cookie: s.cookie, origin: "null" },
      form({ csrf: s.csrf, title: "Van een andere site", description: "Dit mag niet worden opgeslagen.", ketenId: "1", themaId: "1", wijken: "stadsbreed" }),
    );
    expectDutchPage(signal, 403, /Geen toegang/);
    // The same post from our own origin goes through.
    const same = await raw(portal.port, "POST", "/login", { "content-type": FORM, cookie, origin: portal.baseURL }, body);
    expect(same.status).toBe(302);
  });

  test("malformed percent-encoding in a path is a Dutch 400", async ({ portal }) => {
    const { cookie } = await session(portal.port, "professional@dock.example");
    for (const path of ["/documenten/x%E0%A4%A", "/%ZZ", "/signalen/%", "/assets/%E0"]) {
      expectDutchPage(await raw(portal.port, "GET", path, { cookie }), 400, /Dat lukte niet/);
    }
  });

  test("every unknown path is the Dutch 404 page, never the router's English text", async ({ portal }) => {
    const { cookie } = await session(portal.port, "professional@dock.example");
    for (const path of ["/bestaat-niet", "/assets/bestaat-niet.js", "/favicon.svg/x", "//evil.example", "/documenten/a/b/c/d", "/signalen/abc"]) {
      // Signed out, a path under a page that needs login goes to the login page first.
      for (const c of path.startsWith("/signalen/") || path.startsWith("/documenten/") ? [cookie] : [cookie, ""]) {
        const a = await raw(portal.port, "GET", path, c ? { cookie: c } : {});
        expectDutchPage(a, 404, /Niet gevonden/, `${path} ${c ? "signed in" : "anonymous"}`);
      }
    }
    const md = await raw(portal.port, "GET", "/documenten/bestaat-niet/export.md", { cookie });
    expect(md.status).toBe(404);
    expect(md.body).not.toContain("Unexpected Server Error");
    expect(md.body).toMatch(/bestaat niet|niet gevonden|niet voor u zichtbaar/i);
  });

  test("a 20 MB post gets a Dutch 413 before it is read; 1 MB forms still work", async ({ portal }) => {
    const s = await session(portal.port, "professional@dock.example");
    const answer = await new Promise<Answer>((resolve, reject) => {
      const r = http.request(
        { host: "127.0.0.1", port: portal.port, method: "POST", path: "/signalen/nieuw", headers: { "content-type": FORM, cookie: s.cookie, "content-length": String(20_000_000) } },
        (res) => {
          let b = "";
          res.on("data", (d) => (b += d));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: b, headers: res.headers }));
        },
      );
      r.on("error", (e) => (String(e).includes("EPIPE") || String(e).includes("ECONNRESET") ? undefined : reject(e)));
      // Only the first 64 kB are ever sent: the answer must come without the rest.
      r.write(`csrf=${s.csrf}&title=${"a".repeat(64_000)}`);
    });
    expectDutchPage(answer, 413, /Te groot/);
    expect(answer.body).toContain("hoogstens 1 MB");
    const chunked = await raw(portal.port, "POST", "/signalen/nieuw", { "content-type": FORM, cookie: s.cookie, "transfer-encoding": "chunked" });
    expect(chunked.status).toBe(411);
    const ok = await raw(
      portal.port,
      "POST",
      "/signalen/nieuw",
      { "content-type": FORM, cookie: s.cookie },
      form({ csrf: s.csrf, title: "Binnen de grens", description: "x".repeat(900_000), ketenId: "1", themaId: "1", wijken: "stadsbreed" }),
    );
    expect(ok.status).toBeLessThan(500);
    expect(ok.status).not.toBe(413);
  });

  test("malformed UTF-8 in a form is a Dutch 400 and nothing is stored", async ({ portal }) => {
    const s = await session(portal.port, "professional@dock.example");
    const a = await raw(
      portal.port,
      "POST",
      "/signalen/nieuw",
      { "content-type": FORM, cookie: s.cookie },
      `csrf=${encodeURIComponent(s.csrf)}&title=Kapotte%20tekens%20abc%E0%A4&description=Een%20beschrijving%20van%20het%20patroon.&ketenId=1&themaId=1&wijken=stadsbreed`,
    );
    expect(a.status).toBe(400);
    expect(a.body).toContain("geen geldige tekst");
    const mine = await raw(portal.port, "GET", "/signalen/mijn", { cookie: s.cookie });
    expect(mine.body).not.toContain("Kapotte tekens");
  });

  test("other methods, old data requests and bad Host headers get a 4xx, never a 500", async ({ portal }) => {
    const { cookie } = await session(portal.port, "professional@dock.example");
    const options = await raw(portal.port, "OPTIONS", "/signalen", { cookie });
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("GET, HEAD, POST");
    for (const method of ["PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"]) {
      for (const path of ["/signalen", "/login", "/bestaat-niet"]) {
        const a = await raw(portal.port, method, path, { cookie });
        expect(a.status, `${method} ${path}`).toBe(405);
        expect(a.body).toContain('<html lang="nl">');
      }
    }
    expect((await raw(portal.port, "HEAD", "/signalen", { cookie })).status).toBe(200);
    expectDutchPage(await raw(portal.port, "GET", "/?_data=routes/bestaat", { cookie }), 400, /Dat lukte niet/);
    expectDutchPage(await raw(portal.port, "GET", "/?_data=root", { cookie }), 400, /Dat lukte niet/);
    expectDutchPage(await raw(portal.port, "GET", "/", { cookie, host: "ex ample" }), 400, /Dat lukte niet/);
    expectDutchPage(await raw(portal.port, "GET", "/", { cookie, "x-forwarded-host": "a b:%%" }), 400, /Dat lukte niet/);
    const post405 = await raw(portal.port, "POST", "/documenten", { "content-type": FORM, cookie }, "a=b");
    expect(post405.status).toBe(405);
    expect(post405.body).not.toMatch(/You made a/);
    const big = await raw(portal.port, "GET", "/", { cookie, "x-big": "a".repeat(20_000) });
    expect(big.status).toBe(431);
    expect(big.body).toContain("te groot");
    expect(portal.output()).not.toMatch(/URIError|host header does not match/);
  });
});

test.describe("issue 10, class 6: the CSRF token is bound to the session", () => {
  test.use({ checkA11y: false });

  test("a planted kp_csrf cookie with the same form value is refused, before and after login", async ({ portal }) => {
    const planted = "attacker-chosen-value-0123456789";
    const login = await raw(portal.port, "POST", "/login", { "content-type": FORM, cookie: `kp_csrf=${planted}` }, form({ csrf: planted, email: "professional@dock.example", password: "demo" }));
    expect(login.status).toBe(403);
    expect(login.body).toContain("CSRF");
    expect(cookiesOf(login).some((c) => c.startsWith("kp_session="))).toBe(false);
    const s = await session(portal.port, "professional@dock.example");
    const sessionCookie = s.cookie.split("; ").find((c) => c.startsWith("kp_session="))!;
    const post = await raw(
      portal.port,
      "POST",
      "/signalen/nieuw",
      { "content-type": FORM, cookie: `${sessionCookie}; kp_csrf=${planted}` },
      form({ csrf: planted, title: "Geplant", description: "Met een geplant token.", ketenId: "1", themaId: "1", wijken: "stadsbreed" }),
    );
    expect(post.status).toBe(403);
    // The token of the pre-session does not work for the session either, and another session's token not at all.
    const other = await session(portal.port, "teamleider@smd.example");
    for (const csrf of [other.csrf, csrfOf((await raw(portal.port, "GET", "/login")).body)]) {
      const a = await raw(portal.port, "POST", "/meldingen", { "content-type": FORM, cookie: s.cookie }, form({ csrf }));
      expect(a.status).toBe(403);
    }
    const good = await raw(portal.port, "POST", "/meldingen", { "content-type": FORM, cookie: s.cookie }, form({ csrf: s.csrf }));
    expect(good.status).toBeLessThan(400);
  });
});
