// The forms of a meeting page for members: agenda item, decision, action, moving the meeting.
import { Form } from "@remix-run/react";
import { Csrf, Field } from "~/components/ui";
import { Select } from "./fields";

type Opt = { value: string; label: string };
type Errors = Record<string, string>;

export function AgendaItemForm({ targets, errors }: { targets: Opt[]; errors: Errors }) {
  return (
    <Form method="post" noValidate>
      <Csrf />
      <input type="hidden" name="intent" value="agendapunt" />
      <Field label="Agendapunt" name="title" required maxLength={200} error={errors.title} id="veld-agenda-title" />
      <Select label="Koppelen aan" name="target" options={targets} empty="Niets koppelen" error={errors.target} />
      <Field label="Toelichting" name="note" multiline rows={2} maxLength={1000} error={errors.note} id="veld-agenda-note" />
      <button type="submit">Zet op de agenda</button>
    </Form>
  );
}

export function DecisionForm({ agenda, date, errors }: { agenda: Opt[]; date: string; errors: Errors }) {
  return (
    <Form method="post" noValidate>
      <Csrf />
      <input type="hidden" name="intent" value="besluit" />
      <Select label="Bij agendapunt" name="agendaItemId" options={agenda} empty="Geen (algemeen)" error={errors.agendaItemId} />
      <Field label="Besluit" name="text" multiline rows={3} required maxLength={2000} error={errors.text} id="veld-besluit-text" />
      <Field label="Besloten door" name="decidedBy" required maxLength={200} error={errors.decidedBy} hint="Bijvoorbeeld: het EKO, of de regisseur na advies van het OKO." />
      <Field label="Datum van het besluit" name="decidedOn" type="date" defaultValue={date} required error={errors.decidedOn} />
      <button type="submit">Leg besluit vast</button>
    </Form>
  );
}

export function ActionForm({ owners, decisions, errors }: { owners: Opt[]; decisions: Opt[]; errors: Errors }) {
  return (
    <Form method="post" noValidate>
      <Csrf />
      <input type="hidden" name="intent" value="actie" />
      <Field label="Actie" name="title" required maxLength={300} error={errors.title} id="veld-actie-title" />
      <Select label="Eigenaar" name="owner" options={owners} empty="Kies een persoon of organisatie" error={errors.owner} />
      <Field label="Uiterlijk klaar op" name="dueDate" type="date" required error={errors.dueDate} />
      <Select label="Voortgekomen uit besluit" name="decisionId" options={decisions} empty="Geen besluit" error={errors.decisionId} />
      <button type="submit">Leg actie vast</button>
    </Form>
  );
}

export function MoveForm({ meeting, errors }: { meeting: { date: string; startTime: string; endTime: string; location: string }; errors: Errors }) {
  return (
    <Form method="post" noValidate>
      <Csrf />
      <input type="hidden" name="intent" value="verplaatsen" />
      <Field label="Datum" name="date" type="date" defaultValue={meeting.date} required error={errors.date} id="veld-move-date" />
      <Field label="Begintijd" name="startTime" type="time" defaultValue={meeting.startTime} required error={errors.startTime} id="veld-move-start" />
      <Field label="Eindtijd" name="endTime" type="time" defaultValue={meeting.endTime} required error={errors.endTime} id="veld-move-end" />
      <Field label="Locatie" name="location" defaultValue={meeting.location} maxLength={200} error={errors.location} id="veld-move-location" />
      <button type="submit" className="button-secondary">
        Bewaar datum en plaats
      </button>
    </Form>
  );
}
