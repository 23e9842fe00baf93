// The attachment layer: ties a value (a date, a count) to the clause it sits in and to that
// clause's predicate — the event — instead of to keywords anywhere in a sentence. Pure, built on
// the engine's token stream and the language tables; see docs/rules/events.md.
export { isDashAt } from "./clause-build";
export { clauseAfter, inCorrection, inQuestion, predicateClause, withAntecedent, type Clause } from "./clauses";
export { inHearsay } from "./reported";
export { anyWordIn, hasVerbEnding, isGenericPredicate, isNegationAt, isParticiple, windowAround } from "./predicates";
export { eventSchema, compileEvent, type CompiledEvent, type EventDef } from "./event";
export { bindEvent, valueClause, type Binding } from "./bind";
export { valueDenied } from "./predicate-frames";
export { datesANoun } from "./participants";
export { boundaryBefore, coordinatedDates, isDateLine } from "./dates";
export { elapsedLength } from "./value-frames";
