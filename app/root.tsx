import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getActor } from "~/utils/request.server";
import { unreadCount } from "~/domain/notify.server";
import { canAdminister, canSeeSignalOverview } from "~/domain/policy.server";
import { QuickSearch } from "~/components/QuickSearch";
import stylesHref from "~/styles.css?url";

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
        <header className="site-header">
          <div className="header-inner">
            <Link to="/" className="brand" aria-label="Ketenportaal Zaanstad, naar de startpagina">
              <span className="brand-mark" aria-hidden="true">
                K
              </span>
              <span>
                Ketenportaal <span className="brand-sub">Zaanstad</span>
              </span>
            </Link>
            {user ? <QuickSearch /> : null}
            {user ? (
              <div className="user-box">
                <Link to="/meldingen" className="inbox-link">
                  Meldingen
                  {user.unread > 0 ? (
                    <span className="badge" aria-label={`${user.unread} ongelezen`}>
                      {user.unread}
                    </span>
                  ) : null}
                </Link>
                <span className="user-name">
                  {user.name}
                  <span className="user-org">{user.organisationName}</span>
                </span>
                <form method="post" action="/logout">
                  <input type="hidden" name="csrf" value={data?.csrfToken ?? ""} />
                  <button type="submit" className="button-link">
                    Uitloggen
                  </button>
                </form>
              </div>
            ) : null}
          </div>
          {user ? (
            <nav aria-label="Hoofdmenu" className="main-nav">
              <ul>
                <li><NavLink to="/" end>Start</NavLink></li>
                <li><NavLink to="/documenten">Documenten</NavLink></li>
                <li><NavLink to="/wijzigingen">Wijzigingen</NavLink></li>
                <li><NavLink to="/signalen">Signalen</NavLink></li>
                <li><NavLink to="/overzicht">Overzicht</NavLink></li>
                <li><NavLink to="/ketens">Ketens</NavLink></li>
                <li><NavLink to="/organisaties">Organisaties</NavLink></li>
                <li><NavLink to="/nieuw-hier">Nieuw hier?</NavLink></li>
                {user.isBeheerder ? <li><NavLink to="/beheer">Beheer</NavLink></li> : null}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="hoofdinhoud" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            Ketenportaal voor de gemeente Zaanstad, de Sociale Wijkteams en hun ketenpartners. Deze omgeving bevat{" "}
            <em>voorbeeldinhoud</em>: illustratieve teksten, geen officieel beleid.
          </p>
          <p>
            <Link to="/toegankelijkheid">Toegankelijkheid</Link> · <Link to="/privacy">Privacy: geen cliëntgegevens in dit portaal</Link>
          </p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** Move focus to the main content after client-side navigation, so screen readers follow. */
function FocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (location.hash) return;
    document.getElementById("hoofdinhoud")?.focus({ preventScroll: false });
  }, [location.pathname, location.hash]);
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
    const fromData = typeof d === "string" ? d : d?.message;
    if (status === 404) message = fromData || "Deze pagina bestaat niet (meer).";
    else if (status === 403) message = fromData || "U heeft geen toegang tot deze pagina.";
    else if (status < 500 && fromData) message = fromData;
  }
  const title = status === 404 ? "Niet gevonden" : status === 403 ? "Geen toegang" : status < 500 ? "Dat lukte niet" : "Er ging iets mis";
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      <p className="error-status">Foutcode {status}</p>
      <p>{message}</p>
      <p>
        <Link to="/">Terug naar de startpagina</Link>
      </p>
    </div>
  );
}
