import type { MetaFunction } from "@remix-run/node";
import { PageHeader } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Toegankelijkheid · Ketenportaal Zaanstad" }];

export default function Toegankelijkheid() {
  return (
    <div className="doc-body">
      <PageHeader title="Toegankelijkheid" />
      <p>Ketenportaal wil voldoen aan de WCAG 2.1 op niveau AA, zoals voor Nederlandse overheidssites is voorgeschreven.</p>
      <ul>
        <li>Alles is met het toetsenbord te bedienen; de link &ldquo;Naar de hoofdinhoud&rdquo; slaat het menu over.</li>
        <li>Elke pagina wordt bij iedere wijziging automatisch getoetst met axe op WCAG 2.1 A en AA.</li>
        <li>Grafieken hebben altijd een tabel met dezelfde cijfers.</li>
      </ul>
      <p>Loopt u ergens tegenaan? Meld het bij de beheerder van het portaal.</p>
    </div>
  );
}
