// The margin beside a proposal's redline: its anchored comments as cards, and the comment form
// (stance, passage, optional suggestion) opened at the selection.
import type { ReactNode } from "react";
import { CommentForm } from "~/components/consultation/Comments";
import type { CommentView } from "~/domain/consultation/comments.server";
import { Margin } from "./Margin";
import { ProposalCard, anchorsOf } from "./Threads";

export function ProposalMargin(props: {
  textId: string;
  comments: CommentView[];
  can: { comment: boolean; reply: boolean; answer: boolean };
  closes: string | null;
  actionResult: unknown;
  children: ReactNode;
}) {
  const anchored = props.comments.filter((c) => c.quote);
  return (
    <Margin
      textId={props.textId}
      title={`Reacties in de kantlijn (${anchored.length})`}
      anchors={anchorsOf(anchored.map((c) => ({ cardId: `marge-${c.id}`, anchor: c.passage })))}
      canComment={props.can.comment}
      renderForm={(pending) => <CommentForm key={pending.quote} textContainerId={props.textId} actionResult={props.actionResult} closes={props.closes} initial={pending} idPrefix="marge" />}
      cards={anchored.map((c) => (
        <ProposalCard key={c.id} c={c} canReply={props.can.reply} canAnswer={props.can.answer} actionResult={props.actionResult} />
      ))}
    >
      {props.children}
    </Margin>
  );
}
