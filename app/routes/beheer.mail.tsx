import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listOutbox } from "~/domain/notify.server";
import { assertCanAdminister } from "~/domain/policy.server";
import { env } from "~/utils/env.server";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, PageHeader, formatDate } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Uitgaande e-mail · Beheer · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  assertCanAdminister(requireActor(request));
  return { mails: listOutbox(200), smtp: env().SMTP_URL !== "" };
});

export default function Mail() {
  const { mails, smtp } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Uitgaande e-mail"
        lead={
          smtp
            ? "Alle e-mail die het portaal verstuurt, met de status van de bezorging."
            : "Er is geen SMTP-server ingesteld (SMTP_URL): e-mail wordt niet verstuurd maar is hier te lezen."
        }
      />
      {mails.length ? (
        <ul className="stack">
          {mails.map((m) => (
            <li key={m.id} className="card">
              <h2 className="h3">{m.subject}</h2>
              <p className="meta">
                Aan {m.to} · {formatDate(m.createdAt, true)} ·{" "}
                {m.sentAt ? `verstuurd ${formatDate(m.sentAt, true)}` : m.error ? `niet verstuurd: ${m.error}` : smtp ? "in de wachtrij" : "niet verstuurd (geen SMTP)"}
                {m.hasIcs ? " · met agenda-bijlage" : ""}
              </p>
              <pre className="json">{m.text}</pre>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>Er is nog geen e-mail aangemaakt.</EmptyState>
      )}
    </div>
  );
}
