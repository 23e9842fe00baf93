// Exports for the fact-checking ecosystem and spreadsheets, one module per format. The same
// builders serve the API (src/http/exports.ts, bearer token) and the dashboard's download links
// (src/ui/routes.tsx, session).
export { articlesCsvResponse, verdictStatusesQuery } from "./articles-csv";
export { auditCsvResponse } from "./audit-csv";
export { claimReviewResponse } from "./claim-review";
export { csvCell } from "./csv";
export { feedbackCorpusResponse } from "./feedback-json";
