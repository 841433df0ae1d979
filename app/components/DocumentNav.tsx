import { NavLink } from "@remix-run/react";

/** Tabs of one document: read, history, (for editors) edit. */
export function DocumentNav({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  return (
    <nav className="sub-nav" aria-label="Document">
      <ul>
        <li>
          <NavLink to={`/documenten/${slug}`} end>
            Lezen
          </NavLink>
        </li>
        <li>
          <NavLink to={`/documenten/${slug}/versies`}>Versies</NavLink>
        </li>
        {canEdit ? (
          <li>
            <NavLink to={`/documenten/${slug}/bewerken`}>Bewerken</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** What the editor area shows until the editor has loaded; without JavaScript it never loads, so say so. */
export function EditorLoading({ slug }: { slug: string }) {
  return (
    <>
      <noscript>
        <p className="alert alert-warning" id="editor-zonder-javascript">
          Bewerken kan alleen met JavaScript aan. Zet JavaScript aan in uw browser, of <a href={`/documenten/${slug}`}>lees het document</a>.
        </p>
      </noscript>
      <p className="editor-loading">De editor wordt geladen…</p>
    </>
  );
}
