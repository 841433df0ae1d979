import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { assertCanAdminister } from "~/domain/policy.server";
import { page, requireActor } from "~/http/request.server";

export const loader = page(({ request }: LoaderFunctionArgs) => {
  assertCanAdminister(requireActor(request));
  return null;
});

export default function Beheer() {
  return (
    <div>
      <nav aria-label="Beheer" className="sub-nav">
        <ul>
          <li><NavLink to="/beheer" end>Overzicht</NavLink></li>
          <li><NavLink to="/beheer/personen/nieuw">Nieuwe persoon</NavLink></li>
          <li><NavLink to="/beheer/organisaties/nieuw">Nieuwe organisatie</NavLink></li>
          <li><NavLink to="/beheer/audit">Auditlog</NavLink></li>
          <li><NavLink to="/beheer/mail">Uitgaande e-mail</NavLink></li>
          <li><NavLink to="/beheer/bewaartermijnen">Bewaartermijnen</NavLink></li>
          <li><NavLink to="/beheer/synoniemen">Synoniemen</NavLink></li>
          <li><NavLink to="/beheer/zoekvragen">Niet gevonden</NavLink></li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
