/**
 * Regular expressions from rule files and config are refused at load unless they cannot backtrack
 * catastrophically (product.md §6: "regular expressions from rule files run in linear time or are
 * rejected"). Accepted patterns then run on V8's native engine at full speed.
 *
 * Why a checker of our own, and not the alternatives (issue 8):
 * - re2js (a pure-JS RE2, linear time) cannot run lookarounds, which the content rules depend on
 *   (`(?<!不得)收取`), and it is several times slower than V8's irregexp on every sentence of every
 *   document; issue 7 wants rules to cost next to nothing.
 * - safe-regex2 measures star height only: it refuses safe, built-in patterns (`(\d{1,3}\.){3}`, the
 *   delimited `(（[^）]{0,40}）){0,4}` of structure-title-kind, lookbehinds with bounded quantifiers)
 *   and accepts unsafe ones (`(a|a)*b`, `\s*\s*x`, `《[^》]+》`). redos-detector refused built-in ones too.
 * The rules below are those of the ReDoS literature (Weideman et al., "Analyzing matching time
 * behavior of backtracking regular expression matchers by using ambiguity of NFA", 2016; Davis et
 * al., "The impact of ReDoS in practice", 2018), made conservative where exact analysis would be
 * costly, and exact enough that every built-in pattern passes.
 *
 * A backtracking matcher blows up when one input can be matched in very many ways. That takes either
 * a loop whose iterations can split a text in several ways (exponential), or two quantifiers that can
 * compete for the same characters (polynomial), or a backreference (NP-hard in general). Refused:
 *  1. backreferences (`\1`, `\k<name>`);
 *  2. an unbounded quantifier (`*`, `+`, `{n,}`) inside a lookaround: it would rescan the rest of the
 *     text (or all of it, behind) at every position;
 *  3. a repeated group (a quantifier with max > 1 on a group) whose branches can begin with the same
 *     character — `(a|ab)*`, `(\s|　)+`: each iteration may take either branch;
 *  4. a repeated group whose body has a variable-length part (a quantifier with min ≠ max, or the body
 *     can match nothing) — `(a+)+`, `(a?){30}`, `([^，]{0,20}){0,20}` — unless the body is *delimited*:
 *     each branch ends (or begins) with one fixed character class that no variable part inside it can
 *     match, as in `(（[^）]{0,40}）){0,4}` or `(\d{1,3}\.){3}`, so every iteration's end (or start) is forced;
 *     or unless the repetition is so small that all ways of splitting are few (≤ 1,000);
 *  5. two quantifiers in one sequence over overlapping characters with nothing between them that they
 *     could not also absorb: `\s*\s*`, `.*x.*`, and inside a repeated group any such pair (`(x[^x]*y?)*`);
 *  6. an unbounded quantifier followed by anything that can fail (`《[^》]+》`, `[0-9]+年`, `\s*$`): from
 *     every starting position it scans as far as it can and backtracks over all of it, so one scan of a
 *     text of n characters costs n²/2 — seconds on a 50,000-character sentence. At the very end of the
 *     pattern (`收取.*`, `罚款[0-9]+`) it never backtracks: the match is found. Write `[^》]{1,100}`;
 *  7. bounded quantifiers whose combinations allow more than MAX_STEPS paths from one position
 *     (`[^x]{0,1000}[^y]{0,1000}[^z]{0,1000}q`).
 * What is accepted therefore costs at most a constant (depending on the pattern only) per starting
 * position: a scan is linear in the length of the text. The built-in rules are written that way
 * (`[^。；，]{0,20}` rather than `[^。；，]*`); test/robustness/regex-safety.test.ts runs every one of
 * them on 50,000 characters of pathological text.
 */

/** A set of UTF-16 code units as sorted, disjoint, inclusive ranges. */
type CharSet = [number, number][];

const MAX_UNIT = 0xffff;

function normalize(ranges: CharSet): CharSet {
  const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: CharSet = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function complement(set: CharSet): CharSet {
  const out: CharSet = [];
  let next = 0;
  for (const [a, b] of set) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_UNIT) out.push([next, MAX_UNIT]);
  return out;
}

function union(a: CharSet, b: CharSet): CharSet {
  return normalize([...a.map((r) => [r[0], r[1]] as [number, number]), ...b.map((r) => [r[0], r[1]] as [number, number])]);
}

function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [a0, a1] = a[i]!;
    const [b0, b1] = b[j]!;
    if (a1 < b0) i++;
    else if (b1 < a0) j++;
    else return true;
  }
  return false;
}

const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = normalize([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
const SPACE: CharSet = normalize([
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
]);
const DOT: CharSet = complement(normalize([[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]]));
const ALL: CharSet = [[0, MAX_UNIT]];

// ---------------------------------------------------------------------------
// A parser for the JavaScript pattern syntax without the u flag (the pattern has already compiled)
// ---------------------------------------------------------------------------

type Node =
  | { type: 'set'; set: CharSet }
  | { type: 'assert' }
  | { type: 'backref' }
  | { type: 'group'; look: boolean; body: Node }
  | { type: 'alt'; branches: Node[] }
  | { type: 'seq'; items: Node[] }
  | { type: 'quant'; min: number; max: number; body: Node };

class Parser {
  i = 0;
  constructor(private readonly src: string, private readonly groups: number) {}

  parse(): Node {
    const node = this.alternation();
    return node;
  }

  private peek(k = 0): string {
    return this.src[this.i + k] ?? '';
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { type: 'alt', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      let atom = this.atom();
      for (;;) {
        const q = this.quantifier();
        if (!q) break;
        atom = { type: 'quant', min: q.min, max: q.max, body: atom };
      }
      items.push(atom);
    }
    return items.length === 1 ? items[0]! : { type: 'seq', items };
  }

  private quantifier(): { min: number; max: number } | null {
    const c = this.peek();
    let q: { min: number; max: number } | null = null;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    if (q) this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return null;
      const min = Number(m[1]);
      const max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      q = { min, max };
      this.i += m[0].length;
    } else return null;
    if (this.peek() === '?') this.i++; // lazy: same paths, other order
    return q;
  }

  private atom(): Node {
    const c = this.peek();
    this.i++;
    switch (c) {
      case '^':
      case '$':
        return { type: 'assert' };
      case '.':
        return { type: 'set', set: DOT };
      case '[':
        return { type: 'set', set: this.charClass() };
      case '(':
        return this.group();
      case '\\':
        return this.escape(false) as Node;
      default:
        return { type: 'set', set: [[c.charCodeAt(0), c.charCodeAt(0)]] };
    }
  }

  private group(): Node {
    let look = false;
    if (this.peek() === '?') {
      const rest = this.src.slice(this.i, this.i + 3);
      if (rest.startsWith('?:')) this.i += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) {
        look = true;
        this.i += 2;
      } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
        look = true;
        this.i += 3;
      } else if (rest.startsWith('?<')) {
        this.i = this.src.indexOf('>', this.i) + 1;
      }
    }
    const body = this.alternation();
    if (this.peek() === ')') this.i++;
    return { type: 'group', look, body };
  }

  /** An escape after `\`; in a class, \b is backspace and assertions do not exist. */
  private escape(inClass: boolean): Node | CharSet {
    const c = this.peek();
    this.i++;
    const one = (code: number): Node | CharSet => (inClass ? [[code, code]] : { type: 'set', set: [[code, code]] });
    const set = (s: CharSet): Node | CharSet => (inClass ? s : { type: 'set', set: s });
    switch (c) {
      case 'd':
        return set(DIGIT);
      case 'D':
        return set(complement(DIGIT));
      case 'w':
        return set(WORD);
      case 'W':
        return set(complement(WORD));
      case 's':
        return set(SPACE);
      case 'S':
        return set(complement(SPACE));
      case 'b':
        return inClass ? [[8, 8]] : { type: 'assert' };
      case 'B':
        return inClass ? [[0x42, 0x42]] : { type: 'assert' };
      case 'n':
        return one(10);
      case 'r':
        return one(13);
      case 't':
        return one(9);
      case 'v':
        return one(11);
      case 'f':
        return one(12);
      case 'c': {
        const l = this.peek();
        if (/[A-Za-z]/.test(l)) {
          this.i++;
          return one(l.charCodeAt(0) % 32);
        }
        return one(0x5c);
      }
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i));
        if (m) {
          this.i += 2;
          return one(parseInt(m[0], 16));
        }
        return one(0x78);
      }
      case 'u': {
        const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i));
        if (m) {
          this.i += 4;
          return one(parseInt(m[0], 16));
        }
        return one(0x75);
      }
      case 'k':
        if (!inClass && this.peek() === '<') {
          this.i = this.src.indexOf('>', this.i) + 1;
          return { type: 'backref' };
        }
        return one(0x6b);
      default:
        if (/[1-9]/.test(c)) {
          let digits = c;
          while (/[0-9]/.test(this.peek())) digits += this.src[this.i++];
          if (!inClass && Number(digits) <= this.groups) return { type: 'backref' };
          // A legacy octal escape or a literal: treat as any digit or control character.
          return set(normalize([[0, 0xff]]));
        }
        if (c === '0') return one(0);
        return one(c.charCodeAt(0));
    }
  }

  private charClass(): CharSet {
    let negate = false;
    if (this.peek() === '^') {
      negate = true;
      this.i++;
    }
    const ranges: CharSet = [];
    while (this.i < this.src.length && this.peek() !== ']') {
      const lo = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '' && lo.length === 1 && lo[0]![0] === lo[0]![1]) {
        const save = this.i;
        this.i++;
        const hi = this.classAtom();
        if (hi.length === 1 && hi[0]![0] === hi[0]![1]) {
          ranges.push([lo[0]![0], hi[0]![0]]);
          continue;
        }
        this.i = save;
      }
      ranges.push(...lo);
    }
    this.i++; // ]
    const set = normalize(ranges);
    return negate ? complement(set) : set;
  }

  private classAtom(): CharSet {
    const c = this.peek();
    this.i++;
    if (c === '\\') return this.escape(true) as CharSet;
    return [[c.charCodeAt(0), c.charCodeAt(0)]];
  }
}

/** Capturing groups in a pattern (decides whether `\N` is a backreference, as V8 does). */
function countGroups(src: string): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(' && (src[i + 1] !== '?' || (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!'))) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------
// Properties of a node
// ---------------------------------------------------------------------------

function nullable(n: Node): boolean {
  switch (n.type) {
    case 'set':
      return false;
    case 'assert':
    case 'backref':
      return true;
    case 'group':
      return n.look || nullable(n.body);
    case 'alt':
      return n.branches.some(nullable);
    case 'seq':
      return n.items.every(nullable);
    case 'quant':
      return n.min === 0 || nullable(n.body);
  }
}

/** Every character the node can consume. */
function chars(n: Node): CharSet {
  switch (n.type) {
    case 'set':
      return n.set;
    case 'assert':
    case 'backref':
      return n.type === 'backref' ? ALL : [];
    case 'group':
      return n.look ? [] : chars(n.body);
    case 'alt':
      return n.branches.map(chars).reduce(union, []);
    case 'seq':
      return n.items.map(chars).reduce(union, []);
    case 'quant':
      return n.max === 0 ? [] : chars(n.body);
  }
}

/** Characters the node's match can begin with (`fromEnd` false) or end with (`fromEnd` true). */
function edgeChars(n: Node, fromEnd: boolean): CharSet {
  switch (n.type) {
    case 'set':
      return n.set;
    case 'assert':
      return [];
    case 'backref':
      return ALL;
    case 'group':
      return n.look ? [] : edgeChars(n.body, fromEnd);
    case 'alt':
      return n.branches.map((b) => edgeChars(b, fromEnd)).reduce(union, []);
    case 'seq': {
      // From the edge inwards, as long as the items passed can match the empty string.
      let out: CharSet = [];
      for (let k = 0; k < n.items.length; k++) {
        const item = n.items[fromEnd ? n.items.length - 1 - k : k]!;
        out = union(out, edgeChars(item, fromEnd));
        if (!nullable(item)) break;
      }
      return out;
    }
    case 'quant':
      return n.max === 0 ? [] : edgeChars(n.body, fromEnd);
  }
}

const firstChars = (n: Node): CharSet => edgeChars(n, false);
const lastChars = (n: Node): CharSet => edgeChars(n, true);

/** A quantifier that can match different numbers of times. */
function isVariable(n: Node): boolean {
  return n.type === 'quant' && n.min !== n.max;
}

function walk(n: Node, f: (n: Node, inLook: boolean) => void, inLook = false): void {
  f(n, inLook);
  switch (n.type) {
    case 'group':
      walk(n.body, f, inLook || n.look);
      break;
    case 'alt':
      n.branches.forEach((b) => walk(b, f, inLook));
      break;
    case 'seq':
      n.items.forEach((b) => walk(b, f, inLook));
      break;
    case 'quant':
      walk(n.body, f, inLook);
      break;
    default:
  }
}

/** The node without enclosing non-lookaround groups. */
function unwrap(n: Node): Node {
  while (n.type === 'group' && !n.look) n = n.body;
  return n;
}

function itemsOf(n: Node): Node[] {
  const u = unwrap(n);
  return u.type === 'seq' ? u.items : [u];
}

/** Variable quantifiers anywhere inside (lookarounds excluded: they consume nothing). */
function variableParts(n: Node): Node[] {
  const out: Node[] = [];
  const visit = (x: Node): void => {
    if (x.type === 'group' && x.look) return;
    if (isVariable(x)) out.push(x);
    if (x.type === 'group') visit(x.body);
    else if (x.type === 'alt') x.branches.forEach(visit);
    else if (x.type === 'seq') x.items.forEach(visit);
    else if (x.type === 'quant') visit(x.body);
  };
  visit(n);
  return out;
}

/** A single, always-consumed character class (possibly in a fixed {1} quantifier or a plain group). */
function fixedClass(n: Node): CharSet | null {
  const u = unwrap(n);
  if (u.type === 'set') return u.set;
  if (u.type === 'quant' && u.min === 1 && u.max === 1) return fixedClass(u.body);
  return null;
}

/**
 * Each iteration's end is forced: every variable part of the branch is a plain character class, and
 * either the branch ends with a fixed class none of them can match (the iteration ends at the first
 * such character: `（[^）]*）`), or it begins with one and none of them can match the first character
 * of any branch (the next iteration starts at the next such character: `罚款+`, but not in `(罚款+|款)+`).
 */
function delimitedBranch(branch: Node, allFirst: CharSet): boolean {
  const items = itemsOf(branch);
  const vars = variableParts(branch);
  if (vars.some((v) => v.type !== 'quant' || fixedClass(v.body) === null)) return false;
  const varChars = vars.map((v) => chars(v));
  const last = items.length ? fixedClass(items[items.length - 1]!) : null;
  if (last && varChars.every((c) => !intersects(c, last))) return true;
  const first = items.length ? fixedClass(items[0]!) : null;
  return first !== null && varChars.every((c) => !intersects(c, allFirst));
}

/** Ways a bounded repetition of a bounded body can split a text, roughly (the count of length choices). */
function splitCount(q: { min: number; max: number; body: Node }): number {
  let inner = 1;
  for (const v of variableParts(q.body)) {
    if (v.type !== 'quant' || !Number.isFinite(v.max)) return Infinity;
    inner *= v.max - v.min + 1;
  }
  if (nullable(q.body)) inner += 1;
  return Number.isFinite(q.max) ? Math.pow(inner, q.max) : Infinity;
}

const SPLIT_LIMIT = 1000;

/**
 * Rule 5 on one sequence: competing quantifiers. `strict` (inside a loop) also counts bounded pairs.
 * p and q compete when the boundary between their matches can move: p's match can end with a
 * character q's match can begin with (`[^》]*[^。]*`; not `(（[^）]*）)*\s*`, whose loop always
 * ends with ）).
 */
function competing(items: Node[], strict: boolean): boolean {
  for (let a = 0; a < items.length; a++) {
    const p = items[a]!;
    if (!isVariable(p)) continue;
    const pUnbounded = p.type === 'quant' && !Number.isFinite(p.max);
    const pc = chars(p);
    const pLast = lastChars(p);
    for (let b = a + 1; b < items.length; b++) {
      const q = items[b]!;
      if (isVariable(q)) {
        const qUnbounded = q.type === 'quant' && !Number.isFinite(q.max);
        if ((strict || (pUnbounded && qUnbounded)) && intersects(pLast, firstChars(q))) return true;
      }
      // Can p also absorb q (or skip it)? If not, p cannot reach past q: stop looking further.
      if (!nullable(q) && !(pUnbounded && intersects(pc, firstChars(q)) && fixedClass(q) !== null)) break;
    }
  }
  return false;
}

/** Nothing in the node can make a match attempt fail (it may match nothing): `x?`, `[^。]*`, ``. */
function cannotFail(n: Node): boolean {
  switch (n.type) {
    case 'set':
    case 'assert':
    case 'backref':
      return false;
    case 'group':
      return !n.look && cannotFail(n.body);
    case 'alt':
      return n.branches.some(cannotFail);
    case 'seq':
      return n.items.every(cannotFail);
    case 'quant':
      return n.min === 0 || cannotFail(n.body);
  }
}

/**
 * Rule 6: unbounded quantifiers only at the end. Calls `f` with every unbounded quantifier followed by
 * something that can fail. From every starting position such a quantifier scans as far as it can and
 * then backtracks over all of it, so a scan of a text of n characters costs n²/2 (`《[^》]+》` on a
 * sentence of 50,000 unclosed 《 takes seconds). At the end of the pattern (`收取.*`) it cannot be
 * made to backtrack: the match is found.
 */
function nonTrailingUnbounded(n: Node, tail: boolean, f: (q: Node) => void): void {
  switch (n.type) {
    case 'group':
      nonTrailingUnbounded(n.body, tail && !n.look, f);
      return;
    case 'alt':
      n.branches.forEach((b) => nonTrailingUnbounded(b, tail, f));
      return;
    case 'seq':
      n.items.forEach((item, i) => nonTrailingUnbounded(item, tail && n.items.slice(i + 1).every(cannotFail), f));
      return;
    case 'quant':
      if (!Number.isFinite(n.max) && !tail) f(n);
      nonTrailingUnbounded(n.body, tail && n.max <= 1, f);
      return;
    default:
  }
}

/**
 * An upper bound on the paths one match attempt can take: a sequence multiplies its items' choices,
 * an alternation adds its branches', a bounded quantifier offers max − min + 1 lengths (times its
 * body's own paths). A lookaround is a separate, smaller match at one position: it adds its paths
 * rather than multiplying. Unbounded quantifiers count once (rule 6 leaves them only at the end,
 * where they never backtrack). The real cost is far lower (fixed characters between quantifiers cut
 * most paths); the bound only stops patterns like `[^x]{0,1000}[^y]{0,1000}[^z]{0,1000}q`.
 */
function stepBound(n: Node): number {
  switch (n.type) {
    case 'set':
    case 'assert':
    case 'backref':
      return 1;
    case 'group':
      return stepBound(n.body);
    case 'alt':
      return n.branches.reduce((a, b) => a + stepBound(b), 0);
    case 'seq': {
      let product = 1;
      let looks = 0;
      for (const item of n.items) {
        if (item.type === 'group' && item.look) looks += stepBound(item.body);
        else product *= stepBound(item);
      }
      return product + looks;
    }
    case 'quant': {
      if (!Number.isFinite(n.max)) return stepBound(n.body);
      return (n.max - n.min + 1) * Math.max(1, stepBound(n.body));
    }
  }
}

/** Cap on stepBound: a constant per starting position (the built-in rules stay under 2,000,000). */
export const MAX_STEPS = 10_000_000;

/** Why the pattern may backtrack catastrophically, or null when it is safe (rules in the header). */
export function regexHazard(pattern: string): string | null {
  let root: Node;
  try {
    root = new Parser(pattern, countGroups(pattern)).parse();
  } catch {
    return '无法分析其结构';
  }
  let reason: string | null = null;
  const fail = (why: string): void => {
    reason ??= why;
  };
  walk(root, (n, inLook) => {
    if (n.type === 'backref') fail('含有反向引用');
    if (n.type === 'quant' && inLook && !Number.isFinite(n.max)) fail('环视中含有无界量词');
    if (n.type === 'seq') {
      if (competing(n.items, false)) fail('两个无界量词可以匹配同一段文字');
    }
    if (n.type !== 'quant' || n.max <= 1) return;
    const body = unwrap(n.body);
    const branches = body.type === 'alt' ? body.branches : [body];
    // A small bounded repetition has few ways to choose branches: (a|ab){2} tries at most 4.
    if (branches.length > 1 && !(Number.isFinite(n.max) && Math.pow(branches.length, n.max) <= SPLIT_LIMIT)) {
      const firsts = branches.map(firstChars);
      for (let i = 0; i < firsts.length; i++) {
        for (let j = i + 1; j < firsts.length; j++) {
          if (intersects(firsts[i]!, firsts[j]!)) fail('重复的分组中有可以匹配相同开头的分支');
        }
      }
    }
    const variable = nullable(body) || variableParts(body).length > 0;
    if (!variable) return;
    if (splitCount(n) <= SPLIT_LIMIT) return;
    if (nullable(body)) return fail('重复的分组可以匹配空文字');
    const allFirst = branches.map(firstChars).reduce(union, []);
    for (const br of branches) {
      if (!delimitedBranch(br, allFirst)) return fail('量词嵌套：重复的分组内又有可变长度的量词');
      if (competing(itemsOf(br), true)) return fail('量词嵌套：重复的分组内有可以匹配相同字符的量词');
    }
  });
  // The specific hazards above name the worse problem; then unbounded quantifiers, then the size.
  nonTrailingUnbounded(root, true, () => fail('无界量词（*、+ 或 {n,}）后面还有内容：请改用有上限的量词，如 {0,50}'));
  if (!reason && stepBound(root) > MAX_STEPS) fail(`有上限的量词组合过大（每个位置最多约 ${stepBound(root)} 步）：请缩小 {m,n} 的上限`);
  return reason;
}

/** The refusal message of an unsafe pattern, or null (callers prefix the rule file:line:col). */
export function regexSafetyProblem(pattern: string): string | null {
  const why = regexHazard(pattern);
  return why ? `正则表达式“${pattern}”可能导致回溯爆炸（${why}）；应为不含嵌套量词的表达式` : null;
}
