import { Csrf } from "~/components/forms";

/** "Volgen" / "Niet meer volgen": a plain form post to /volgen, so it works without JavaScript. */
export function FollowButton({ type, item, following }: { type: "signaal" | "voorstel" | "document"; item: string; following: boolean }) {
  return (
    <form method="post" action="/volgen" id="volgen" className="follow-form">
      <Csrf />
      <input type="hidden" name="intent" value="follow" />
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="ref" value={item} />
      <input type="hidden" name="volgen" value={following ? "nee" : "ja"} />
      <button type="submit" className="button-secondary" aria-describedby="volgen-uitleg">
        {following ? "Niet meer volgen" : "Volgen"}
      </button>
      <span id="volgen-uitleg" className="meta">
        {following ? " U volgt dit en krijgt de meldingen erover." : " Volg dit om de meldingen erover te krijgen."}
      </span>
    </form>
  );
}
