import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { idSchema } from "~/shared/ids";
import { listNotifications, markRead } from "~/domain/notify.server";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { Csrf, EmptyState, PageHeader, formatDate } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Meldingen · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return { items: listNotifications(actor.id, 200) };
});

export const action = formAction({
  read: intent({
    schema: z.object({ id: idSchema("Deze melding bestaat niet.").optional() }),
    run({ actor, value }) {
      markRead(actor.id, value.id);
      return { ok: true as const };
    },
  }),
});

export default function Meldingen() {
  const { items } = useLoaderData<typeof loader>();
  const unread = items.filter((i) => !i.readAt).length;
  return (
    <div>
      <PageHeader title="Meldingen" lead="Uitnodigingen, herinneringen, statuswijzigingen en antwoorden die voor u bestemd zijn.">
        {unread > 0 ? (
          <Form method="post">
            <Csrf />
            <button type="submit" className="button-secondary">
              Alles als gelezen markeren
            </button>
          </Form>
        ) : null}
      </PageHeader>
      <p>
        <Link to="/instellingen/meldingen">Kies hoe u meldingen per e-mail ontvangt</Link>: meteen, als dag- of weekoverzicht, of alleen hier.
      </p>
      {items.length ? (
        <ul className="stack" aria-label="Meldingen">
          {items.map((n) => (
            <li key={n.id} className="card">
              <h2 className="h3">
                <Link to={n.link}>{n.title}</Link> {n.readAt ? null : <span className="status status-warn">nieuw</span>}
              </h2>
              <p>{n.body}</p>
              <p className="meta">{formatDate(n.createdAt, true)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>U heeft nog geen meldingen.</EmptyState>
      )}
    </div>
  );
}
