// The collaborative editor (browser only; the route lazy-loads it). Lexical bound to a
// Y.Doc via CollaborationPlugin, synced with y-websocket to /collab/<documentId> on the
// same origin. The server seeds every document, so this client never bootstraps content.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
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
import { toBase64 } from "lib0/buffer";
import * as decoding from "lib0/decoding";
import { CLOSE_MESSAGES, COLLAB_PATH_PREFIX, MESSAGE_NOTICE, parseRoomNotice, roomNoticeText, type RoomNotice } from "~/shared/collab";
import { editorNodes, editorTheme } from "./nodes";
import { safeHref } from "./links";
import { Toolbar } from "./Toolbar";
import { Presence, type Person } from "./Presence";
import { TableOfContents } from "./TableOfContents";

export type CollabEditorProps = {
  /** Path segment after /collab/ (the document id for documents). */
  room: string;
  /** Stable id of the Y.Doc in Lexical's doc map (the room name, e.g. "doc-12"). */
  docId: string;
  user: { name: string; color: string; organisation: string };
  /** Accessible name of the editable area. */
  label: string;
  /** Called with the Y.Doc's state vector (base64) after every change, e.g. for the publish form. */
  onStateVector?: (stateVector: string) => void;
};

type Status = "connecting" | "connected" | "disconnected";

function collabServerUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}${COLLAB_PATH_PREFIX.replace(/\/$/, "")}`;
}

function validateUrl(url: string): boolean {
  return safeHref(url) !== null;
}

export default function CollabEditor({ room, docId, user, label, onStateVector }: CollabEditorProps) {
  const [status, setStatus] = useState<Status>("connecting");
  const [closedMessage, setClosedMessage] = useState<string | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [synced, setSynced] = useState(false);
  const [notice, setNotice] = useState<RoomNotice | null>(null);
  const [selfId, setSelfId] = useState<number | null>(null);
  const cursorsRef = useRef<HTMLDivElement>(null);
  // A ref, so a new callback does not make a new provider (which would reconnect).
  const stateVectorListener = useRef(onStateVector);
  stateVectorListener.current = onStateVector;

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
      const ydoc = doc;
      ydoc.on("update", () => stateVectorListener.current?.(toBase64(Y.encodeStateVector(ydoc))));
      // No BroadcastChannel: every change goes through the server, which checks rights.
      const provider = new WebsocketProvider(collabServerUrl(), room, doc, { connect: false, disableBc: true });
      provider.on("status", ({ status: s }) => setStatus(s));
      setSelfId(provider.awareness.clientID);
      // Published or restored by someone: shown to everyone with the document open.
      provider.messageHandlers[MESSAGE_NOTICE] = (_encoder, decoder) => {
        const n = parseRoomNotice(decoding.readVarString(decoder));
        if (n) setNotice(n);
      };
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

  // One entry per person even when they have the document open in two tabs (this tab first).
  const present = useMemo(() => {
    const byName = new Map<string, Person>();
    const ordered = [...people].sort((a, b) => Number(b.clientId === selfId) - Number(a.clientId === selfId));
    for (const p of ordered) if (!byName.has(`${p.name}|${p.organisation}`)) byName.set(`${p.name}|${p.organisation}`, p);
    return [...byName.values()];
  }, [people, selfId]);

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
        <Presence people={present} selfId={selfId} cursors={cursorsRef} />
      </div>
      {notice ? (
        <div className="alert alert-warning editor-notice" role="status">
          {roomNoticeText(notice)}{" "}
          <button type="button" className="button-link" onClick={() => setNotice(null)}>
            Melding sluiten
          </button>
        </div>
      ) : null}
      {closedMessage ? (
        <div className="alert alert-error" role="alert">
          {closedMessage}
        </div>
      ) : null}
      <LexicalCollaboration>
        <LexicalComposer initialConfig={initialConfig}>
          <TableOfContents />
          <Toolbar />
          <div className="editor-frame" ref={cursorsRef}>
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
            cursorsContainerRef={cursorsRef}
          />
        </LexicalComposer>
      </LexicalCollaboration>
    </div>
  );
}
