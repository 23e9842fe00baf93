// The single registry of rule kinds, sorted by name. Adding a kind = one module + one line here
// (the completeness test fails until it is documented and exercised by a rule example).
import type { KindModule } from "../kind-api";
import { consistency } from "./consistency";
import { date } from "./date";
import { disputed } from "./disputed";
import { name } from "./name";
import { phrase } from "./phrase";
import { place } from "./place";
import { quantity } from "./quantity";
import { role } from "./role";

export const KINDS: ReadonlyMap<string, KindModule> = new Map(
  [consistency, date, disputed, name, phrase, place, quantity, role].map((k) => [k.meta.name, k]),
);
