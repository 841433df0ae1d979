import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useMatches,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useContext, useEffect, useRef } from "react";
import { REFERENCE_ELEMENT_ID, RequestReference } from "~/shared/request-reference";
import { getActor } from "~/http/request.server";
import { unreadCount } from "~/domain/notify.server";
import { canAdminister, canSeeSignalOverview } from "~/domain/policy.server";
import { SiteHeader } from "~/components/SiteHeader";
import type { RouteHandle } from "~/shared/static-page";
import stylesHref from "~/styles.css?url";
// The plain pages' only script, bundled on its own (app/shared/plain-page.island.ts).
import plainPageScript from "~/shared/plain-page.island.ts?worker&url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Ketenportaal Zaanstad" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = getActor(request);
  return {
    csrfToken: context.csrfToken,
    nonce: context.cspNonce,
    user: actor
      ? {
          id: actor.id,
          name: actor.name,
          organisationName: actor.organisationName,
          organisationKind: actor.organisationKind,
          roles: actor.roles,
          unread: unreadCount(actor.id),
          isBeheerder: canAdminister(actor),
          seesOverview: canSeeSignalOverview(actor),
        }
      : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const nonce = data?.nonce;
  const user = data?.user ?? null;
  // A route with handle.hydrate === false is served as plain HTML: no framework scripts
  // (app/shared/static-page.ts). Once the app runs in the browser (a client-side navigation
  // into such a page) it keeps its scripts.
  const plain = useMatches().some((m) => (m.handle as RouteHandle | undefined)?.hydrate === false);
  const hydrate = typeof document !== "undefined" || !plain;
  return (
    <html lang="nl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#hoofdinhoud">
          Naar de hoofdinhoud
        </a>
        <SiteHeader user={user} csrfToken={data?.csrfToken ?? ""} />
        <main id="hoofdinhoud" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            Ketenportaal voor de gemeente Zaanstad, de Sociale Wijkteams en hun ketenpartners. Deze omgeving bevat <em>voorbeeldinhoud</em>: illustratieve
            teksten, geen officieel beleid.
          </p>
          <p>
            <Link to="/toegankelijkheid">Toegankelijkheid</Link> · <Link to="/privacy">Privacy: geen cliëntgegevens in dit portaal</Link>
          </p>
        </footer>
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : user ? (
          <script type="module" src={plainPageScript} nonce={nonce} />
        ) : null}
      </body>
    </html>
  );
}

/**
 * After a client-side navigation to another page, and after a form post that led somewhere
 * (login, a saved form), move the focus to the page's heading so screen readers follow, but
 * without scrolling: the header and menu stay in view. A refused post is left alone: its
 * error summary has taken the focus.
 */
function FocusOnNavigate() {
  const location = useLocation();
  const navigation = useNavigation();
  const posted = useRef(false);
  const first = useRef(true);
  const lastPath = useRef(location.pathname);
  if (navigation.state === "submitting" && navigation.formMethod?.toUpperCase() === "POST") posted.current = true;
  useEffect(() => {
    const movedPage = lastPath.current !== location.pathname;
    const afterPost = posted.current;
    lastPath.current = location.pathname;
    posted.current = false;
    if (first.current) {
      first.current = false;
      return;
    }
    if (location.hash || !(movedPage || afterPost)) return;
    if (document.activeElement?.closest(".error-summary")) return;
    const main = document.getElementById("hoofdinhoud");
    const heading = main?.querySelector<HTMLElement>("h1");
    if (heading && !heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    (heading ?? main)?.focus({ preventScroll: true });
  }, [location.key, location.pathname, location.hash]);
  return null;
}

export default function App() {
  return (
    <>
      <FocusOnNavigate />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  let status = 500;
  let message = "Er ging iets mis aan onze kant. Probeer het later opnieuw; blijft het misgaan, meld het dan bij een beheerder.";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const d = error.data as { message?: string } | string | undefined;
    // The router's own texts ("Error: No route matches URL …", "You made a POST request …")
    // are English and technical: only our messages are shown.
    const fromData = typeof d === "string" ? (/^Error: /.test(d) ? undefined : d) : d?.message;
    if (status === 404) message = fromData || "Deze pagina bestaat niet (meer).";
    else if (status === 403) message = fromData || "U heeft geen toegang tot deze pagina.";
    else if (status === 405) message = fromData || "Deze pagina kan dit soort verzoek niet verwerken.";
    else if (status < 500 && fromData) message = fromData;
  }
  // The reference number is the request id of the document request, also in the server's log
  // line. After a client-side navigation (location key no longer "default") it would be stale.
  const documentReference = useContext(RequestReference);
  const reference = useLocation().key === "default" ? documentReference : "";
  const title = status === 404 ? "Niet gevonden" : status === 403 ? "Geen toegang" : status < 500 ? "Dat lukte niet" : "Er ging iets mis";
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      <p className="error-status">Foutcode {status}</p>
      <p>{message}</p>
      {reference ? (
        <p className="error-reference">
          Referentienummer: <span id={REFERENCE_ELEMENT_ID}>{reference}</span>. Noem dit nummer als u de fout meldt.
        </p>
      ) : null}
      <p>
        <Link to="/">Terug naar de startpagina</Link>
      </p>
    </div>
  );
}
