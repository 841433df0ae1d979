import { Link } from "@remix-run/react";
import type { PresentedHit, Segment } from "~/domain/search/search.server";

/** Text with the matched words in <mark>; segments come from the server as plain text. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

/** `onOpen`: called when the result is followed (the search page counts it for "niet gevonden"). */
export function SearchHitItem({ hit, onOpen }: { hit: PresentedHit; onOpen?: () => void }) {
  return (
    <li className={`search-hit search-hit-${hit.kind}`}>
      <p className="search-hit-kind">
        <span className="tag">{hit.kindLabel}</span>
        {hit.meta.map((m) => (
          <span key={m} className="meta search-hit-meta">
            {m}
          </span>
        ))}
      </p>
      <h3 className="search-hit-title">
        <Link to={hit.url} onClick={onOpen}>
          <Highlighted segments={hit.title} />
          {hit.section.length ? (
            <>
              <span className="search-hit-sep"> — </span>
              <Highlighted segments={hit.section} />
            </>
          ) : null}
        </Link>
      </h3>
      {hit.excerpt.length ? (
        <p className="search-hit-excerpt">
          <Highlighted segments={hit.excerpt} />
        </p>
      ) : null}
    </li>
  );
}
