import type { MetaFunction } from "@remix-run/node";
import { PageHeader } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Privacy · Ketenportaal Zaanstad" }];

export default function Privacy() {
  return (
    <div className="doc-body">
      <PageHeader title="Privacy: geen cliëntgegevens" />
      <p>
        Ketenportaal gaat over afspraken, veranderingen en patronen in de samenwerking, nooit over individuele inwoners. Zet daarom geen namen van cliënten,
        BSN&apos;s, geboortedata, adressen, telefoonnummers of e-mailadressen van inwoners in documenten, reacties of signalen.
      </p>
      <p>Bij het melden van een signaal controleert het portaal de tekst op zulke gegevens en weigert het opslaan als het ze vindt.</p>
      <p>Van medewerkers bewaart het portaal naam, functie, organisatie en e-mailadres, om samenwerking en terugkoppeling mogelijk te maken.</p>
    </div>
  );
}
