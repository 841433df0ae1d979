import { NavLink, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { findClientData, findPrivacyWarnings, privacyExplanation, privacyWarning, type PrivacyContext } from "~/shared/privacy-guard";
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
      {/* The hidden comma keeps screen readers from reading "Nieuwachter op termijn" as one word. */}
      {overdue ? (
        <>
          <span className="visually-hidden">, </span>
          <span className="status status-bad overdue-badge">achter op termijn</span>
        </>
      ) : null}
    </>
  );
}

/**
 * Live privacy feedback while typing: the same check the server runs before saving. It only
 * warns; the server refuses.
 */
/** The live privacy hint below a text field; silent while the field shows the same message as its error. */
export function PrivacyHint({ id, text, context = "signaal", error }: { id: string; text: string; context?: PrivacyContext; error?: string }) {
  const [message, setMessage] = useState("");
  useEffect(() => {
    // Debounced so a screen reader is not interrupted at every keystroke. What blocks saving
    // comes first; otherwise a warning about what only might identify someone.
    const t = setTimeout(() => setMessage(privacyExplanation(findClientData(text), context) || privacyWarning(findPrivacyWarnings(text))), 400);
    return () => clearTimeout(t);
  }, [text, context]);
  const shown = message && message !== error ? message : "";
  return (
    <div id={id} aria-live="polite" className={shown ? "privacy-hint" : undefined}>
      {shown ? <p>{shown}</p> : null}
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
