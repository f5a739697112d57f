/** "Did you mean …?" suggestions for misspelt keys, rule ids and preset names. */

/** Levenshtein distance between two strings (UTF-16 units), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * The candidate closest to `input`, if it is close enough to be a likely typo (distance at most a
 * third of the longer word, at least 2, or a prefix of 3+ characters); ties go to the earlier candidate.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    let d = editDistance(input, c);
    // A truncated word (warn → warning) is a likely typo however many letters are missing.
    if (input.length >= 3 && c.toLowerCase().startsWith(input.toLowerCase())) d = Math.min(d, 1);
    const limit = Math.max(2, Math.floor(Math.max(input.length, c.length) / 3));
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** The hint text for a suggestion, or undefined when there is none. */
export function suggestionHint(input: string, candidates: Iterable<string>): string | undefined {
  const s = didYouMean(input, candidates);
  return s === null ? undefined : `是否想写 ${s}？`;
}
