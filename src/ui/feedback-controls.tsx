// Per failing span on the article page: "False alarm" / "Confirm" with a note (a plain form,
// CSRF-protected, no JavaScript), or the label in force with who gave it, when, and an undo.
import type { Evidence } from "../engine";
import type { FeedbackRecord } from "../storage/feedback";
import { when } from "./components";
import type { Session } from "./session";

/** What the controls need: the article, the session, and the label in force per finding. */
export interface FeedbackView {
  articleId: string;
  session: Session;
  labels: ReadonlyMap<string, FeedbackRecord>;
}

const LABEL_TEXT = { false_alarm: "False alarm", confirmed: "Confirmed" } as const;

export function FeedbackControls(props: { e: Evidence; fb: FeedbackView }) {
  const { e, fb } = props;
  if (!e.finding) return null;
  const record = fb.labels.get(e.finding);
  const write = fb.session.role === "write";
  const noteId = `note-${e.finding}`;
  if (record) {
    return (
      <div class={`feedback fb-${record.label}`}>
        <span>
          <b>{LABEL_TEXT[record.label]}</b> · marked by {record.actor} on {when(record.created_at)}
          {record.note && <> — “{record.note}”</>}
        </span>
        {write && (
          <form method="post" action={`/feedback/${encodeURIComponent(record.id)}/undo`} class="inline">
            <input type="hidden" name="csrf" value={fb.session.csrf} />
            <button type="submit" class="secondary">
              Undo{" "}
              <span class="sr">
                the “{LABEL_TEXT[record.label]}” label on “{e.quote}”
              </span>
            </button>
          </form>
        )}
      </div>
    );
  }
  if (!write) return null;
  return (
    <form method="post" action={`/articles/${encodeURIComponent(fb.articleId)}/feedback`} class="feedback">
      <input type="hidden" name="csrf" value={fb.session.csrf} />
      <input type="hidden" name="finding" value={e.finding} />
      <label for={noteId}>Note (optional)</label>
      <input id={noteId} name="note" maxlength={2000} />
      <button type="submit" name="label" value="false_alarm">
        False alarm <span class="sr">: “{e.quote}”</span>
      </button>
      <button type="submit" name="label" value="confirmed" class="secondary">
        Confirm <span class="sr">: “{e.quote}”</span>
      </button>
    </form>
  );
}
