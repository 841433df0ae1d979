import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from "react";
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { documentBySlug, editorPage } from "~/domain/documents/documents.server";
import { awaitDraftEdits, getCurrentVersion } from "~/domain/documents/versions.server";
import { offerDraft, publishDraft, publishPanelFor, startProposalFromText } from "~/domain/documents/publishing.server";
import { offerSchema, proposalFromDraftSchema, publishDraftSchema } from "~/shared/document-forms";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { Notice, PageHeader } from "~/components/ui";
import { PageRefusal } from "~/components/forms";
import { DocumentNav, EditorLoading } from "~/components/DocumentNav";
import { PublishPanel } from "~/components/documents/PublishPanel";
import { addDraftComment, listDraftComments, replyToDraftComment, setDraftCommentResolved } from "~/domain/margin/drafts.server";
import { draftCommentSchema, replySchema, resolveSchema } from "~/shared/margin-forms";
import { Margin } from "~/components/margin/Margin";
import { DraftCard, DraftCommentForm, anchorsOf } from "~/components/margin/Threads";

// Lexical and y-websocket only run in the browser; the server renders a placeholder.
const CollabEditor = lazy(() => import("~/editor/CollabEditor"));

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Bewerken: ${data?.document.title ?? "document"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const data = editorPage({ actor, slug: params.slug ?? "" });
  const current = getCurrentVersion(data.document.id);
  const url = new URL(request.url).searchParams;
  return {
    ...data,
    currentVersion: current ? { number: current.number } : null,
    panel: publishPanelFor(actor, documentBySlug(data.document.slug)!),
    askProposal: url.get("voorstel") === "1",
    offered: url.get("aangeboden") === "1",
    comments: listDraftComments({ actor, documentId: data.document.id }),
  };
});

const documentOf = (actor: Parameters<typeof editorPage>[0]["actor"], slug: string | undefined) => editorPage({ actor, slug: slug ?? "" }).document;
const back = (slug: string, hash: string) => redirect(`/documenten/${slug}/bewerken${hash}`);

export const action = formAction(
  {
    publish: intent({
      schema: publishDraftSchema,
      async run({ actor, value, params }) {
        const document = documentOf(actor, params.slug);
        // Publish what this editor showed, including keystrokes still on their way over the websocket.
        await awaitDraftEdits({ documentId: document.id, seen: value.seen });
        const out = publishDraft({ actor, documentId: document.id, summary: value.summary, change: value.change ?? null });
        if (out.kind === "proposal") return redirect(`/documenten/${document.slug}/bewerken?voorstel=1#voorstel`);
        return redirect(`/documenten/${document.slug}?gepubliceerd=${out.version.number}`);
      },
    }),
    offer: intent({
      schema: offerSchema,
      async run({ actor, value, params }) {
        const document = documentOf(actor, params.slug);
        await awaitDraftEdits({ documentId: document.id, seen: value.seen });
        offerDraft({ actor, documentId: document.id, summary: value.summary });
        return redirect(`/documenten/${document.slug}/bewerken?aangeboden=1`);
      },
    }),
    proposal: intent({
      schema: proposalFromDraftSchema,
      run({ actor, value, params }) {
        const document = documentOf(actor, params.slug);
        const { id } = startProposalFromText({ actor, documentId: document.id, title: value.title });
        return redirect(`/wijzigingen/${id}`);
      },
    }),
    comment: intent({
      schema: draftCommentSchema,
      run({ actor, value, params }) {
        const doc = documentOf(actor, params.slug);
        const { commentId } = addDraftComment({ actor, documentId: doc.id, ...value });
        return back(doc.slug, `#opmerking-${commentId}`);
      },
    }),
    reply: intent({
      schema: replySchema,
      target: "commentId",
      run({ actor, value, params }) {
        const doc = documentOf(actor, params.slug);
        replyToDraftComment({ actor, documentId: doc.id, ...value });
        return back(doc.slug, `#opmerking-${value.commentId}`);
      },
    }),
    resolve: intent({
      schema: resolveSchema,
      target: "commentId",
      run({ actor, value, params }) {
        const doc = documentOf(actor, params.slug);
        setDraftCommentResolved({ actor, documentId: doc.id, commentId: value.commentId, resolved: value.resolved === "ja" });
        return back(doc.slug, `#opmerking-${value.commentId}`);
      },
    }),
  },
  { defaultIntent: "publish" },
);

function ClientOnly({ children, fallback }: { children: () => ReactNode; fallback: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return <>{mounted ? children() : fallback}</>;
}

export default function DocumentBewerken() {
  const { document: doc, collab, currentVersion, panel, askProposal, offered, comments } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const open = comments.filter((c) => !c.resolved);
  const busy = useNavigation().state === "submitting";
  const next = (currentVersion?.number ?? 0) + 1;
  const loading = <EditorLoading slug={doc.slug} />;
  // The publish and offer forms carry the editor's Yjs state vector, so the server waits for
  // keystrokes still on their way over the websocket (awaitDraftEdits).
  const onStateVector = useCallback((sv: string) => document.querySelectorAll<HTMLInputElement>('input[name="seen"]').forEach((i) => (i.value = sv)), []);
  return (
    <div>
      <PageHeader
        title={doc.title}
        lead={`Concept bewerken · ${doc.kindLabel}${doc.ketenName ? ` · ${doc.ketenName}` : ""}. Wijzigingen worden direct bewaard en zijn meteen zichtbaar voor andere redacteuren; lezers zien ze pas na publicatie.`}
      />
      <DocumentNav slug={doc.slug} canEdit />
      <PageRefusal result={result} shownBy={["publish", "offer", "proposal", "comment", ...comments.flatMap((c) => [`reply:${c.id}`, `resolve:${c.id}`])]} />
      <Margin
        textId="concepttekst"
        title={`Opmerkingen (${open.length} open${comments.length > open.length ? `, ${comments.length - open.length} afgehandeld` : ""})`}
        anchors={anchorsOf(open.map((c) => ({ cardId: `opmerking-${c.id}`, anchor: c.anchor })))}
        canComment
        renderForm={(pending, close) => <DraftCommentForm pending={pending} close={close} actionResult={result} />}
        cards={comments.map((c) => (
          <DraftCard key={c.id} c={c} actionResult={result} />
        ))}
      >
        <div id="concepttekst">
          <ClientOnly fallback={loading}>
            {() => (
              <Suspense fallback={loading}>
                <CollabEditor room={collab.room} docId={collab.id} user={collab.user} label={`Tekst van ${doc.title}`} onStateVector={onStateVector} />
              </Suspense>
            )}
          </ClientOnly>
        </div>
      </Margin>
      {offered ? <Notice tone="success">Het concept is ter publicatie aangeboden. De eigenaar van het document krijgt een bericht.</Notice> : null}
      <PublishPanel slug={doc.slug} next={next} currentNumber={currentVersion?.number ?? null} panel={panel} result={result} busy={busy} askProposal={askProposal} />
    </div>
  );
}
