// Generated rules and articles for the engine benchmarks: deterministic (seeded), made of
// nonsense syllable words so generated terms never collide with real text by accident.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const syll = ["ka", "lo", "mi", "ven", "tor", "sa", "ru", "bel", "da", "qui", "zen", "por", "ta", "gri", "mon"];
const word = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => syll[Math.floor(rand() * syll.length)]).join("");
const COMMON =
  "the a of in and to was were on for with that by from at said officials men people government report after before their its".split(" ");

export function genRules(n: number): { files: Array<{ path: string; text: string }>; subjects: string[] } {
  const files: Array<{ path: string; text: string }> = [];
  const subjects: string[] = [];
  for (let i = 0; i < n; i++) {
    const subject = `${word()} ${word()}`;
    subjects.push(subject);
    const id = `gen.r${i}`;
    const common = `id: ${id}\nclaim: Generated fact ${i}.\nseverity: ${["critical", "major", "minor"][i % 3]}\nsources: [https://example.org/${i}]\n`;
    const ex = `examples:\n  - text: nothing\n    expect: not_applicable\n`;
    let body: string;
    switch (i % 4) {
      case 0:
        body = `kind: quantity\nunit: count\nvalue: ${100 + i}\nnear:\n  terms: [${subject}]\ncontext:\n  all:\n    - terms: [released, freed, ${word()}]\n`;
        break;
      case 1:
        body = `kind: role\nperson: [${subject}]\ntitles:\n  - title: [Minister, ${word()}]\n    from: 2020-01-01\n`;
        break;
      case 2:
        body = `kind: place\nsubject: [${subject}]\nheads: [prison, facility]\ncountry: SV\n`;
        break;
      default:
        body = `kind: date\ndate: 2025-07-18\ncontext:\n  all:\n    - terms: [${subject}]\n    - terms: [released, opened]\n`;
    }
    files.push({ path: `gen/${id}.yaml`, text: common + body + ex });
  }
  return { files, subjects };
}

/** An article of nonsense words with numbers, dates and places; 1% of its words are subjects of the first `spread` rules. */
export function genArticle(words: number, subjects: string[], spread = 20): string {
  const out: string[] = [];
  let sentence: string[] = [];
  let count = 0;
  while (count + sentence.length < words) {
    const r = rand();
    if (r < 0.01 && subjects.length) sentence.push(...subjects[Math.floor(rand() * Math.min(subjects.length, spread))]!.split(" "));
    else if (r < 0.04) sentence.push(String(Math.floor(rand() * 1000)));
    else if (r < 0.05) sentence.push("July", "18,", "2025");
    else if (r < 0.06) sentence.push("in", "Ecuador");
    else if (r < 0.5) sentence.push(COMMON[Math.floor(rand() * COMMON.length)]!);
    else sentence.push(word());
    if (sentence.length > 12 + rand() * 15) {
      out.push(sentence.join(" ").replace(/^./, (c) => c.toUpperCase()) + ".");
      count += sentence.length;
      sentence = [];
      if (rand() < 0.2) out[out.length - 1] += "\n\n";
    }
  }
  if (sentence.length) out.push(`${sentence.join(" ")}.`);
  return out.join(" ");
}

/** A `phrase` rule as pre-parsed data (what the Worker loads): its terms never occur in real text. */
export function phraseRuleData(i: number) {
  const wrong = `${word()}${word()} ${word()}`;
  const right = `${word()}${word()} ${word()}`;
  return {
    path: `gen/gen.p${i}.yaml`,
    data: {
      id: `gen.p${i}`,
      claim: `Generated phrase fact ${i}.`,
      kind: "phrase",
      severity: ["critical", "major", "minor"][i % 3],
      sources: [`https://example.org/${i}`],
      forbid: [{ phrases: [wrong], replacement: right }],
      accept: [right],
      examples: [{ text: `It is ${wrong}.`, expect: "fail" }],
    },
  };
}
