import { NavLink, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { findClientData, privacyExplanation } from "~/shared/privacy-guard";
import { STATUS_TONE, type SignalStatus } from "~/shared/signals";

export function SignalNav() {
  const root = useRouteLoaderData("root") as { user?: { seesOverview?: boolean } | null } | undefined;
  return (
    <nav className="sub-nav" aria-label="Signalen">
      <ul>
        <li>
          <NavLink to="/signalen" end>
            Alle signalen
          </NavLink>
        </li>
        <li>
          <NavLink to="/signalen/mijn">Mijn signalen</NavLink>
        </li>
        <li>
          <NavLink to="/signalen/nieuw">Signaal melden</NavLink>
        </li>
        {root?.user?.seesOverview ? (
          <li>
            <NavLink to="/signalen/overzicht">Overzicht per keten, thema en wijk</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function StatusBadge({ status, label, overdue }: { status: SignalStatus; label: string; overdue?: boolean }) {
  const tone = STATUS_TONE[status];
  return (
    <>
      <span className={`status${tone ? ` status-${tone}` : ""}`}>{label}</span>
      {overdue ? <span className="status status-bad overdue-badge">achter op termijn</span> : null}
    </>
  );
}

/**
 * Live privacy feedback while typing: the same check the server runs before saving. It only
 * warns; the server refuses.
 */
export function PrivacyHint({ id, text }: { id: string; text: string }) {
  const [message, setMessage] = useState("");
  useEffect(() => {
    // Debounced so a screen reader is not interrupted at every keystroke.
    const t = setTimeout(() => setMessage(privacyExplanation(findClientData(text))), 400);
    return () => clearTimeout(t);
  }, [text]);
  return (
    <div id={id} aria-live="polite" className={message ? "privacy-hint" : undefined}>
      {message ? <p>{message}</p> : null}
    </div>
  );
}

export function RuleForPartners() {
  return (
    <details className="rule">
      <summary>Wie ziet welke signalen?</summary>
      <p>
        Medewerkers van de gemeente en van de wijkteamorganisaties zien alle signalen: een patroon wordt pas zichtbaar als teams elkaars signalen
        kunnen herkennen. Een ketenpartner (zoals Werkom of een Wmo-aanbieder) ziet de signalen die de eigen organisatie meldde, signalen die hij volgt,
        en de signalen van de ketens waarin zijn organisatie zit. Alleen de regisseur van de eigenaar-keten behandelt een signaal. Een signaal gaat
        altijd over een patroon, nooit over één inwoner.
      </p>
    </details>
  );
}
