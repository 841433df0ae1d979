// The collaborative editor (browser only; the route lazy-loads it). Lexical bound to a
// Y.Doc via CollaborationPlugin, synced with y-websocket to /collab/<documentId> on the
// same origin. The server seeds every document, so this client never bootstraps content.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Provider } from "@lexical/yjs";
import { LexicalComposer, type InitialConfigType } from "@lexical/react/LexicalComposer";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { ListPlugin } from "@lexical/react/LexicalListPlugin";
import { LinkPlugin } from "@lexical/react/LexicalLinkPlugin";
import { TablePlugin } from "@lexical/react/LexicalTablePlugin";
import { CollaborationPlugin } from "@lexical/react/LexicalCollaborationPlugin";
import { LexicalCollaboration } from "@lexical/react/LexicalCollaborationContext";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CLOSE_MESSAGES, COLLAB_PATH_PREFIX } from "~/shared/collab";
import { editorNodes, editorTheme } from "./nodes";
import { safeHref } from "./links";
import { Toolbar } from "./Toolbar";

export type CollabEditorProps = {
  /** Path segment after /collab/ (the document id for documents). */
  room: string;
  /** Stable id of the Y.Doc in Lexical's doc map (the room name, e.g. "doc-12"). */
  docId: string;
  user: { name: string; color: string; organisation: string };
  /** Accessible name of the editable area. */
  label: string;
};

type Status = "connecting" | "connected" | "disconnected";
type Person = { clientId: number; name: string; color: string; organisation: string };

function collabServerUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}${COLLAB_PATH_PREFIX.replace(/\/$/, "")}`;
}

function validateUrl(url: string): boolean {
  return safeHref(url) !== null;
}

export default function CollabEditor({ room, docId, user, label }: CollabEditorProps) {
  const [status, setStatus] = useState<Status>("connecting");
  const [closedMessage, setClosedMessage] = useState<string | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [synced, setSynced] = useState(false);

  const initialConfig: InitialConfigType = useMemo(
    () => ({
      namespace: "ketenportaal",
      nodes: [...editorNodes],
      theme: editorTheme,
      // The collaboration plugin owns the content; null keeps Lexical from creating any.
      editorState: null,
      onError: (error: Error) => console.error(error),
    }),
    [],
  );

  const providerFactory = useCallback(
    (id: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
      let doc = yjsDocMap.get(id);
      if (!doc) {
        doc = new Y.Doc();
        yjsDocMap.set(id, doc);
      }
      // No BroadcastChannel: every change goes through the server, which checks rights.
      const provider = new WebsocketProvider(collabServerUrl(), room, doc, { connect: false, disableBc: true });
      provider.on("status", ({ status: s }) => setStatus(s));
      provider.on("sync", (isSynced: boolean) => setSynced(isSynced));
      provider.on("closed", ({ code }) => {
        setClosedMessage(CLOSE_MESSAGES[code] ?? `De verbinding is verbroken (code ${code}). Laad de pagina opnieuw.`);
      });
      const updatePeople = () => {
        const list: Person[] = [];
        provider.awareness.getStates().forEach((state, clientId) => {
          const s = state as { name?: unknown; color?: unknown; awarenessData?: { organisation?: unknown } };
          if (typeof s.name !== "string") return;
          list.push({
            clientId,
            name: s.name,
            color: typeof s.color === "string" ? s.color : "#555",
            organisation: typeof s.awarenessData?.organisation === "string" ? s.awarenessData.organisation : "",
          });
        });
        setPeople(list);
      };
      provider.awareness.on("change", updatePeople);
      return provider as unknown as Provider;
    },
    [room],
  );

  // Stable identity: CollaborationPlugin reconnects whenever this object changes.
  const awarenessData = useMemo(() => ({ organisation: user.organisation }), [user.organisation]);

  // One entry per person even when they have the document open in two tabs.
  const present = useMemo(() => {
    const byName = new Map<string, Person>();
    for (const p of people) if (!byName.has(`${p.name}|${p.organisation}`)) byName.set(`${p.name}|${p.organisation}`, p);
    return [...byName.values()];
  }, [people]);

  useEffect(() => {
    if (closedMessage) setStatus("disconnected");
  }, [closedMessage]);

  const statusText =
    status === "connected" ? (synced ? "Verbonden" : "Verbonden, tekst wordt geladen…") : status === "connecting" ? "Verbinding maken…" : "Verbinding herstellen…";

  return (
    <div className="editor-shell">
      <div className="editor-meta">
        <p className={`connection connection-${closedMessage ? "closed" : status}`} role="status" aria-live="polite">
          <span className="connection-dot" aria-hidden="true" />
          {closedMessage ? "Niet verbonden" : statusText}
        </p>
        <div className="presence" aria-live="polite">
          <span className="presence-label">Nu in dit document:</span>{" "}
          {present.length ? (
            <ul className="presence-list">
              {present.map((p) => (
                <li key={p.clientId}>
                  <span className="swatch" style={{ background: p.color }} aria-hidden="true" />
                  {p.name}
                  {p.organisation ? <span className="meta"> ({p.organisation})</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <span className="meta">alleen u</span>
          )}
        </div>
      </div>
      {closedMessage ? (
        <div className="alert alert-error" role="alert">
          {closedMessage}
        </div>
      ) : null}
      <LexicalCollaboration>
        <LexicalComposer initialConfig={initialConfig}>
          <Toolbar />
          <div className="editor-frame">
            <RichTextPlugin
              contentEditable={<ContentEditable className="editor-content doc-body" aria-label={label} aria-multiline="true" spellCheck />}
              ErrorBoundary={LexicalErrorBoundary}
            />
          </div>
          <ListPlugin />
          <LinkPlugin validateUrl={validateUrl} attributes={{ rel: "noopener noreferrer nofollow" }} />
          <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} />
          <CollaborationPlugin
            id={docId}
            providerFactory={providerFactory}
            shouldBootstrap={false}
            username={user.name}
            cursorColor={user.color}
            awarenessData={awarenessData}
          />
        </LexicalComposer>
      </LexicalCollaboration>
    </div>
  );
}
