// The Word upload field with its progress indication, and the Dutch summary of what an import
// could not keep. Used by /importeren/document and /importeren/voorstel/:id.
import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Notice } from "~/components/ui";
import { WORD_ACCEPT, wordLossText, type WordLoss } from "~/shared/word-import";

export function WordFileField({ error, hint }: { error?: string; hint: ReactNode }) {
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <label htmlFor="veld-file">
        Word-bestand<span className="required"> (verplicht)</span>
      </label>
      <p className="hint" id="veld-file-hint">
        {hint}
      </p>
      {error ? (
        <p className="error-text" id="veld-file-fout">
          {error}
        </p>
      ) : null}
      <input id="veld-file" name="file" type="file" accept={WORD_ACCEPT} required aria-invalid={error ? true : undefined} aria-describedby={`veld-file-hint${error ? " veld-file-fout" : ""}`} />
    </div>
  );
}

/** The submit button, and while the file is sent and converted an indeterminate progress bar. */
export function WordSubmit({ label }: { label: string }) {
  const busy = useNavigation().state === "submitting";
  return (
    <div className="word-submit">
      <button type="submit" disabled={busy}>
        {busy ? "Bezig met omzetten…" : label}
      </button>
      <div role="status" aria-live="polite" className="word-progress">
        {busy ? (
          <>
            <progress aria-label="Het Word-bestand wordt omgezet" />
            <span>Het bestand wordt geüpload en omgezet. Dit kan bij een groot document even duren.</span>
          </>
        ) : null}
      </div>
    </div>
  );
}

/** After an import: how much came in, and what did not (or not as such). */
export function WordSummary({ blocks, dropped, children }: { blocks: number; dropped: WordLoss[]; children?: ReactNode }) {
  return (
    <Notice tone={dropped.length ? "warning" : "success"}>
      <p>
        <strong>Het Word-bestand is overgenomen</strong> ({blocks === 1 ? "1 blok" : `${blocks} blokken`} tekst: koppen, alinea&apos;s, lijsten en tabellen).
      </p>
      {dropped.length ? (
        <>
          <p>Niet (zo) overgenomen:</p>
          <ul className="word-dropped">
            {dropped.map((d) => (
              <li key={d.kind}>{wordLossText(d)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>Alles uit het bestand is overgenomen.</p>
      )}
      {children}
    </Notice>
  );
}

export type ImportDone = { ok: true; blocks: number; dropped: WordLoss[]; slug?: string };

/** The action's answer after a successful import (formAction's data is untyped). */
export function importDone(result: unknown): ImportDone | null {
  return result && typeof result === "object" && (result as { ok?: unknown }).ok === true && Array.isArray((result as { dropped?: unknown }).dropped) ? (result as ImportDone) : null;
}
