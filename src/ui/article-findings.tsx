// The article page's work list: "To fix" (each rule once, its sentences rewritten with the
// suggestion), conflicts between values as a set, what to review, and the passes collapsed.
import type { RuleSummary } from "../engine";
import { TONE_LABEL } from "./article-text";
import { FeedbackControls, type FeedbackView } from "./feedback-controls";
import type { Findings, FixGroup, Occurrence, Rewrite } from "./findings";

type Rules = ReadonlyMap<string, RuleSummary>;

/** The sentence with the change applied: old text struck through, new text inserted. */
export function RewriteLine(props: { r: Rewrite }) {
  const r = props.r;
  return (
    <q class="sentence">
      {r.before}
      {r.new === null ? (
        <strong class="quote-hit">{r.old}</strong>
      ) : (
        <>
          {r.old && (
            <del>
              <span class="sr">remove: </span>
              {r.old}
            </del>
          )}
          {r.new && (
            <ins>
              <span class="sr">insert: </span>
              {r.new}
            </ins>
          )}
        </>
      )}
      {r.after}
    </q>
  );
}

function Where(props: { o: Occurrence }) {
  const n = props.o.note;
  return n.located ? (
    <a href={`#m-${n.n}`} class="jump">
      Show in the text <span class="sr">(finding {n.n})</span>
    </a>
  ) : (
    <span class="muted">Not located: the stored text changed since this run.</span>
  );
}

function RuleRef(props: { id: string; rules: Rules }) {
  const claim = props.rules.get(props.id)?.claim;
  return (
    <p class="rule-ref">
      Rule <a href={`/rules/${encodeURIComponent(props.id)}`}>{props.id}</a>
      {claim ? `: ${claim}` : " (no longer in the current ruleset)"}
    </p>
  );
}

function StepNav(props: { i: number; total: number }) {
  if (props.total < 2) return null;
  return (
    <nav class="step" aria-label={`Finding ${props.i + 1} of ${props.total}`}>
      {props.i > 0 ? <a href={`#fix-${props.i}`}>← Previous</a> : <span class="muted">← Previous</span>}
      <span class="muted">
        {props.i + 1} of {props.total}
      </span>
      {props.i + 1 < props.total ? <a href={`#fix-${props.i + 2}`}>Next →</a> : <span class="muted">Next →</span>}
    </nav>
  );
}

function FixItem(props: { g: FixGroup; i: number; total: number; rules: Rules; fb: FeedbackView }) {
  const { g } = props;
  const many = g.occurrences.length > 1;
  return (
    <li id={`fix-${props.i + 1}`} class={`fix t-${g.type === "conflict" ? "conflict" : "fail"}`}>
      <h3>
        <span class="icon" aria-hidden="true">
          {g.type === "conflict" ? "⇄" : "✗"}
        </span>{" "}
        {g.type === "conflict" ? "The article gives different values for one fact" : (g.why ?? "Contradicts a rule")}
        {many && g.type === "fix" && <span class="count"> · {g.occurrences.length} places</span>}
      </h3>
      {g.type === "conflict" ? (
        <>
          <p>Make these agree; the check does not say which is right.</p>
          <ul class="pair">
            {g.values.map((v) => (
              <li>
                <b>{v.value}</b> ({v.occurrences.length === 1 ? "once" : `${v.occurrences.length} times`})
                {v.occurrences.map((o) => (
                  <div id={`ev-${o.note.n}`} class="occ">
                    <RewriteLine r={o.rewrite} /> <Where o={o} />
                    <FeedbackControls e={o.note.evidence} fb={props.fb} />
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <ol class="occs">
          {g.occurrences.map((o) => (
            <li id={`ev-${o.note.n}`} class="occ">
              <RewriteLine r={o.rewrite} />
              <div class="occ-foot">
                {o.note.evidence.message && o.note.evidence.message !== g.why && <span>Why: {o.note.evidence.message}. </span>}
                {o.note.evidence.replacements.length > 1 && (
                  <span>Also possible: {o.note.evidence.replacements.slice(1).join(" / ")}. </span>
                )}
                <Where o={o} />
              </div>
              <FeedbackControls e={o.note.evidence} fb={props.fb} />
            </li>
          ))}
        </ol>
      )}
      <RuleRef id={g.rule} rules={props.rules} />
      <StepNav i={props.i} total={props.total} />
    </li>
  );
}

export function ToFix(props: { f: Findings; rules: Rules; fb: FeedbackView }) {
  const { fixes } = props.f;
  if (fixes.length === 0) return null;
  return (
    <section aria-labelledby="to-fix">
      <h2 id="to-fix">To fix ({fixes.length})</h2>
      <ol class="fixes">
        {fixes.map((g, i) => (
          <FixItem g={g} i={i} total={fixes.length} rules={props.rules} fb={props.fb} />
        ))}
      </ol>
    </section>
  );
}

/** Fails editors dismissed: still listed (and undoable), not counted. */
export function Dismissed(props: { f: Findings; rules: Rules; fb: FeedbackView }) {
  const { dismissed } = props.f;
  if (dismissed.length === 0) return null;
  return (
    <section aria-labelledby="dismissed">
      <h2 id="dismissed">Dismissed as false alarms ({dismissed.length})</h2>
      <p class="muted">Editors judged these rule failures wrong here: they do not count in the score, alerts or the corrections queue.</p>
      <ul class="occ-list">
        {dismissed.flatMap((g) =>
          g.occurrences.map((o) => (
            <li id={`ev-${o.note.n}`} class="occ">
              {/* The wording as written: no correction is suggested for a dismissed finding. */}
              <RewriteLine r={{ ...o.rewrite, new: null }} />
              <div class="occ-foot">
                <a href={`/rules/${encodeURIComponent(g.rule)}`}>{g.rule}</a> · <Where o={o} />
              </div>
              <FeedbackControls e={o.note.evidence} fb={props.fb} />
            </li>
          )),
        )}
      </ul>
    </section>
  );
}

function OccList(props: { items: Occurrence[]; rules: Rules; showWhy?: boolean }) {
  return (
    <ul class="occ-list">
      {props.items.map((o) => (
        <li id={`ev-${o.note.n}`} class={`occ t-${o.note.tone}`}>
          <span class="sr">{TONE_LABEL[o.note.tone]}: </span>
          <RewriteLine r={o.rewrite} />
          <div class="occ-foot">
            <a href={`/rules/${encodeURIComponent(o.note.rule)}`}>{o.note.rule}</a>
            {props.showWhy && o.note.evidence.message && <span> · {o.note.evidence.message}</span>} · <Where o={o} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Review items, failures in quotations (visible), then the passes (collapsed). */
export function OtherFindings(props: { f: Findings; rules: Rules }) {
  const { review, quoted, passes, unplaced } = props.f;
  return (
    <>
      {review.length > 0 && (
        <section aria-labelledby="to-review">
          <h2 id="to-review">To review ({review.length})</h2>
          <p class="muted">A person should check these: the rules cannot decide them.</p>
          <OccList items={review} rules={props.rules} showWhy />
        </section>
      )}
      {unplaced.length > 0 && (
        <section aria-labelledby="unplaced">
          <h2 id="unplaced">Other verdicts to look at ({unplaced.length})</h2>
          <ul>
            {unplaced.map((v) => (
              <li>
                {v.status}: <a href={`/rules/${encodeURIComponent(v.rule)}`}>{v.rule}</a> {props.rules.get(v.rule)?.claim ?? ""}
                {v.message && <span class="muted"> — {v.message}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {quoted.length > 0 && (
        <details>
          <summary>Inside quotations, not counted ({quoted.length})</summary>
          <p class="muted">Someone quoted in the article said this; check the quote is accurate rather than correcting it.</p>
          <OccList items={quoted} rules={props.rules} showWhy />
        </details>
      )}
      {passes.length > 0 && (
        <details>
          <summary>Checked and correct ({passes.length})</summary>
          <OccList items={passes} rules={props.rules} />
        </details>
      )}
    </>
  );
}
