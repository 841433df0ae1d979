// The site header: brand, search, inbox, the person and the main menu. On a phone (≤ 600 px)
// it is two compact rows (the brand mark, Meldingen, Uitloggen and a "Menu" button; the
// search field): the main menu and who is signed in fold behind the menu button (aria-expanded; Escape closes it and returns the focus to the button). Without
// JavaScript there is no button and everything stays visible.
import { Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { RootData } from "~/root";
import { QuickSearch } from "./QuickSearch";

type User = NonNullable<RootData["user"]>;

const MENU_ID = "hoofdmenu";

export function SiteHeader({ user, csrfToken }: { user: User | null; csrfToken: string }) {
  const [hydrated, setHydrated] = useState(false);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  useEffect(() => setHydrated(true), []);
  // A new page closes the menu.
  useEffect(() => setOpen(false), [location.key]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape" && open) {
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <header className={`site-header${hydrated && user ? " has-menu" : ""}${open ? " menu-open" : ""}`} onKeyDown={onKeyDown}>
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
              <input type="hidden" name="csrf" value={csrfToken} />
              <button type="submit" className="button-link">
                Uitloggen
              </button>
            </form>
          </div>
        ) : null}
        {/* Last in the row, so Tab goes from the button straight into the menu it opens. */}
        {user && hydrated ? (
          <button type="button" ref={button} className="menu-button" aria-expanded={open} aria-controls={MENU_ID} onClick={() => setOpen((o) => !o)}>
            Menu
          </button>
        ) : null}
      </div>
      {user ? (
        <nav aria-label="Hoofdmenu" className="main-nav" id={MENU_ID}>
          <ul>
            <li>
              <NavLink to="/" end>
                Start
              </NavLink>
            </li>
            <li>
              <NavLink to="/documenten">Documenten</NavLink>
            </li>
            <li>
              <NavLink to="/wijzigingen">Wijzigingen</NavLink>
            </li>
            <li>
              <NavLink to="/verkenningen">Verkenningen</NavLink>
            </li>
            <li>
              <NavLink to="/signalen">Signalen</NavLink>
            </li>
            <li>
              <NavLink to="/overzicht">Overzicht</NavLink>
            </li>
            <li>
              <NavLink to="/overleg">Overleg</NavLink>
            </li>
            <li>
              <NavLink to="/opdrachten">Opdrachten</NavLink>
            </li>
            <li>
              <NavLink to="/ketens">Ketens</NavLink>
            </li>
            <li>
              <NavLink to="/organisaties">Organisaties</NavLink>
            </li>
            <li>
              <NavLink to="/nieuw-hier">Nieuw hier?</NavLink>
            </li>
            {user.isBeheerder ? (
              <li>
                <NavLink to="/beheer">Beheer</NavLink>
              </li>
            ) : null}
          </ul>
          <p className="menu-person">
            Ingelogd als {user.name}, {user.organisationName}
          </p>
        </nav>
      ) : null}
    </header>
  );
}
