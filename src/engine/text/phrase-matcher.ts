// The engine's multi-phrase matcher: every rule's terms compiled into one token trie.
//
// Cost is O(tokens × longest phrase), independent of how many phrases were compiled, so thousands
// of rules share one pass over the article. Phrases are data, never regular expressions.
import { foldTerm } from "./fold";
import { isWordCode, tokenize, type Token } from "./tokens";
import { mayBe, wordFilter } from "./word-filter";

export interface PhraseEntry {
  id: string;
  phrase: string;
}

export interface PhraseMatch {
  id: string;
  /** Offset of the first matched code unit (folded and original text alike). */
  start: number;
  /** Offset after the last matched code unit. */
  end: number;
  /** Index of the entry in the array given to compilePhrases (ids may repeat). */
  index: number;
}

export interface PhraseMatcher {
  /** Number of phrases compiled. */
  readonly size: number;
  /** All matches in folded text (pass `tokens` when you already tokenized it), by start then longest first. */
  findAll(folded: string, tokens?: Token[]): PhraseMatch[];
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  /** Word-prefix edges from a trailing `*`, keyed by prefix; `wildLens` lists their lengths. */
  wild: Map<string, TrieNode> | null;
  wildLens: number[];
  /** Entry indexes whose phrase ends at this node. */
  ends: number[];
}

interface Step {
  text: string;
  prefix: boolean;
}

function newNode(): TrieNode {
  return { next: null, wild: null, wildLens: [], ends: [] };
}

/** Hyphens and dashes are separators, like spaces: "anti-terror" = "anti terror". */
function isSeparator(t: Token): boolean {
  return t.kind === "punct" && t.text === "-";
}

/** Turn a phrase into trie steps; throws on a phrase with nothing to match (a rule-file error). */
export function phraseSteps(phrase: string): Step[] {
  const folded = foldTerm(phrase);
  const toks = tokenize(folded);
  const steps: Step[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (isSeparator(t)) continue;
    if (t.kind === "punct" && t.text === "*") {
      const prev = toks[i - 1];
      const last = steps[steps.length - 1];
      if (prev && last && prev.end === t.start && prev.kind !== "punct") {
        last.prefix = true;
        continue;
      }
    }
    steps.push({ text: t.text, prefix: false });
  }
  if (steps.length === 0) throw new Error(`phrase ${JSON.stringify(phrase)} has nothing to match`);
  return steps;
}

/** Compile phrases into one matcher. Phrases are folded (case, accents) and tokenized. */
export function compilePhrases(entries: readonly PhraseEntry[]): PhraseMatcher {
  const root = newNode();
  const ids: string[] = [];
  const startsWithWord: boolean[] = [];
  const endsWithWord: boolean[] = [];
  entries.forEach((entry, index) => {
    const steps = phraseSteps(entry.phrase);
    let node = root;
    for (const step of steps) {
      if (step.prefix) {
        node.wild ??= new Map();
        let child = node.wild.get(step.text);
        if (!child) {
          child = newNode();
          node.wild.set(step.text, child);
          if (!node.wildLens.includes(step.text.length)) {
            node.wildLens.push(step.text.length);
            node.wildLens.sort((a, b) => a - b);
          }
        }
        node = child;
      } else {
        node.next ??= new Map();
        let child = node.next.get(step.text);
        if (!child) {
          child = newNode();
          node.next.set(step.text, child);
        }
        node = child;
      }
    }
    node.ends.push(index);
    ids[index] = entry.id;
    startsWithWord[index] = isWordCode((steps[0] as Step).text.charCodeAt(0));
    const last = steps[steps.length - 1] as Step;
    endsWithWord[index] = isWordCode(last.text.charCodeAt(last.text.length - 1));
  });

  // Wildcard edges bucketed by the prefix's first code unit: a token is tested with startsWith
  // against the few prefixes sharing its first letter, with no substring allocated per token.
  const wildBuckets = new Map<TrieNode, Map<number, Array<[string, TrieNode]>>>();
  const bucketsOf = (node: TrieNode): Map<number, Array<[string, TrieNode]>> => {
    let b = wildBuckets.get(node);
    if (!b) {
      b = new Map();
      // Shortest prefix first, as the lengths were tried before.
      for (const [prefix, child] of [...(node.wild as Map<string, TrieNode>)].sort((x, y) => x[0].length - y[0].length)) {
        const c = prefix.charCodeAt(0);
        let list = b.get(c);
        if (!list) b.set(c, (list = []));
        list.push([prefix, child]);
      }
      wildBuckets.set(node, b);
    }
    return b;
  };

  // Most tokens start no phrase: a filter of the root words' shapes turns most of them away
  // before any map lookup, and one of the wildcard prefixes' first code units likewise.
  const rootWords = wordFilter(root.next?.keys() ?? []);
  const rootWildFirst = new Uint8Array(root.wild ? 0x10000 : 0);
  for (const prefix of root.wild?.keys() ?? []) rootWildFirst[prefix.charCodeAt(0)] = 1;

  function findAll(folded: string, tokens?: Token[]): PhraseMatch[] {
    // Separators are stepped over in place (no separator-free copy of the tokens per call).
    const toks = tokens ?? tokenize(folded);
    const out: PhraseMatch[] = [];
    const n = toks.length;
    // Explicit stack of (node, index of the last token it matched): wildcard and exact edges may both apply.
    const stackNodes: TrieNode[] = [];
    const stackPos: number[] = [];
    const rootNext = root.next;
    const rootWild = root.wild ? bucketsOf(root) : null;
    for (let i = 0; i < n; i++) {
      const first = toks[i] as Token;
      if (isSeparator(first)) continue;
      const c0 = folded.charCodeAt(first.start);
      // The root's edges, inline: most tokens start no phrase and cost two array reads.
      const exact0 = mayBe(rootWords, folded, first) ? rootNext?.get(first.text) : undefined;
      if (exact0) {
        stackNodes.push(exact0);
        stackPos.push(i);
      }
      if (rootWild && rootWildFirst[c0] && first.kind !== "punct") {
        const list = rootWild.get(c0);
        if (list) {
          for (const [prefix, child] of list) {
            if (first.text.startsWith(prefix)) {
              stackNodes.push(child);
              stackPos.push(i);
            }
          }
        }
      }
      while (stackNodes.length > 0) {
        const node = stackNodes.pop() as TrieNode;
        const last = stackPos.pop() as number;
        if (node.ends.length > 0) {
          const lastTok = toks[last] as Token;
          for (const index of node.ends) {
            if (startsWithWord[index] && first.start > 0 && isWordCode(folded.charCodeAt(first.start - 1))) continue;
            if (endsWithWord[index] && isWordCode(folded.charCodeAt(lastTok.end))) continue;
            out.push({ id: ids[index] as string, start: first.start, end: lastTok.end, index });
          }
        }
        let j = last + 1;
        while (j < n && isSeparator(toks[j] as Token)) j++;
        if (j >= n) continue;
        const tok = toks[j] as Token;
        if (tok.brk) continue; // never across a line break
        const exact = node.next?.get(tok.text);
        if (exact) {
          stackNodes.push(exact);
          stackPos.push(j);
        }
        if (node.wild && tok.kind !== "punct") {
          const list = bucketsOf(node).get(tok.text.charCodeAt(0));
          if (list) {
            for (const [prefix, child] of list) {
              if (tok.text.startsWith(prefix)) {
                stackNodes.push(child);
                stackPos.push(j);
              }
            }
          }
        }
      }
    }
    // Matches are found by start already; order the few sharing a start longest first. An
    // insertion sort: linear on this nearly sorted array (no comparator calls across starts).
    for (let i = 1; i < out.length; i++) {
      const m = out[i] as PhraseMatch;
      let j = i - 1;
      let p = out[j] as PhraseMatch;
      if (p.start < m.start) continue;
      while (p.start === m.start && (p.end < m.end || (p.end === m.end && p.index > m.index))) {
        out[j + 1] = p;
        if (--j < 0) break;
        p = out[j] as PhraseMatch;
      }
      out[j + 1] = m;
    }
    return out;
  }

  return { size: entries.length, findAll };
}

/** Drop matches that lie inside a longer kept match (leftmost-longest), e.g. "Sudan" in "South Sudan". */
export function longestMatches<T extends { start: number; end: number }>(sorted: readonly T[]): T[] {
  const out: T[] = [];
  let coveredUntil = -1;
  for (const m of sorted) {
    if (m.end <= coveredUntil) continue;
    if (m.start < coveredUntil) continue; // overlaps a kept match: keep the earlier one
    out.push(m);
    coveredUntil = m.end;
  }
  return out;
}
