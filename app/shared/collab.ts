// Shared by the browser editor and the collaboration server: room names, the websocket
// path, and the close codes the server uses when it ends a connection on purpose.
//
// Close codes 4400-4499 mean "do not reconnect" to y-websocket 3 (its default
// shouldReconnect), mirroring HTTP 4xx: retrying cannot fix them.

export const COLLAB_PATH_PREFIX = "/collab/";

/**
 * A y-websocket message type of our own (after sync 0, awareness 1, auth 2, query awareness 3):
 * the server tells every open editor of a room that something happened to the document, as
 * JSON `RoomNotice`. Clients never send it.
 */
export const MESSAGE_NOTICE = 4;
export type RoomNotice = { type: "published" | "restored"; version: number; by: string | null };

export function parseRoomNotice(json: string): RoomNotice | null {
  try {
    const v = JSON.parse(json) as Partial<RoomNotice>;
    if ((v.type === "published" || v.type === "restored") && typeof v.version === "number" && Number.isInteger(v.version)) {
      return { type: v.type, version: v.version, by: typeof v.by === "string" ? v.by : null };
    }
  } catch {
    // not a notice
  }
  return null;
}

/** What an open editor shows when someone published or restored. */
export function roomNoticeText(n: RoomNotice): string {
  const who = n.by ?? "Het portaal";
  return n.type === "published"
    ? `${who} heeft versie ${n.version} gepubliceerd. De tekst in de editor is het concept voor de volgende versie.`
    : `${who} heeft versie ${n.version} teruggezet in het concept. De tekst in de editor is vervangen door die van versie ${n.version}.`;
}

export const ROOM_KINDS = ["doc", "proposal", "minutes"] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export const CloseCode = {
  /** Normal close (server shutting down a room, e.g. on stop). */
  normal: 1000,
  /** The server restarts or stops; clients reconnect. */
  goingAway: 1001,
  /** Message larger than the hard frame limit (ws itself closes with this). */
  frameTooLarge: 1009,
  /** A message that is not valid y-websocket protocol or carries an undecodable Yjs update. */
  malformed: 4400,
  /** The session ended (expired, logged out, account deactivated). */
  unauthorized: 4401,
  /** Rights were withdrawn while connected. */
  forbidden: 4403,
  /** The room does not exist (anymore). */
  notFound: 4404,
  /** A message above COLLAB_MAX_MESSAGE_BYTES. */
  tooLarge: 4413,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** Dutch explanations shown by the editor when the server closed the connection. */
export const CLOSE_MESSAGES: Record<number, string> = {
  [CloseCode.malformed]: "De verbinding is verbroken omdat de server een ongeldig bericht ontving. Laad de pagina opnieuw.",
  [CloseCode.unauthorized]: "Uw sessie is verlopen. Log opnieuw in om verder te werken.",
  [CloseCode.forbidden]: "U heeft geen toegang (meer) tot dit document.",
  [CloseCode.notFound]: "Dit document bestaat niet (meer).",
  [CloseCode.tooLarge]: "Uw laatste wijziging was te groot om te verwerken. Laad de pagina opnieuw en plak kleinere stukken tekst.",
  [CloseCode.frameTooLarge]: "Uw laatste wijziging was te groot om te verwerken. Laad de pagina opnieuw en plak kleinere stukken tekst.",
};

export function roomName(kind: RoomKind, id: number): string {
  return `${kind}-${id}`;
}

export const docRoom = (documentId: number) => roomName("doc", documentId);
export const proposalRoom = (proposalId: number) => roomName("proposal", proposalId);

/** "doc-12" → {kind:"doc", id:12}; anything else → null. */
export function parseRoom(room: string): { kind: RoomKind; id: number } | null {
  const m = /^(doc|proposal|minutes)-([1-9][0-9]{0,9})$/.exec(room);
  if (!m) return null;
  return { kind: m[1] as RoomKind, id: Number(m[2]) };
}

/**
 * The websocket path segment for a room: documents keep the short `/collab/<documentId>`,
 * other rooms use their full name (`/collab/proposal-3`).
 */
export function roomPathSegment(room: string): string {
  const parsed = parseRoom(room);
  return parsed?.kind === "doc" ? String(parsed.id) : room;
}

/** `/collab/12` → "doc-12", `/collab/proposal-3` → "proposal-3"; invalid → null. */
export function roomFromPath(pathname: string): string | null {
  if (!pathname.startsWith(COLLAB_PATH_PREFIX)) return null;
  const segment = pathname.slice(COLLAB_PATH_PREFIX.length);
  if (/^[1-9][0-9]{0,9}$/.test(segment)) return `doc-${segment}`;
  return parseRoom(segment) ? segment : null;
}

/** Awareness fields the server fills in from the session (clients cannot set them). */
export type PresenceData = { personId: number; organisation: string; readOnly: boolean };
