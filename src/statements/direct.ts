/** Direct quotes: a quotation with a cue beside it, split around its cue, or continuing the previous speaker. */
import { paragraphTokens, type Candidate, type Doc } from './doc.ts';
import { TITLE_WORDS } from './lexicon.ts';
import { CLAUSE_PUNCT, QUOTE_CHARS, TITLE_MINOR_WORDS, cueAt, isSpeakerEnd, plausibleSpeaker, speechCue, subjectAfter, subjectBefore, wordsIn } from './phrases.ts';
import { AUX_ADVERBS, DETERMINERS, PREPOSITIONS, TIME_WORDS, type Token } from './tokens.ts';

/** Words in title case with no sentence punctuation: the name of a work, not words someone said. */
export function isTitle(t: Token[], a: number, b: number): boolean {
  // A comma or dot the sentence puts inside the closing mark is not the title's: "Face the Nation,"
  while (b > a && (t[b - 1].t === ',' || t[b - 1].t === '.')) b--;
  let content = 0;
  let capital = 0;
  for (let k = a; k < b; k++) {
    if (CLAUSE_PUNCT.has(t[k].t) || t[k].t === ',') return false;
    if (t[k].word && !TITLE_MINOR_WORDS.has(t[k].lo)) {
      content++;
      if (t[k].cap) capital++;
    }
  }
  return content > 0 && capital === content;
}

/** Direct quotes attributed by a cue beside them, or continuing the previous quote's speaker. */
export function directQuotes(doc: Doc, used: Uint8Array): Candidate[] {
  const t = doc.tokens;
  const out: Candidate[] = [];
  let previous: { cand: Candidate; paragraph: number; closeTok: number } | null = null;
  doc.quotes.forEach((q) => {
    const openTok = doc.tokenAt(q.open);
    const closeTok = doc.tokenAt(q.close);
    if (openTok >= t.length || used[openTok]) return;
    const words = wordsIn(t, openTok + 1, closeTok);
    const paragraph = doc.paragraphOf[openTok];
    const [pLo, pHi] = paragraphTokens(doc, paragraph);
    let cand: Candidate | null = null;
    // A quote split around its cue ('"We ...," he said. "But ..."'): one statement over both parts.
    const splits = splitAfter(doc, previous, openTok, closeTok, paragraph);
    // After the quote: ', he said' / ', said Stoltenberg' / 'Stoltenberg said.'
    let k = closeTok + 1;
    if (k < pHi && t[k].t === ',') k++;
    // '"You say you 'accept it,'" Norris said': the punctuation before a nested quotation's closing mark ends ours.
    let inside = closeTok - 1;
    while (inside > openTok + 1 && QUOTE_CHARS.has(t[inside].t)) inside--;
    const lastInside = t[inside];
    const endsClause = lastInside && [',', '.', '?', '!', '…'].includes(lastInside.t);
    if (k < pHi && (endsClause || t[closeTok + 1]?.t === ',')) {
      if (speechCue(t[k])) {
        const subj = subjectAfter(t, k, pHi);
        if (subj) cand = { quote: [q.start, q.end], kind: 'direct', mention: [subj.s, subj.e], cue: [k, k], confidence: 0.9 };
      }
      // When the quote goes on from a split one, only a cue right after it gives it a speaker of its own.
      for (let c = k + 1; !cand && c < Math.min(pHi, k + (splits ? 5 : 40)); c++) {
        if ((CLAUSE_PUNCT.has(t[c].t) && !abbreviationDot(t, c)) || QUOTE_CHARS.has(t[c].t)) break;
        if (!speechCue(t[c])) continue;
        // '"... a filmic quality." Florin said gamers should ...': a verb with words of its own in the next sentence
        // is that sentence's; its speaker most likely said the quotation too, but the verb is left to its words.
        const nextSentence = ownWordsInNextSentence(doc, closeTok, c);
        // A verb that only attributes a quotation beside it ("laughing", "smiled") is, in a sentence of its own
        // ('"..." The film shows Mr Corbett laughing at ...'), what someone did, not who said the quotation.
        if (nextSentence && cueAt(t[c])?.kind === 'quote') break;
        // 'He added: "..." Party chairman Mark Tolley has written ...': a quotation its own cue opens is that cue's.
        if (nextSentence && openTok >= 2 && [':', ','].includes(t[openTok - 1].t) && speechCue(t[openTok - 2])) break;
        const subj = subjectBefore(t, c, k);
        // The phrase may open with an office in lower case: '"...," Senate minority leader Harry Reid told reporters'.
        const officeBefore = subj && subj.s > k && subj.s - k <= 5 && (t[k].cap || TITLE_WORDS.has(t[subj.s - 1].lo)) && t.slice(k, subj.s).every((x) => x.word);
        if (subj && (subj.s === k || officeBefore)) cand = { quote: [q.start, q.end], kind: 'direct', mention: [k, subj.e], cue: [c, c], confidence: nextSentence ? 0.6 : 0.9 };
        else if (nextSentence) break;
        else {
          // "..., said Steve Smith, a veteran editor who teaches ..." / "Smith, a veteran editor, said": the first phrase speaks.
          let e = k;
          while (e + 1 < c && t[e + 1].t !== ',' && e - k < 8) e++;
          if (!splits && t[e + 1]?.t === ',' && isSpeakerEnd(t[e]) && (t[k].cap || DETERMINERS.has(t[k].lo)) && plausibleSpeaker(t, k, e)) cand = { quote: [q.start, q.end], kind: 'direct', mention: [k, e], cue: [c, c], confidence: 0.8 };
        }
        break;
      }
    }
    // Before the quote: 'Stoltenberg said: "...' / 'he said in a statement, "...'
    if (!cand) {
      let p = openTok - 1;
      const crossesParagraph = p >= 0 && doc.paragraphOf[p] !== paragraph;
      if (p >= 0 && !(crossesParagraph && t[p].t !== ':')) {
        if (t[p].t === ':' || t[p].t === ',' || t[p].lo === 'that') p--;
        const lo = crossesParagraph ? paragraphTokens(doc, doc.paragraphOf[p])[0] : pLo;
        for (let c = p; c >= Math.max(lo, p - 7); c--) {
          if (CLAUSE_PUNCT.has(t[c].t) || QUOTE_CHARS.has(t[c].t)) break;
          if (!cueAt(t[c])) continue;
          // After an article or a preposition the word is a noun: "in order to", "the report".
          if (c > lo && (DETERMINERS.has(t[c - 1].lo) || (PREPOSITIONS.has(t[c - 1].lo) && t[c - 1].lo !== 'to' && !AUX_ADVERBS.has(t[c - 1].lo) && !t[c].lo.endsWith('ing')))) break;
          // Only a phrase of time or place may stand between the cue and the quote ("said in a statement:").
          if (c < p && !(PREPOSITIONS.has(t[c + 1].lo) || TIME_WORDS.has(t[c + 1].lo))) break;
          const sentenceLo = Math.max(lo, doc.sentenceRange[doc.sentenceOf[c]]?.[0] ?? lo);
          let subj = subjectBefore(t, c, sentenceLo);
          // "has written to the watchdog saying: '...'": the object of a preposition before a participle is whom
          // the words went to; the speaker is the subject of the reporting verb before it.
          if (subj && t[c].lo.endsWith('ing') && subj.s - 1 >= sentenceLo && PREPOSITIONS.has(t[subj.s - 1].lo)) {
            let v = subj.s - 2;
            while (v >= sentenceLo && !speechCue(t[v])) v--;
            subj = v >= sentenceLo ? subjectBefore(t, v, sentenceLo) : null;
          }
          if (subj) cand = { quote: [q.start, q.end], kind: 'direct', mention: [subj.s, subj.e], cue: [c, c], confidence: 0.85 };
          break;
        }
      }
    }
    // The second part may look attributed by the same cue ('"A," Mr. Obama said, "and B."'): still one statement.
    if (previous && splits && (!cand || (cand.cue && previous.cand.cue && cand.cue[0] === previous.cand.cue[0]))) {
      // A long description of the speaker between the parts ('"...," said X, an economist who ... . "..."') would
      // outweigh the words in one span: the longer part alone stands for them.
      const first = wordsIn(t, doc.tokenAt(previous.cand.quote[0]), previous.closeTok);
      const middle = wordsIn(t, previous.closeTok + 1, openTok);
      if (middle > 2 * (first + words)) {
        if (words > first) previous.cand.quote = [q.start, q.end];
      } else previous.cand.quote = [previous.cand.quote[0], q.end];
      for (let k2 = openTok; k2 <= closeTok; k2++) used[k2] = 1;
      previous.closeTok = closeTok;
      return;
    }
    // No cue beside it: the quote goes on from the same speaker's previous quote. A quote followed by a cue of
    // its own whose speaker the rules above could not read ('"...," said Rep. Ann Lee (D-Ohio), a ...') is not the
    // previous speaker's; the reported-speech rules read it.
    if (!cand && previous && words >= 4 && !cueFollows(doc, closeTok, pHi)) {
      const startsParagraph = openTok === pLo;
      const near = paragraph - previous.paragraph <= 3 && (startsParagraph || (paragraph === previous.paragraph && openTok - previous.closeTok <= 12));
      const between = t.slice(previous.closeTok + 1, openTok);
      if (near && (startsParagraph ? paragraph !== previous.paragraph : true) && (startsParagraph || !between.some((x, bi) => doc.quoteMark[previous!.closeTok + 1 + bi] && x.a !== q.open))) {
        // In the same paragraph ('"...," he said outside the building. But "..."'): the same words go on, one
        // statement over both, as a quote split around its cue.
        // Not past a reporting verb other than the quote's own ('said, adding that "..."', 'He said that "..."').
        const ownCue = previous.cand.cue?.[0] ?? -1;
        // The cue closes the first part's sentence; a few words at most open the next ("But", "Indeed").
        const nextOpen = ownCue >= 0 ? (doc.sentenceRange[doc.sentenceOf[ownCue]]?.[1] ?? openTok) : openTok;
        // (Not a quotation inside the cue's own words, 'X said such a conflict "..."', nor one after a time stamp, "04:41".)
        const joins = ownCue > previous.closeTok && doc.sentenceOf[ownCue] === doc.sentenceOf[previous.closeTok] && doc.sentenceOf[openTok] !== doc.sentenceOf[ownCue] &&
          wordsIn(t, nextOpen, openTok) <= 3 && !t.slice(nextOpen, openTok).some((x) => /^\p{N}/u.test(x.t));
        if (!startsParagraph && joins && !between.some((x, bi) => previous!.closeTok + 1 + bi !== ownCue && !!cueAt(x))) {
          previous.cand.quote = [previous.cand.quote[0], q.end];
          for (let k2 = openTok; k2 <= closeTok; k2++) used[k2] = 1;
          previous.closeTok = closeTok;
          return;
        }
        cand = { ...previous.cand, quote: [q.start, q.end], confidence: 0.6 };
      }
    }
    if (!cand) return;
    // Short quotations are scare quotes and titles, unless one word closed by its own punctuation is the first
    // part of a quotation split around its cue ('"That," he added, "promises ..."') or an answer beside its cue
    // ('"Absolutely," he said', 'Priebus said, "Probably."').
    const oneWord = words === 1 && !!lastInside && [',', '.', '?', '!'].includes(lastInside.t);
    const opensSentence = openTok === pLo || doc.sentenceOf[openTok - 1] !== doc.sentenceOf[openTok] || (!!cand.cue && cand.cue[1] === openTok - 2 && [',', ':'].includes(t[openTok - 1].t));
    const goesOn = oneWord && quoteGoesOn(doc, cand);
    const wordsSaid = oneWord && (goesOn ? lastInside.t === ',' && cand.confidence >= 0.9 : cand.confidence >= 0.85 && opensSentence);
    if (!wordsSaid && (words < 2 || (words < 4 && cand.confidence < 0.9))) return;
    if (!wordsSaid && isTitle(t, openTok + 1, closeTok)) return; // the name of a work: The Old Man and the Sea
    for (let k2 = openTok; k2 <= closeTok; k2++) used[k2] = 1;
    if (cand.cue && cand.confidence > 0.6) {
      const [a, b] = cand.cue[0] > closeTok ? [closeTok + 1, Math.max(cand.cue[1], cand.mention![1])] : [Math.min(cand.mention![0], cand.cue[0]), cand.cue[1]];
      for (let k2 = a; k2 <= b; k2++) used[k2] = 1;
    }
    out.push(cand);
    previous = { cand, paragraph, closeTok };
  });
  return out;
}

/** A dot that ends an abbreviation inside a phrase, not a sentence: "Tom Brock, R-Ky., said". */
const abbreviationDot = (t: Token[], c: number): boolean => t[c].t === '.' && t[c + 1]?.t === ',' && !!t[c - 1]?.word;

/** A reporting verb follows the closing mark in the quote's own sentence, within a speaker phrase's reach. */
function cueFollows(doc: Doc, closeTok: number, pHi: number): boolean {
  const t = doc.tokens;
  let k = closeTok + 1;
  if (k < pHi && t[k].t === ',') k++;
  for (let c = k; c < Math.min(pHi, k + 12); c++) {
    if ((CLAUSE_PUNCT.has(t[c].t) && !abbreviationDot(t, c)) || QUOTE_CHARS.has(t[c].t)) return false;
    if (speechCue(t[c])) return true;
  }
  return false;
}

/** The quote opening at `openTok` goes on from the previous one: only its cue and speaker stand between, in one paragraph. */
function splitAfter(doc: Doc, previous: { cand: Candidate; paragraph: number; closeTok: number } | null, openTok: number, closeTok: number, paragraph: number): boolean {
  if (!previous || previous.paragraph !== paragraph || openTok <= previous.closeTok) return false;
  const t = doc.tokens;
  // '"...," union leader Jones said.': a cue of its own right after the second part.
  const [, pHi] = paragraphTokens(doc, paragraph);
  for (let k = closeTok + 1; k < Math.min(pHi, closeTok + 7); k++) {
    if (CLAUSE_PUNCT.has(t[k].t) || QUOTE_CHARS.has(t[k].t)) break;
    if (speechCue(t[k])) return false;
  }
  const prevCue = previous.cand.cue?.[0] ?? -1;
  const between = t.slice(previous.closeTok + 1, openTok);
  // Past the cue, a description of the speaker may hold verbs of its own ('said Peter Morgan, a lawyer who has
  // been challenging ...', 'Tester said, referring to ...'), but no words of a new statement ("adding that").
  let described = false;
  const onlyAttribution = between.every((x, bi) => {
    const k = previous.closeTok + 1 + bi;
    if (k > prevCue && (x.t === ',' || x.lo === 'who' || x.lo === 'which')) described = true;
    if (x.lo === 'that' && k > prevCue) return false;
    // '"...," Trump said, adding later, "..."': a participle of speech after the comma whose words the second part
    // is opens a statement of its own (not one of manner, "said, speaking to reporters", nor one with words of its
    // own, '"...," he said, referring to the debate. "..."').
    const form = k > prevCue && x.lo.endsWith('ing') && t[k - 1].t === ',' && openTok - k <= 4 && !t.slice(k, openTok).some((y) => CLAUSE_PUNCT.has(y.t)) ? cueAt(x) : undefined;
    if (form && form.kind === 'speech' && !MANNER_OF_SPEAKING.has(form.base)) return false;
    return k === prevCue || !cueAt(x) || (described && k > prevCue);
  }) && ([',', '.', ':'].includes(t[openTok - 1].t) || joinedAfterCue(t, previous.closeTok, prevCue, openTok));
  if (prevCue > previous.closeTok && prevCue < openTok && between.length <= 45 && onlyAttribution && !between.some((x) => QUOTE_CHARS.has(x.t))) return true;
  return prevCue > previous.closeTok && prevCue < openTok && between.length <= 45 && sentenceTail(doc, previous.closeTok, prevCue, openTok);
}

/**
 * '"...," Ann Lee said after the board met on Monday. "..."', '"...," said Ann Lee, summing up talks that ran late.
 * "..."', '"...," Lee, a senator, said on "Meet the Press." "..."': the second part opens the sentence right after
 * the one the cue closes, and what stands between is the rest of that sentence, the writer's note on when, where or
 * how (clauses, titles in quotation marks): the same words go on. Not where the cue's sentence reports words of its
 * own ("said, adding that ...", "said that ...") or another quotation that is no title stands between.
 */
function sentenceTail(doc: Doc, closeTok: number, cue: number, openTok: number): boolean {
  const t = doc.tokens;
  const s = doc.sentenceOf[cue];
  if (s < 0 || doc.sentenceOf[closeTok] !== s || doc.sentenceOf[openTok - 1] !== s || doc.sentenceOf[openTok] === s) return false;
  if (!['.', '!', '?'].includes(t[openTok - 1].t) && !(QUOTE_CHARS.has(t[openTok - 1].t) && ['.', '!', '?'].includes(t[openTok - 2]?.t))) return false;
  for (let k = cue + 1; k < openTok; k++) {
    const form = cueAt(t[k]);
    // "said, adding that ...", "noted that ...", "said: ...": words of a statement of their own.
    if (form?.kind === 'speech' && (t[k + 1]?.lo === 'that' || t[k + 1]?.t === ':' || (t[k - 1].t === ',' && t[k].lo.endsWith('ing') && !MANNER_OF_SPEAKING.has(form.base)))) return false;
    if (doc.quoteMark[k] === 1) {
      // A quotation between the parts: only the title of a show or a work ('on “Fox and Friends.”').
      let e = k + 1;
      while (e < openTok && doc.quoteMark[e] !== 1) e++;
      if (e >= openTok || !isTitle(t, k + 1, e)) return false;
      k = e;
    }
  }
  return true;
}

/**
 * '"I love Larry," he said, but "when it comes to ..."': after the cue and its speaker, ", and" or ", but" (maybe
 * with "still" or "also") opens the second part of the same words.
 */
function joinedAfterCue(t: Token[], closeTok: number, cue: number, openTok: number): boolean {
  let k = openTok - 1;
  while (k > cue && /^(still|also|then|later)$/.test(t[k].lo)) k--;
  if (!/^(and|but)$/.test(t[k].lo) || t[k - 1]?.t !== ',') return false;
  // Only the cue and a short speaker phrase stand between the two parts.
  return k - 1 - closeTok <= 6;
}

/** Verbs of speaking whose participle tells how or where words were said, not words of its own ("speaking to reporters"). */
const MANNER_OF_SPEAKING = new Set(['speak', 'talk']);

/** The cue at `c` opens a sentence after the quote's and has words of its own after it (more than a phrase of time). */
function ownWordsInNextSentence(doc: Doc, closeTok: number, c: number): boolean {
  const sentence = doc.sentenceOf[c];
  if (sentence === doc.sentenceOf[closeTok]) return false;
  const end = doc.sentenceRange[sentence]?.[1] ?? c + 1;
  let words = 0;
  for (let k = c + 1; k < end; k++) if (doc.tokens[k].word && !TIME_WORDS.has(doc.tokens[k].lo)) words++;
  return words > 2;
}

/** After the cue and speaker that follow a quotation, a second quotation opens ('"That," he added, "promises ..."'). */
function quoteGoesOn(doc: Doc, cand: Candidate): boolean {
  if (!cand.cue || doc.tokenAt(cand.quote[1]) > cand.cue[0]) return false; // the cue before the quotation
  let k = Math.max(cand.cue[1], cand.mention?.[1] ?? -1) + 1;
  if (doc.tokens[k]?.t === ',') k++;
  return k < doc.tokens.length && doc.quoteMark[k] === 1;
}

/**
 * 'The delay may be political, Lee said. "Nobody wants to be seen tipping the scales."': a quotation with no cue of
 * its own, opening the sentence after one whose words a reporting verb gave (not a direct quote's: those go on above),
 * in the same paragraph, goes on with those words; the statement runs to the quotation's end and is mixed.
 */
export function quotationsAfterReported(doc: Doc, candidates: Candidate[], used: Uint8Array): void {
  const t = doc.tokens;
  for (const q of doc.quotes) {
    const openTok = doc.tokenAt(q.open);
    const closeTok = doc.tokenAt(q.close);
    if (openTok >= t.length || used[openTok] || openTok === 0) continue;
    const s = doc.sentenceOf[openTok];
    const range = doc.sentenceRange[s];
    if (s < 1 || !range || range[0] !== openTok || doc.paragraphOf[openTok - 1] !== doc.paragraphOf[openTok]) continue;
    // The quotation closes its sentence: nothing after it but punctuation (no cue of its own).
    let k = closeTok + 1;
    while (k < range[1] && !t[k].word) k++;
    if (k < range[1] || wordsIn(t, openTok + 1, closeTok) < 4) continue;
    let before: Candidate | null = null;
    for (const c of candidates) {
      if (c.kind === 'direct' || c.tagged || !c.cue || doc.sentenceOf[c.cue[0]] !== s - 1 || c.quote[1] > q.open) continue;
      if (!before || c.quote[1] > before.quote[1]) before = c;
    }
    if (!before) continue;
    const from = doc.tokenAt(before.quote[1]);
    if (openTok - from > 30 || t.slice(from, openTok).some((x, i) => doc.quoteMark[from + i] || QUOTE_CHARS.has(x.t))) continue;
    before.quote = [before.quote[0], q.end];
    before.kind = 'mixed';
    for (let k2 = openTok; k2 <= closeTok; k2++) used[k2] = 1;
  }
}
