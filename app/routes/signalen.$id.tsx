import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isFollowing } from "~/domain/follows.server";
import { FollowButton } from "~/components/FollowButton";
import { Link, useActionData, useLoaderData, useSearchParams, type Params } from "@remix-run/react";
import { upcomingEditableMeetings } from "~/domain/overleg/overleg.server";
import { PutOnAgenda } from "~/components/overleg/PutOnAgenda";
import { linkSignal, unlinkSignal, type LinkTargetType } from "~/domain/signals/links.server";
import { getSignalDetail } from "~/domain/signals/queries.server";
import { listWijken } from "~/domain/directory.server";
import { mergeSignals, recogniseSignal, transferOwnership, transitionSignal, withdrawRecognition } from "~/domain/signals/signals.server";
import { signalIntentSchemas } from "~/shared/signal-forms";
import { formAction, intent } from "~/http/action.server";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { Notice, PageHeader, formatDate } from "~/components/ui";
import { PageRefusal } from "~/components/forms";
import { SignalNav, StatusBadge } from "~/components/signals/SignalUi";
import { Section, SignalAside } from "~/components/signals/SignalAside";
import { DONE, LinkForm, MergeForm, StatusForm, TransferForm, UnlinkForm } from "~/components/signals/SignalForms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? `Signaal #${data.signal.id}: ${data.signal.title}` : "Signaal"} · Ketenportaal Zaanstad`,
  },
];

const signalId = (params: Params) => idParam(params, "id", "Dit signaal bestaat niet, of u heeft er geen toegang toe.");

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const detail = getSignalDetail({ actor, id: signalId(params) });
  return {
    ...detail,
    wijkOptions: detail.can.recognise ? listWijken().map((w) => ({ id: w.id, name: w.name })) : [],
    agendaMeetings: upcomingEditableMeetings(actor, detail.ketens.map((k) => k.id)),
    following: isFollowing(actor.id, "signaal", detail.signal.id),
  };
});

const done = (id: number, what: string) => redirect(`/signalen/${id}?gedaan=${what}`);

export const action = formAction({
  status: intent({
    schema: signalIntentSchemas.status,
    target: "to",
    run({ actor, value, params }) {
      transitionSignal({ actor, id: signalId(params), to: value.to, text: value.text });
      return done(signalId(params), "status");
    },
  }),
  herken: intent({
    schema: signalIntentSchemas.herken,
    run({ actor, value, params }) {
      recogniseSignal({ actor, id: signalId(params), note: value.note, wijkId: value.wijkId });
      return done(signalId(params), "herken");
    },
  }),
  "herken-intrekken": intent({
    schema: signalIntentSchemas["herken-intrekken"],
    run({ actor, params }) {
      withdrawRecognition({ actor, id: signalId(params) });
      return done(signalId(params), "herken-intrekken");
    },
  }),
  samenvoegen: intent({
    schema: signalIntentSchemas.samenvoegen,
    run({ actor, value, params }) {
      mergeSignals({
        actor,
        duplicateId: signalId(params),
        survivorId: value.survivorId,
        note: value.note,
      });
      return done(value.survivorId, "samenvoegen");
    },
  }),
  koppelen: intent({
    schema: signalIntentSchemas.koppelen,
    run({ actor, value, params }) {
      const [type, targetId] = value.target.split(":");
      linkSignal({
        actor,
        id: signalId(params),
        targetType: type as LinkTargetType,
        targetId: Number(targetId),
      });
      return done(signalId(params), "koppelen");
    },
  }),
  ontkoppelen: intent({
    schema: signalIntentSchemas.ontkoppelen,
    run({ actor, value, params }) {
      unlinkSignal({ actor, id: signalId(params), linkId: value.linkId });
      return done(signalId(params), "ontkoppelen");
    },
  }),
  eigenaar: intent({
    schema: signalIntentSchemas.eigenaar,
    run({ actor, value, params }) {
      transferOwnership({ actor, id: signalId(params), ketenId: value.ketenId });
      return done(signalId(params), "eigenaar");
    },
  }),
});

export default function SignaalDetail() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("gedaan");
  const s = d.signal;
  const owner = d.ketens.find((k) => k.isOwner);
  // The forms on the page right now; a refusal of any other (e.g. the status changed
  // meanwhile and the form is gone) is shown at the top so it is never lost.
  const shownBy = [
    ...d.can.ownerTargets.map((t) => `status:${t.to}`),
    ...d.can.reporterTargets.map((t) => `status:${t.to}`),
    ...(d.can.recognise && !d.can.hasRecognised ? ["herken"] : []),
    ...(d.can.merge && d.mergeCandidates.length ? ["samenvoegen"] : []),
    ...(d.can.handle && d.linkOptions ? ["koppelen"] : []),
    ...(d.can.transfer ? ["eigenaar"] : []),
  ];

  return (
    <div>
      <PageHeader
        title={
          <>
            <span className="meta">Signaal #{s.id}</span> {s.title}
          </>
        }
      />
      <SignalNav />
      <FollowButton type="signaal" item={String(s.id)} following={d.following} />
      <PageRefusal result={result} shownBy={shownBy} />
      {done && DONE[done] && !result ? <Notice tone="success">{DONE[done]}</Notice> : null}
      {d.can.standIn ? <Notice tone="warning">U behandelt dit signaal als waarnemend regisseur; wat u doet wordt vastgelegd in uw naam en namens de regisseur.</Notice> : null}
      <p>
        <StatusBadge status={s.status} label={s.statusLabel} overdue={s.overdue} />
      </p>
      {d.mergedInto ? (
        <Notice tone="info">
          Dit signaal is samengevoegd met{" "}
          <Link to={`/signalen/${d.mergedInto.id}`}>
            signaal #{d.mergedInto.id}: {d.mergedInto.title}
          </Link>
          . Volg dat signaal voor de verdere afhandeling.
        </Notice>
      ) : null}

      <div className="two-col">
        <div>
          <PutOnAgenda signalId={s.id} meetings={d.agendaMeetings} />
          <Section id="kop-beschrijving" title="Wat is er aan de hand?">
            <p className="signal-text">{s.description}</p>
            {d.document ? (
              <p>
                Gaat over: <Link to={`/documenten/${d.document.slug}`}>{d.document.title}</Link>
                {s.documentAnchor ? <> — passage &quot;{s.documentAnchor}&quot;</> : null}
              </p>
            ) : null}
          </Section>

          {s.status === "informatie_gevraagd" && s.statusReason ? (
            <Section id="kop-vraag" title="Vraag van de regisseur">
              <p className="signal-text">{s.statusReason}</p>
            </Section>
          ) : null}

          {s.feedback ? (
            <Section id="kop-antwoord" title="Terugkoppeling aan de melder">
              <div className="feedback">
                <p className="signal-text">{s.feedback}</p>
                <p className="meta">Afgesloten op {formatDate(s.closedAt, true)}</p>
              </div>
            </Section>
          ) : null}

          {d.can.reporterTargets.length ? (
            <Section id="kop-melder" title="Uw reactie als melder">
              {d.can.reporterTargets.map((t) => (
                <StatusForm key={t.to} to={t.to} text={t.text} label={t.to === "heropend" ? "Signaal heropenen" : "Informatie versturen"} result={result} forReporter />
              ))}
              {d.can.lastReopenDay ? <p className="meta">Heropenen kan tot en met {formatDate(d.can.lastReopenDay)}.</p> : null}
            </Section>
          ) : null}

          {d.can.handle ? (
            <Section id="kop-behandelen" title="Behandelen">
              <p className="meta">
                U bent regisseur van de eigenaar-keten {owner?.name}. Elke statuswijziging wordt vastgelegd en de melder krijgt bericht (in Ketenportaal en per e-mail).
              </p>
              {d.can.ownerTargets.length ? (
                d.can.ownerTargets.map((t) => <StatusForm key={t.to} to={t.to} text={t.text} label={t.label} result={result} />)
              ) : (
                <p>In deze status zijn geen stappen meer mogelijk.</p>
              )}
              {d.can.merge && d.mergeCandidates.length ? <MergeForm candidates={d.mergeCandidates} result={result} /> : null}
              {d.can.transfer ? <TransferForm ketens={d.ketens.filter((k) => !k.isOwner).map((k) => ({ value: String(k.id), label: k.name }))} result={result} /> : null}
            </Section>
          ) : null}

          <Section id="kop-geleid" title="Heeft geleid tot">
            {d.links.length ? (
              <ul>
                {d.links.map((l) => (
                  <li key={l.id}>
                    {l.typeLabel}: {l.visible ? <Link to={l.href}>{l.title}</Link> : l.title}
                    {d.can.handle ? <UnlinkForm linkId={l.id} title={l.title} /> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty">Nog niets vastgelegd.</p>
            )}
            {d.can.handle && d.linkOptions ? <LinkForm options={d.linkOptions} result={result} /> : null}
          </Section>

          <Section id="kop-tijdlijn" title="Tijdlijn">
            <ol className="signal-timeline">
              {d.timeline.map((t) => (
                <li key={t.id}>
                  <p>
                    <strong>{t.fromLabel ? `${t.fromLabel} → ${t.toLabel}` : `Gemeld (${t.toLabel.toLowerCase()})`}</strong>
                    <span className="meta">
                      {" "}
                      · {formatDate(t.at, true)}
                      {t.byName ? ` · ${t.byName}` : ""}
                    </span>
                  </p>
                  {t.note ? <p className="signal-text">{t.note}</p> : null}
                </li>
              ))}
            </ol>
          </Section>
        </div>

        <SignalAside d={d} result={result} />
      </div>
    </div>
  );
}
