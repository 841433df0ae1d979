// A real OpenID provider (the `oidc-provider` package) on 127.0.0.1 with a free port, for
// the SSO tests. It sits behind a small pass-through proxy whose address is the issuer, so a
// test can alter the ID token in transit (wrong audience, tampered signature) while every
// other request reaches the provider untouched.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import Provider from "oidc-provider";

export type TokenMode = "pass" | "wrong-audience" | "tampered";

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** How the proxy treats the next token responses. */
  setTokenMode: (mode: TokenMode) => void;
  /** Who can sign in: the login (= subject) → claims. */
  accounts: Map<string, { email: string; name: string }>;
  close: () => Promise<void>;
};

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

export async function startTestProvider(opts: { redirectUris: string[]; postLogoutRedirectUris?: string[] }): Promise<TestProvider> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingJwk: JWK = { ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const accounts = new Map<string, { email: string; name: string }>();
  const clientId = "ketenportaal";
  const clientSecret = "een-geheim-van-de-test";

  const proxy = http.createServer();
  const proxyPort = await listen(proxy);
  const issuer = `http://127.0.0.1:${proxyPort}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: opts.postLogoutRedirectUris ?? [],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [signingJwk] },
    cookies: { keys: ["cookie-key-of-the-test"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(_ctx: unknown, id: string) {
      // The login typed at the provider is the subject; unknown logins are their own e-mail.
      const a = accounts.get(id) ?? { email: id, name: id };
      return { accountId: id, claims: async () => ({ sub: id, email: a.email, email_verified: true, name: a.name }) };
    },
    // No consent screen: the portal is a first-party client of the organisation.
    async loadExistingGrant(ctx: {
      oidc: { client: { clientId: string }; session: { accountId: string }; provider: { Grant: new (o: object) => { addOIDCScope: (s: string) => void; save: () => Promise<string> } } };
    }) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const backend = http.createServer(provider.callback());
  const backendPort = await listen(backend);

  let mode: TokenMode = "pass";
  const key = await importJWK(signingJwk, "RS256");

  async function alter(idToken: string): Promise<string> {
    if (mode === "tampered") {
      // Change the payload and keep the old signature.
      const [h, , s] = idToken.split(".");
      const claims = { ...decodeJwt(idToken), email: "indringer@zaanstad.example" };
      return `${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`;
    }
    // A correctly signed token by the same provider, but for another application.
    const header = decodeProtectedHeader(idToken);
    const claims = { ...decodeJwt(idToken), aud: "een-andere-toepassing" };
    return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: header.kid }).sign(key);
  }

  proxy.on("request", (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const upstream = http.request(
        { host: "127.0.0.1", port: backendPort, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          const isToken = req.method === "POST" && req.url?.startsWith("/token") && mode !== "pass";
          if (!isToken) {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
            return;
          }
          const body: Buffer[] = [];
          up.on("data", (c: Buffer) => body.push(c));
          up.on("end", async () => {
            const json = JSON.parse(Buffer.concat(body).toString("utf8")) as { id_token?: string };
            if (json.id_token) json.id_token = await alter(json.id_token);
            const out = JSON.stringify(json);
            const headers = { ...up.headers, "content-length": String(Buffer.byteLength(out)) };
            res.writeHead(up.statusCode ?? 502, headers);
            res.end(out);
          });
        },
      );
      upstream.on("error", () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end(Buffer.concat(chunks));
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    setTokenMode: (m) => (mode = m),
    close: async () => {
      await new Promise<void>((r) => proxy.close(() => r()));
      await new Promise<void>((r) => backend.close(() => r()));
    },
  };
}

/**
 * Play the browser at the provider: follow redirects from the authorization URL, fill in the
 * provider's login form (devInteractions: any login, any password) and stop at the redirect
 * back to the portal. Returns that callback URL (with code and state).
 */
export async function signInAtProvider(authUrl: string, login: string, callbackPrefix: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authUrl;
  let body: URLSearchParams | undefined;
  for (let i = 0; i < 12; i++) {
    const res = await fetch(url, {
      method: body ? "POST" : "GET",
      body,
      redirect: "manual",
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(";");
      const at = kv.indexOf("=");
      jar.set(kv.slice(0, at), kv.slice(at + 1));
    }
    body = undefined;
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get("location") ?? "", url);
      if (next.href.startsWith(callbackPrefix)) return next;
      url = next.href;
      continue;
    }
    const html = await res.text();
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
    if (!action) throw new Error(`no form at the provider (${res.status}): ${html.slice(0, 500)}`);
    body = new URLSearchParams();
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\s*\/?>/g)) body.set(m[1], m[2]);
    if (html.includes('name="login"')) {
      body.set("login", login);
      body.set("password", "wat-dan-ook");
    }
    url = new URL(action.replace(/&amp;/g, "&"), url).href;
  }
  throw new Error("too many steps at the provider");
}
