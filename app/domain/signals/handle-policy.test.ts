// Who may handle a signal (policy.server.ts): the regisseur of its owner keten, and the keten's
// deputy regisseur only while set as stand-in; the deputy off duty is told why (403).
import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.server";
import { assertCanHandleSignal, canHandleSignal, isStandingInForSignal, type SignalHandleFacts } from "../policy.server";

const KETEN = 3;
const person = (id: number, regisseurOfKetenIds: number[] = []): Actor => ({
  id,
  name: `Persoon ${id}`,
  email: `p${id}@zaanstad.example`,
  functie: "",
  organisationId: 1,
  organisationName: "Gemeente Zaanstad",
  organisationKind: "gemeente",
  organisationColor: "#000000",
  roles: ["regisseur"],
  memberKetenIds: [KETEN],
  regisseurOfKetenIds,
});
const regisseur = person(1, [KETEN]);
const deputy = person(2, [5]);
const other = person(3, [5]);
const signal = (standIn: boolean, deputyId: number | null = deputy.id): SignalHandleFacts => ({ ownerKetenId: KETEN, ownerRegie: { ketenId: KETEN, deputyId, standIn } });

describe("canHandleSignal with a stand-in", () => {
  it("the regisseur always, the deputy only while stand-in, others never", () => {
    for (const standIn of [false, true]) {
      expect(canHandleSignal(regisseur, signal(standIn))).toBe(true);
      expect(canHandleSignal(other, signal(standIn))).toBe(false);
      expect(canHandleSignal(deputy, signal(standIn))).toBe(standIn);
      expect(isStandingInForSignal(deputy, signal(standIn))).toBe(standIn);
    }
    expect(isStandingInForSignal(regisseur, signal(true))).toBe(false);
    expect(canHandleSignal(deputy, signal(true, other.id))).toBe(false);
  });

  it("ignores regie facts of another keten than the owner keten", () => {
    expect(canHandleSignal(deputy, { ownerKetenId: KETEN, ownerRegie: { ketenId: 9, deputyId: deputy.id, standIn: true } })).toBe(false);
  });

  it("refuses with 403: the deputy off duty hears about the stand-in, others get the given message", () => {
    expect(() => assertCanHandleSignal(deputy, signal(false), "Alleen de regisseur.")).toThrow(expect.objectContaining({ status: 403, message: expect.stringContaining("de waarneming staat nu uit") }));
    expect(() => assertCanHandleSignal(other, signal(false), "Alleen de regisseur.")).toThrow(expect.objectContaining({ status: 403, message: "Alleen de regisseur." }));
    expect(() => assertCanHandleSignal(deputy, signal(true), "Alleen de regisseur.")).not.toThrow();
  });
});
