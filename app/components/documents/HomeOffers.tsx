// Start page of a document owner: drafts that redacteuren offered for publication.
import { Link } from "@remix-run/react";
import { formatDate } from "~/components/ui";

export function HomeOffers({ offers }: { offers: { id: number; summary: string; createdAt: string; documentSlug: string; documentTitle: string; offeredByName: string }[] }) {
  if (!offers.length) return null;
  return (
    <section aria-labelledby="kop-aanbiedingen">
      <h2 id="kop-aanbiedingen">Ter publicatie aangeboden</h2>
      <ul>
        {offers.map((o) => (
          <li key={o.id}>
            <Link to={`/documenten/${o.documentSlug}/aanbod/${o.id}`}>
              {o.documentTitle}: {o.summary}
            </Link>{" "}
            <span className="meta">
              · {o.offeredByName}, {formatDate(o.createdAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
