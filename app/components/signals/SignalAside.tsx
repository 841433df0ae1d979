// The side panel of the signal page: facts, who recognises it (with the form), merged reports.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDate } from "~/components/ui";
import { plural } from "~/shared/plural";
import type { getSignalDetail } from "~/domain/signals/queries.server";
import { RecogniseForm, WithdrawRecognitionForm } from "./SignalForms";
import { TableScroll } from "~/components/ui";

export type SignalPageData = ReturnType<typeof getSignalDetail> & {
  wijkOptions: { id: number; name: string }[];
};

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function SignalAside({ d, result }: { d: SignalPageData; result: unknown }) {
  const owner = d.ketens.find((k) => k.isOwner);
  const s = d.signal;
  return (
    <aside aria-label="Gegevens van het signaal">
      <dl className="facts facts-stacked">
        <dt>Gemeld door</dt>
        <dd>
          {d.reporter.name} ({d.reporter.organisationName}), {formatDate(s.createdAt, true)}
        </dd>
        <dt>Keten{d.ketens.length > 1 ? "s" : ""}</dt>
        <dd>
          <ul className="plain">
            {d.ketens.map((k) => (
              <li key={k.id}>
                <Link to={`/ketens/${k.slug}`}>{k.name}</Link>
                {k.isOwner ? <span className="tag">eigenaar</span> : null}
                <span className="meta"> · regisseur {k.regisseurName ?? "nog niet benoemd"}</span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>Thema</dt>
        <dd>{d.thema.name}</dd>
        <dt>Wijk(en)</dt>
        <dd>{s.stadsbreed ? "Stadsbreed" : d.wijken.map((w) => w.name).join(", ")}</dd>
        <dt>Terugkoppeling uiterlijk</dt>
        <dd>
          {formatDate(s.dueAt)}
          {["nieuw", "in_behandeling", "informatie_gevraagd", "heropend"].includes(s.status) ? (
            <span className={`meta${s.overdue ? " late" : ""}`}>
              {" "}
              ·{" "}
              {s.overdue
                ? `${plural(-s.workingDaysLeft, "werkdag", "werkdagen")} over de termijn`
                : s.workingDaysLeft === 0
                ? "vandaag"
                : `nog ${plural(s.workingDaysLeft, "werkdag", "werkdagen")}`}
            </span>
          ) : null}
        </dd>
      </dl>
      {d.can.isCoOwner ? <p className="meta">Uw keten is betrokken bij dit signaal; de regisseur van {owner?.name} behandelt het.</p> : null}

      <Section id="kop-herken" title="Herkenbaar?">
        <p>
          {d.recognitionStats.people === 0
            ? "Nog niemand heeft aangegeven dit te herkennen."
            : `${d.recognitionStats.people} ${d.recognitionStats.people === 1 ? "persoon" : "mensen"} uit ${d.recognitionStats.organisations} ${
                d.recognitionStats.organisations === 1 ? "organisatie" : "organisaties"
              } ${d.recognitionStats.people === 1 ? "herkent" : "herkennen"} dit.`}
        </p>
        {d.recognitionStats.spread.length ? (
          <TableScroll label="Spreiding over wijken (melding en herkenningen)">
            <table className="compact">
              <caption>Spreiding over wijken (melding en herkenningen)</caption>
              <thead>
                <tr>
                  <th scope="col">Wijk</th>
                  <th scope="col">Aantal</th>
                </tr>
              </thead>
              <tbody>
                {d.recognitionStats.spread.map((w) => (
                  <tr key={w.name}>
                    <td>{w.name}</td>
                    <td>{w.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
        {d.recognitions.length ? (
          <ul className="recognitions">
            {d.recognitions.map((r) => (
              <li key={r.personId}>
                <strong>{r.personName}</strong>{" "}
                <span className="meta">
                  ({r.organisationName}
                  {r.wijkName ? `, ${r.wijkName}` : ""})
                </span>
                {r.note ? <p>{r.note}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {d.can.recognise && !d.can.hasRecognised ? <RecogniseForm wijken={d.wijkOptions} result={result} /> : null}
        {d.can.hasRecognised ? <WithdrawRecognitionForm /> : null}
      </Section>

      {d.mergedFrom.length ? (
        <Section id="kop-samengevoegd" title="Samengevoegde meldingen">
          <ul>
            {d.mergedFrom.map((m) => (
              <li key={m.id}>
                <Link to={`/signalen/${m.id}`}>
                  #{m.id} {m.title}
                </Link>{" "}
                <span className="meta">({m.reporterName})</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </aside>
  );
}
