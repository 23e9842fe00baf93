// Findings in storage (pure; storage uses it as it uses implied-verdicts.ts): verdict rows keep
// the engine's spans, without finding ids or labels, and reads label them with the labels in
// force — so a label given after a run changes every later read of that run.
export { bareEvidence as storedEvidence, labelVerdicts as labelStoredVerdicts } from "../engine";
