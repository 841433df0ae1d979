import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listNotifications, markRead } from "~/domain/notify.server";
import { formAction, page, readForm, requireActor } from "~/utils/request.server";
import { Csrf, EmptyState, PageHeader, formatDate } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Meldingen · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return { items: listNotifications(actor.id, 200) };
});

export const action = formAction(async ({ request }: ActionFunctionArgs) => {
  const actor = requireActor(request);
  const { value } = await readForm(request, z.object({ id: z.coerce.number().int().positive().optional() }));
  markRead(actor.id, value.id);
  return { ok: true as const };
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
