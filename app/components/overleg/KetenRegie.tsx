import { Link } from "@remix-run/react";
import { EmptyState } from "~/components/ui";
import { IntentButton } from "./fields";
import { TableScroll } from "~/components/ui";

type Regie = {
  keten: { slug: string; name: string };
  roles: {
    organisationId: number;
    organisation: string;
    organisationSlug: string;
    role: string;
    expectations: string;
    contentDecider: string;
    capacityDecider: string;
  }[];
  contacts: { id: number; wijk: string; role: string; name: string }[];
  deputy: { name: string; functie: string } | null;
  standIn: boolean;
  escalation: { name: string; functie: string } | null;
  canSetStandIn: boolean;
  canEditRoles?: boolean;
};

/** Who does what in the keten: the roles table, fixed contacts per wijk and the regie. */
export function KetenRoles({ regie, headingLevel = 2 }: { regie: Regie; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`kop-rollen-${regie.keten.slug}`}>
      <H id={`kop-rollen-${regie.keten.slug}`}>Rollen in de keten {regie.keten.name}</H>
      {regie.canEditRoles ? (
        <p>
          <Link to={`/ketens/${regie.keten.slug}/rollen`}>Rollen en contactpersonen bewerken</Link>
        </p>
      ) : null}
      {regie.roles.length ? (
        <TableScroll label={`Rollen en verwachtingen in de keten ${regie.keten.name}`}>
          <table>
            <caption className="visually-hidden">Rollen en verwachtingen in de keten {regie.keten.name}</caption>
            <thead>
              <tr>
                <th scope="col">Organisatie</th>
                <th scope="col">Rol</th>
                <th scope="col">Wat anderen mogen verwachten</th>
                <th scope="col">Beslist over inhoud</th>
                <th scope="col">Beslist over capaciteit</th>
              </tr>
            </thead>
            <tbody>
              {regie.roles.map((r) => (
                <tr key={r.organisationId}>
                  <th scope="row">
                    <Link to={`/organisaties/${r.organisationSlug}`}>{r.organisation}</Link>
                  </th>
                  <td>{r.role}</td>
                  <td>{r.expectations}</td>
                  <td>{r.contentDecider}</td>
                  <td>{r.capacityDecider}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <EmptyState>De rollen in deze keten zijn nog niet beschreven.</EmptyState>
      )}
      {regie.contacts.length ? (
        <>
          <H>Vaste contactpersonen per wijk</H>
          <ul>
            {regie.contacts.map((c) => (
              <li key={c.id}>
                {c.wijk}: {c.role} — {c.name}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function KetenRegieFacts({ regie }: { regie: Regie }) {
  return (
    <dl className="facts">
      <dt>Plaatsvervangend regisseur</dt>
      <dd>
        {regie.deputy ? `${regie.deputy.name}${regie.deputy.functie ? `, ${regie.deputy.functie}` : ""}` : "Niet benoemd"}
        {regie.deputy ? <span className="tag">{regie.standIn ? "neemt nu waar" : "neemt nu niet waar"}</span> : null}
        {regie.deputy && regie.canSetStandIn ? (
          <IntentButton intent="waarnemen" values={{ standIn: regie.standIn ? "uit" : "aan" }} secondary>
            {regie.standIn ? "Waarneming beëindigen" : "Laat waarnemen"}
          </IntentButton>
        ) : null}
      </dd>
      <dt>Escalatie bij verstreken termijn</dt>
      <dd>{regie.escalation ? `${regie.escalation.name}${regie.escalation.functie ? `, ${regie.escalation.functie}` : ""}` : "De contractmanager"}</dd>
    </dl>
  );
}
