// The margin's form handlers on the proposal page (replies, accepting or declining a
// suggestion), kept here so the route module stays short. Spread into the page's formAction.
import { redirect } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { NOT_FOUND_MESSAGE } from "~/domain/consultation/access.server";
import { acceptSuggestion, declineSuggestion, replyToProposalComment } from "~/domain/margin/proposals.server";
import { acceptSuggestionSchema, declineSuggestionSchema, replySchema } from "~/shared/margin-forms";
import { intent } from "./action.server";
import { idParam } from "./ids.server";

const proposalId = (params: Params) => idParam(params, "id", NOT_FOUND_MESSAGE);
const back = (id: number, what: string, commentId: number) => redirect(`/wijzigingen/${id}?gedaan=${what}#marge-${commentId}`);

export const proposalMarginIntents = {
  reply: intent({
    schema: replySchema,
    target: "commentId",
    run({ actor, value, params }) {
      const id = proposalId(params);
      replyToProposalComment({ actor, id, ...value });
      return back(id, "reactie", value.commentId);
    },
  }),
  accept: intent({
    schema: acceptSuggestionSchema,
    target: "commentId",
    run({ actor, value, params }) {
      const id = proposalId(params);
      acceptSuggestion({ actor, id, ...value });
      return back(id, "beantwoord", value.commentId);
    },
  }),
  decline: intent({
    schema: declineSuggestionSchema,
    target: "commentId",
    run({ actor, value, params }) {
      const id = proposalId(params);
      declineSuggestion({ actor, id, ...value });
      return back(id, "beantwoord", value.commentId);
    },
  }),
};
