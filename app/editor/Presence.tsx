// Who is in the document, with a button per co-editor that scrolls to their cursor (the
// caret Lexical draws for them in the cursors container, named after them).
import type { RefObject } from "react";

export type Person = {
  clientId: number;
  name: string;
  color: string;
  organisation: string;
};

export function Presence({ people, selfId, cursors }: { people: Person[]; selfId: number | null; cursors: RefObject<HTMLElement> }) {
  const goTo = (p: Person) => {
    const container = cursors.current;
    if (!container) return;
    const caret = [...container.querySelectorAll("span")].find((s) => s.textContent === p.name && s.parentElement?.style.position === "absolute");
    const target = caret?.parentElement ?? null;
    if (target) target.scrollIntoView({ block: "center", behavior: "smooth" });
  };
  return (
    <div className="presence" aria-live="polite">
      <span className="presence-label">Nu in dit document:</span>{" "}
      {people.length ? (
        <ul className="presence-list">
          {people.map((p) => (
            <li key={p.clientId}>
              <span className="swatch" style={{ background: p.color }} aria-hidden="true" />
              {p.clientId === selfId ? (
                <>
                  {p.name}
                  {p.organisation ? <span className="meta"> ({p.organisation})</span> : null}
                </>
              ) : (
                <button type="button" className="button-link presence-goto" onClick={() => goTo(p)} aria-label={`Naar de cursor van ${p.name}`}>
                  {p.name}
                  {p.organisation ? <span className="meta"> ({p.organisation})</span> : null}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <span className="meta">alleen u</span>
      )}
    </div>
  );
}
