/** Reported speech inside one sentence: every cue verb with a speaker beside it, and "according to X". */
import type { Span } from '../schema/records.ts';
import { speakerHead } from './speakers.ts';
import { CLAUSE_ONLY_VERBS, COMBATIVE_VERBS, IRREGULAR_VERB_FORMS, OWN_TREATMENT_VERBS, VENUES, CUE_FORMS, CUE_NOUNS, JUDGEMENT_FORMS, NOUN_FIRST_FORMS, OBJECT_CONTROL_VERBS, OBJECT_VERBS, PARTICLE_VERBS, REFUSAL_FORMS, TITLE_WORDS, TOPIC_FORMS, type CueForm } from './lexicon.ts';
import { clauseSpan, paragraphTokens, type Candidate, type Doc } from './doc.ts';
import { CLAUSE_PUNCT, DASHES, QUOTE_CHARS, IRREGULAR_PAST, cueAt, endsInPastVerb, phraseStart, headlineCueAt, isSpeakerEnd, plausibleSpeaker, subjectAfter, subjectBefore, wordsIn, type Subject } from './phrases.ts';
import { AUX_ADVERBS, DETERMINERS, FINITE_AUXILIARIES, LEADING_JUNK, NOT_SPEAKER_END, PREPOSITIONS, SPEAKER_PRONOUNS, TIME_WORDS, isNumber, type Token } from './tokens.ts';

/** Verbs whose first object is the listener, not the words ("told reporters that ..."). */
const LISTENER_FIRST = new Set(['tell', 'inform', 'remind', 'assure', 'reassure', 'warn', 'urge', 'ask', 'advise', 'brief', 'notify', 'instruct', 'order', 'promise', 'alert', 'update', 'accuse', 'thank', 'congratulate', 'implore', 'beg']);

/** Reported speech inside one sentence: every cue with a speaker beside it. */
export function reportedSpeech(doc: Doc, used: Uint8Array, mentionOf: Int32Array, lo: number, hi: number): Candidate[] {
  const t = doc.tokens;
  const found: Array<Candidate & { subject: Subject; after: boolean; cueTok: number; participle?: boolean; front?: number }> = [];
  // (one closure for the whole range, not one per token)
  const speakerAt = (k: number) => sentenceSpeaker(t, found, mentionOf, lo, k);
  for (let i = lo; i < hi; i++) {
    if (used[i] || doc.inQuote[i] >= 0) continue;
    // "his claim that ...", "Trump's remarks about ...": a reporting noun with its source before it.
    if (CUE_NOUNS.has(t[i].lo) && i > lo && i + 2 < hi) {
      const owner = t[i - 1];
      const possessive = /^(his|her|their|its)$/.test(owner.lo) || (owner.cap && /[’']s$/.test(owner.t));
      const link = t[i + 1].lo;
      // ("his remarks on Saturday": "on" and a word of time say when, not what about.)
      if (possessive && /^(that|of|about|on|against|for)$/.test(link) && !(link === 'on' && TIME_WORDS.has(t[i + 2].lo))) {
        let end = i + 2;
        const toClauseEnd = link === 'that';
        // (Not past the owner's next reporting verb: "doubled down on his comments about the judge and said ...".)
        while (end < hi && (toClauseEnd || (t[end].t !== ',' && t[end].t !== ';')) && !CLAUSE_PUNCT.has(t[end].t) && !nextReportingVerb(t, end)) end++;
        const quote = clauseSpan(doc, link === 'that' ? i + 1 : i + 2, end);
        if (quote && wordsIn(t, i + 2, end) >= 2) {
          const subject = { s: i - 1, e: i - 1 };
          found.push({ quote, kind: 'indirect', mention: [i - 1, i - 1], cue: [i, i], confidence: 0.4, subject, after: true, cueTok: i });
          i = end - 1;
          continue;
        }
      }
    }
    // "In a new CNN poll, Clinton leads ...": a document or survey opening the sentence is the source.
    if (i === lo && t[i].lo === 'in' && !used[i]) {
      let comma = -1;
      for (let k = i + 1; k < Math.min(hi, i + 16); k++) if (t[k].t === ',') { comma = k; break; }
      const head = comma > i + 1 ? t[comma - 1].lo : '';
      // "In a statement, Trump said ...": the verb's speaker has the words, not the document.
      let saysItself = false;
      // Past the work's title in quotation marks ("In his 2002 book, ''Make Your Kid a Millionaire,'' Mr. Kerrigan
      // suggested ...").
      let from = comma + 1;
      if (comma > 0 && doc.quoteMark[from]) {
        let close = from + 1;
        while (close < Math.min(hi, from + 15) && !doc.quoteMark[close]) close++;
        if (close < hi && doc.quoteMark[close]) from = close + 1;
      }
      for (let k = from; comma > 0 && k < Math.min(hi, from + 9); k++) if (cueAt(t[k])) saysItself = true;
      // Also past the speaker's apposition ("In a statement, one of the family's lawyers, Ann Ruiz, said ..."): a
      // reporting verb right after a comma.
      for (let k = from + 9; comma > 0 && k < Math.min(hi, from + 30); k++) if (t[k - 1].t === ',' && cueAt(t[k])?.kind === 'speech') saysItself = true;
      if (comma > 0 && !saysItself && (SOURCE_DOCUMENTS.has(head) || SOURCE_DOCUMENTS.has(head.replace(/s$/, ''))) && wordsIn(t, comma + 1, hi) >= 3) {
        const quote = clauseSpan(doc, comma + 1, hi);
        if (quote) {
          const subject = { s: i + 1, e: comma - 1 };
          found.push({ quote, kind: 'indirect', mention: [i + 1, comma - 1], cue: [i, i], confidence: 0.5, subject, after: true, cueTok: i });
          i = comma;
          continue;
        }
      }
    }
    // "according to X, ..." / "..., according to X."
    if (t[i].lo === 'according' && t[i + 1]?.lo === 'to' && i + 2 < hi) {
      // The source runs to the next comma or the end: "according to an analysis of FEC data by Crowdpac, ..."
      let subj = subjectAfter(t, i + 1, hi);
      if (!subj) {
        let e = i + 2;
        while (e + 1 < hi && t[e + 1].t !== ',' && !CLAUSE_PUNCT.has(t[e + 1].t) && e - i < 25) e++;
        if (!t[i + 2].word) continue;
        subj = { s: i + 2, e };
      }
      const before = wordsIn(t, lo, i);
      // "regulate according to function", "according to plan": a bare common noun is a manner, no source.
      if (subj.s === subj.e && !t[subj.s].cap && !speakerHead(t[subj.s].lo) && !SPEAKER_PRONOUNS.has(t[subj.s].lo)) { i = subj.e; continue; }
      let quote: Span | null = null;
      // "Blinken told Ghani ..., according to the statement": the speaker inside keeps the words.
      // Not a verb of belief or finding read as a cue ("Some families would see their taxes go up ..., according to
      // an analysis by ..."): the words are the source's.
      if (before >= 3 && found.some((f) => f.cueTok >= lo && f.cueTok < i && cueAt(t[f.cueTok])?.kind !== 'thought')) { i = subj.e; continue; }
      // "At the heart of the trouble, according to Dennis B. Ross, an envoy, was a decision ...": an aside inside
      // the words; they are the whole sentence.
      if (before >= 3 && t[i - 1].t === ',' && asideGoesOn(t, subj.e + 1, hi)) quote = clauseSpan(doc, lo, hi);
      else if (before >= 3) quote = clauseSpan(doc, lo, i);
      // 'According to Lee, “... . ...”': a quotation opened after the source runs past the sentence with it.
      else if (t[subj.e + 1]?.t === ',') quote = clauseSpan(doc, subj.e + 2, quotationEnd(doc, used, subj.e + 2, hi));
      if (quote) found.push({ quote, kind: 'indirect', mention: [subj.s, subj.e], cue: [i, i + 1], confidence: 0.7, subject: subj, after: before < 3, cueTok: i });
      i = subj.e;
      continue;
    }
    const judged = judgementAt(doc, i, lo, hi, speakerAt);
    if (judged) {
      const { s: ms, e: me } = judged.subject;
      found.push({ quote: judged.quote, kind: 'indirect', mention: judged.speaks ? [ms, me] : null, cue: judged.speaks ? [judged.cueStart, i + 2] : [judged.cueStart, i], confidence: judged.speaks ? 0.5 : 0.4, subject: judged.subject, after: true, cueTok: i });
      continue;
    }
    // "Asked if he was ever bullied, the candidate said no": a sentence may open with the question put.
    const askedFirst = i === lo && t[i].lo === 'asked' ? CUE_FORMS.get('asked') : undefined;
    const form = cueAt(t[i]) ?? askedFirst ?? headlineCueAt(t, i, lo, hi) ?? refusalAt(t, i, hi) ?? topicAt(t, i);
    if (!form || form.kind === 'quote') continue;
    // "a trader who declined to be identified said ...": a request for the speaker, no words; the verb after it speaks.
    if (ownTreatmentAt(t, i)) continue;
    // "maintained a lead", "found a way": with a plain object these verbs report nothing.
    if (CLAUSE_ONLY_VERBS.has(form.base) && t[i + 1]?.word && t[i + 1].lo !== 'that') continue;
    // "45 percent support among Republicans", "lent support to her", "Latino support, ...": the bare form of a verb
    // that takes a noun phrase, right before a preposition or punctuation, is a noun ("called for" is a verb's).
    if (bareObjectNoun(t, i, form)) continue;
    // "a lead thanks to her wins", "thanks in part to": a preposition, not the verb "thank".
    if (t[i].lo === 'thanks' && thanksTo(t, i, hi)) continue;
    // "called in to a radio show", "called into the program", "called off the strike": a telephone call or a
    // cancellation, not words.
    if (form.base === 'call' && /^(in|into|off|up|back)$/.test(t[i + 1]?.lo ?? '')) continue;
    const prev = t[i - 1];
    // "Some say", "many said": a determiner standing alone is the speaker, before a verb form no noun shares.
    const standsAlone = !!prev && QUANTIFIERS.has(prev.lo) && (t[i].lo === form.base || verbTense(t[i].lo) === 'past') && !t[i].lo.endsWith('s');
    const byParticiple = prev?.lo === 'by' && t[i].lo.endsWith('ing');
    // "an organisation that endorsed Sanders": a relative "that" stands for the noun before it.
    const relativeThat = prev?.lo === 'that' && !!t[i - 2] && t[i - 2].word && isSpeakerEnd(t[i - 2]) && !cueAt(t[i - 2]) && (verbTense(t[i].lo) === 'past' || verbTense(t[i].lo) === 's') && t[i].lo !== form.base;
    // "went on to call Cruz ...", "was quick to point out that ...": the subject of the verb before "to" speaks.
    const catenative = prev?.lo === 'to' && form.kind === 'speech' ? catenativeVerb(t, i - 2, lo) : -1;
    // "forced Tom Reyes, who was under questioning, to admit that ...": the object of the verb before speaks.
    const controlled = prev?.lo === 'to' && form.kind === 'speech' && catenative < 0 ? controlledObject(t, i - 2, lo) : null;
    if (prev && !standsAlone && !byParticiple && !relativeThat && catenative < 0 && !controlled && (prev.lo === 'to' || DETERMINERS.has(prev.lo) || (PREPOSITIONS.has(prev.lo) && !AUX_ADVERBS.has(prev.lo)))) continue; // "to say", "the report"
    // "his Treasury post", "their Senate report": a bare form after a possessive and a name is a noun.
    if (prev?.cap && POSSESSIVE_DETERMINERS.has(t[i - 2]?.lo ?? '') && t[i].lo === form.base) continue;
    const participle = t[i].lo.endsWith('ing') && !(prev && /^(is|was|are|were|been|be)$/.test(prev.lo));
    // "Bond's existing broadcasting interests", "the new ruling party": an -ing form after a determiner or a
    // possessive and the lower-case words of the phrase is the phrase's modifier, no verb.
    if (participle && modifierInPhrase(t, i, lo)) continue;
    // "When asked whether he would run, ...": a question put by someone the text does not name.
    // "Lawmakers also asked whether ...": the adverbs between a subject and the verb leave it the subject's.
    let pa = i - 1;
    while (pa > lo && AUX_ADVERBS.has(t[pa].lo) && !/^(was|were|is|are)$/.test(t[pa].lo)) pa--;
    const beforeAsk = pa >= lo && !/^(is|was|are|were|been|be|being)$/.test(t[pa].lo) ? t[pa] : prev;
    if (form.base === 'ask' && (!beforeAsk || !isSpeakerEnd(beforeAsk) || /^(is|was|are|were|been|be|being|when|if)$/.test(beforeAsk.lo))) {
      let q = i + 1;
      while (q < Math.min(hi, i + 6) && t[q].word && !QUESTION_WORDS.has(t[q].lo)) q++;
      const span = q < hi && QUESTION_WORDS.has(t[q].lo) ? clauseSpan(doc, q, questionEnd(t, q, hi)) : null;
      if (span && wordsIn(t, q, hi) >= 3) {
        const asker = askedBy(t, i, q);
        found.push({ quote: span, kind: 'indirect', mention: asker, cue: [i, i], confidence: 0.5, subject: { s: i, e: i }, after: true, cueTok: i });
        continue;
      }
    }
    // Passive ("it is claimed"), but not progressive ("Clinton is calling for ...": the subject speaks).
    const progressive = t[i].lo.endsWith('ing') && !!prev && /^(is|was|are|were|been|be)$/.test(prev.lo);
    if (!participle && !progressive && prev && /^(is|was|are|were|been|be|being|get|gets|got)$/.test(prev.lo)) continue;
    // "the move criticized by economists", "remarks viewed by some as ...": a participle with its agent after "by" is
    // a passive; the noun before it is what was said or done, not who said it ("responded by saying" is no passive).
    if (!participle && t[i].lo !== form.base && verbTense(t[i].lo) === 'past' && t[i + 1]?.lo === 'by' && t[i + 2]?.word && !t[i + 2].lo.endsWith('ing') && !(t[i + 3]?.lo.endsWith('ing') && /^(first|then|simply|again|also|quickly)$/.test(t[i + 2].lo)) && !(prev && /^(has|have|had|having)$|['’](ve|d)$/.test(prev.lo))) continue;
    let subject: Subject | null = null;
    let inverted = false;
    if (participle) {
      if (form.kind !== 'speech' || !prev || !(prev.t === ',' || prev.word)) continue;
      subject = sentenceSpeaker(t, found, mentionOf, lo, i);
      if (!subject) continue;
    } else {
      subject = relativeThat ? { s: phraseStart(t, i - 2, lo), e: i - 2 } : catenative >= 0 ? subjectBefore(t, catenative, lo) : subjectBefore(t, i, lo);
      // "a longtime Nato advocate": a bare form after a phrase opened by "a" is a noun; "a New York Times
      // report that ..." is still the paper's attribution.
      if (subject && t[i].lo === form.base && /^(a|an|another|each|every)$/.test(t[subject.s].lo) && t[i + 1]?.lo !== 'that') subject = null;
      // A bare verb after a singular noun is a noun itself ("a phone call").
      // ("Those close to him say": the phrase's head is "those", not "him".)
      if (subject && t[i].lo === form.base && !t[subject.e].cap && !SPEAKER_PRONOUNS.has(t[subject.e].lo) && !t[subject.e].lo.endsWith('s') && !PLURAL_NOUNS.has(t[subject.e].lo) && !isNumber(t[subject.e]) && !OBJECT_PRONOUNS.has(t[subject.e].lo)) subject = null;
      // After a possessive the word is a noun: "Thursday's figures", "Saturday's show", "his claims".
      // A noun of speech with its topic keeps its owner as the speaker ("the president's claims about ...", "Trump's
      // view of NATO"), but not one that is a subject ("the candidate's call came after ...").
      if (subject && prev && !(CUE_NOUNS.has(t[i].lo) && /^(that|about|of|on|against|for)$/.test(t[i + 1]?.lo ?? '')) && (POSSESSIVE_DETERMINERS.has(prev.lo) || (/[’']s$/.test(prev.lo) && !CONTRACTED.test(prev.lo)))) subject = null;
      // "development projects", "medical claims", "some steep challenges": an -s form right after a lower-case
      // word that names no one is a plural noun.
      if (subject && subject.s === subject.e && subject.e === i - 1 && t[i].lo !== form.base && t[i].lo.endsWith('s') && !t[i - 1].cap && !isNumber(t[i - 1]) && !SPEAKER_PRONOUNS.has(t[i - 1].lo) && !PLURAL_NOUNS.has(t[i - 1].lo) && !speakerHead(t[i - 1].lo)) subject = null;
      // "Mr. Hale scrutinized reports like ...", "Ford studied claims that ...": an -s form right after a name and a
      // verb in the past tense is that verb's object, a plural noun; the name and the verb are no speaker.
      if (subject && subject.e === i - 1 && t[i].lo !== form.base && t[i].lo.endsWith('s') && endsInPastVerb(t, subject.s, subject.e)) subject = null;
      // An -s form read as a plural noun ("classic TV shows and films"), not a verb; so is one followed by a
      // verb of its own ("reports say", "claims were denied").
      if (subject && t[i].lo !== form.base && t[i].lo.endsWith('s') && (/^(and|or|with)$/.test(t[i + 1]?.lo ?? '') || verbAfterNoun(t[i + 1]))) subject = null;
      // ", called EB-5," names the noun before it; no one says it. ", told reporters": the phrase after a verb
      // that takes its listener first is the listener, never the speaker.
      if (!subject && prev && prev.t === ',' && form.kind === 'speech' && !NAMING_VERBS.has(form.base) && !LISTENER_FIRST.has(form.base)) {
        subject = subjectAfter(t, i, hi);
        inverted = !!subject;
      }
      // "..., it is through talking to others that they learn, thinks Mr Owen.": a verb of thought after a comma
      // with a name after it that ends the sentence is inverted too; the phrase before the comma is in the words.
      if (prev && prev.t === ',' && form.kind === 'thought' && t[i].lo !== form.base) {
        const after = subjectAfter(t, i, hi);
        if (after && t.slice(after.s, after.e + 1).some((x) => x.cap) && (after.e + 1 >= hi || CLAUSE_PUNCT.has(t[after.e + 1].t))) {
          subject = after;
          inverted = true;
        }
      }
      // A reporting verb in the tense of an earlier cue verb whose words it follows shares its speaker
      // ("defended the rules in the debate and mocked ..."), before a noun read as its speaker ("the rules").
      if (prev && prev.lo === 'and' && form.kind === 'speech') {
        const shared = found.filter((f) => f.participle === false && f.cueTok < i && t[i].a < f.quote[1] && verbTense(t[f.cueTok].lo) === verbTense(t[i].lo)).pop();
        if (shared) subject = shared.subject;
      }
      // "Trump smiled and said ...", "..., but called it a starting point": a second verb shares the sentence's speaker,
      // rather than a phrase the rules found across the "and" ("Obama positioned Clinton as the most qualified person
      // ever to run and said ...": not "person ever").
      if (prev && (prev.lo === 'and' || prev.lo === 'but') && form.kind === 'speech' && !inverted) subject = sentenceSpeaker(t, found, mentionOf, lo, i) ?? subject;
      // "... but has said ...": the same past auxiliaries.
      if (prev && AUX_ADVERBS.has(prev.lo) && form.kind === 'speech') {
        let v = i - 1;
        while (v > lo && AUX_ADVERBS.has(t[v].lo)) v--;
        // Not the listener of an earlier verb ("urged allies to ... but has said").
        if (t[v].lo === 'but' && t[v - 1]?.t !== ',') subject = sentenceSpeaker(t, found.filter((f) => f.subject.e < f.cueTok), mentionOf, lo, v) ?? subject;
      }
      // "press reports say", "if reports that ...": a noun-first form is a verb right after a named source, or before "that".
      if (subject && !inverted && NOUN_FIRST_FORMS.has(t[i].lo) && (subject.e !== i - 1 || (t[i + 1]?.lo !== 'that' && !namedSource(t, subject, lo)))) subject = null;
      if (controlled) subject = controlled;
      // "dealers polled by Reuters felt ...", "A Fiat spokesman contacted by Reuters said": the agent of a participle
      // that modifies the subject is no speaker; the phrase before the participle is.
      if (!inverted && (!subject || subject.e === i - 1 || AUX_ADVERBS.has(t[i - 1].lo))) subject = modifiedByAgent(t, i, lo) ?? subject;
      // "Some in the industry say": a quantifier's phrase of place or membership up to the cue is part of it.
      if (subject && !inverted && subject.s === subject.e && subject.e < i - 2 && QUANTIFIERS.has(t[subject.s].lo) && /^(in|of|among|within|at)$/.test(t[subject.e + 1].lo)) {
        let k = subject.e + 1;
        while (k < i && t[k].word && !AUX_ADVERBS.has(t[k].lo) && k - subject.e <= 5) k++;
        if (k === i || AUX_ADVERBS.has(t[k].lo)) subject = { s: subject.s, e: k - 1 };
      }
    }
    if (!subject) continue;
    // Where the reported clause is.
    let quote: Span | null = null;
    let after = true;
    if (inverted) {
      quote = clauseSpan(doc, lo, i - 1);
      after = false;
    } else {
      let cs = i + 1;
      let explicit = false;
      if (cs < hi && t[cs].t === ':') { cs++; explicit = true; }
      else if (REFUSAL_FORMS.has(t[i].lo) && t[cs]?.lo === 'to') explicit = true; // "declined to comment": the words, not a place
      else {
        // "said in a statement that ...": a phrase of place before "that"; not after a verb's own particle ("called for
        // closing the loopholes that benefit him": a relative clause inside the words).
        let that = -1;
        for (let k = cs; k < Math.min(hi, cs + 9); k++) {
          if (t[k].lo === 'that') { that = k; break; }
          if (!t[k].word || cueAt(t[k])) break;
        }
        if (that >= 0 && (that === cs || (PREPOSITIONS.has(t[cs].lo) && !PARTICLE_VERBS.has(`${form.base} ${t[cs].lo}`)) || (t[cs].lo === 'out' && that === cs + 1) || TIME_WORDS.has(t[cs].lo) || LISTENER_FIRST.has(form.base) || t[cs].cap || AUX_ADVERBS.has(t[cs].lo))) { cs = that; explicit = true; }
        else if (LISTENER_FIRST.has(form.base)) {
          const obj = objectPhrase(t, cs, hi);
          // "thanked the volunteers and said ...": with the speaker's next reporting verb after it, the object is all
          // there is.
          const nextVerb = nextReportingVerb(t, obj);
          if (obj > cs && !nextVerb) cs = obj;
        }
        if (cs < hi && (t[cs].t === ',' )) cs++;
        if (cs < hi && doc.quoteMark[cs]) explicit = true;
      }
      // "..., she said, adding that ...": what follows is the participle's words, not this verb's.
      const participleNext = cs < hi && t[cs - 1].t === ',' && t[cs].lo.endsWith('ing') && cueAt(t[cs])?.kind === 'speech';
      // "..., political analysts say; in 2012 ...": after a semicolon comes the writer's next clause.
      // "Sales were great, he said, wiping sweat off his face.": a participle of manner after the verb says nothing.
      const mannerNext = cs < hi && t[cs - 1].t === ',' && t[cs].lo.endsWith('ing') && !cueAt(t[cs]) && subject.s > lo && t[subject.s - 1].t === ',';
      const afterWords = participleNext || mannerNext || t[cs]?.t === ';' ? 0 : wordsIn(t, cs, hi);
      const beforeWords = wordsIn(t, lo, subject.s);
      // "..., federal officials said.": lower-case words before the speaker's noun belong to it.
      // So do they before a verb followed only by a phrase of time ("..., union leaders said Friday afternoon.").
      // (Or a phrase of time up to a comma and a clause of the writer's: "said Friday, as they bristled ...".)
      let timeEnd = cs;
      while (timeEnd < hi && t[timeEnd].t !== ',') timeEnd++;
      if (timeEnd + 1 >= hi || !/^(as|while|after|when|before)$/.test(t[timeEnd + 1].lo)) timeEnd = hi;
      const onlyTimeAfter = afterWords > 0 && wordsIn(t, cs, timeEnd) <= 4 && t.slice(cs, timeEnd).every((x) => !x.word || TIME_WORDS.has(x.lo) || /^(on|last|this|late|early|earlier|in|the)$/.test(x.lo)) && TIME_WORDS.has(t[cs].lo === 'on' || t[cs].lo === 'last' || t[cs].lo === 'this' ? t[cs + 1]?.lo ?? '' : t[cs].lo);
      if (afterWords === 0 || onlyTimeAfter) {
        let k = subject.s;
        while (k - 1 > lo && k > subject.s - 3 && t[k - 1].word && !t[k - 1].cap && !NOT_SPEAKER_END.has(t[k - 1].lo) && !cueAt(t[k - 1])) k--;
        if (k < subject.s && t[k - 1]?.t === ',') subject = { s: k, e: subject.e };
      }
      const cueEndsClause = subject.s > lo && (t[subject.s - 1].t === ',' || doc.quoteMark[subject.s - 1] === 1) && beforeWords >= 3;
      // "said at a news conference.": a phrase of time or place after the verb is not what was said.
      // So is one up to a comma before a participle: "Hollande said Tuesday in Paris, noting ...".
      let adjEnd = cs;
      while (adjEnd < hi && t[adjEnd].t !== ',') adjEnd++;
      // Or before a clause of the writer's: "said Friday afternoon, as they bristled at ...".
      const beforeParticiple = adjEnd + 1 < hi && ((t[adjEnd + 1].lo.endsWith('ing') && !!cueAt(t[adjEnd + 1])) || (cueEndsClause && /^(as|while|after|when|before)$/.test(t[adjEnd + 1].lo)));
      const particle = PARTICLE_VERBS.has(`${form.base} ${t[cs]?.lo ?? ''}`) || TOPIC_FORMS.has(t[i].lo); // "called for a ban": the words
      // "said this week", "said last month": a determiner before a word of time opens a phrase of time too; the
      // words, if any, follow it ("said this week the budget was balanced").
      let timeDeterminer = !explicit && /^(this|last|next|that)$/.test(t[cs]?.lo ?? '') && TIME_WORDS.has(t[cs + 1]?.lo ?? '');
      if (timeDeterminer && wordsIn(t, cs + 2, hi) >= 2 && t[cs + 2]?.word) { cs += 2; timeDeterminer = false; }
      // "said after the board sold ...": a clause of time with a subject of its own says when the words were said,
      // however long it is ("when", "because", "once" measured: train lost).
      const clauseOfTime = !explicit && form.base !== 'ask' && /^(after|before|while|since|until)$/.test(t[cs]?.lo ?? '') && !!t[cs + 1] && (SPEAKER_PRONOUNS.has(t[cs + 1].lo) || t[cs + 1].cap || DETERMINERS.has(t[cs + 1].lo));
      const adjunct = !explicit && !particle && (clauseOfTime || afterWords <= 7 || (beforeParticiple && wordsIn(t, cs, adjEnd) <= 7)) && (PREPOSITIONS.has(t[cs]?.lo ?? '') || TIME_WORDS.has(t[cs]?.lo ?? '') || timeDeterminer) && !determinerNotOfTime(t, cs) && form.kind === 'speech' && !LISTENER_FIRST.has(form.base);
      // "This is not about me, Obama told his closest aides on Monday.": after the words, a verb with a listener
      // and a few words of time or place says nothing more.
      const listenerAfterWords = !explicit && cueEndsClause && LISTENER_FIRST.has(form.base) && wordsIn(t, i + 1, hi) <= 6;
      // "It would take weeks, he said, and the fighting could ...": after a closing cue, ", and" goes on with the
      // writer's sentence; the words are before the speaker.
      const writerGoesOn = !explicit && cueEndsClause && cs === i + 2 && t[i + 1].t === ',' && /^(and|but)$/.test(t[cs]?.lo ?? '');
      // "75 percent said yes, but ...": a one-word answer is the words.
      if (!explicit && ANSWERS.has(t[cs]?.lo ?? '') && !t[cs + 1]?.word) quote = clauseSpan(doc, cs, cs + 1);
      else if (explicit && t[cs - 1]?.t === ':' && cs === i + 2 && cs >= hi) {
        // "The governor added:" closing its paragraph, the next one the words set as a block, without quotation marks.
        const block = blockQuote(doc, i, cs);
        if (block) {
          quote = clauseSpan(doc, block[0], block[1]);
          for (let k = block[0]; k < block[1]; k++) used[k] = 1; // these words, not new statements
        }
      } else if (!listenerAfterWords && !writerGoesOn && (explicit || (!adjunct && afterWords >= 3) || (!adjunct && !cueEndsClause && afterWords >= 2))) {
        let end = hi;
        // A colon with no quotation marks introduces the rest of the paragraph.
        if (t[cs - 1]?.t === ':' && !doc.quoteMark[cs]) {
          end = paragraphTokens(doc, doc.paragraphOf[i])[1];
          for (let k = hi; k < end; k++) used[k] = 1; // the next sentences are these words, not new statements
        }
        quote = clauseSpan(doc, cs, quotationEnd(doc, used, cs, end));
      } else if (cueEndsClause) {
        quote = clauseSpan(doc, lo, subject.s - 1);
        after = false;
      }
    }
    if (!quote) continue;
    // "agreed to reduce violence", "decided to expand": a decision, not words reported; but "wants to",
    // "sought to", "hopes to" report an aim, which PolNeAR counts as an attribution.
    if (DECISIONS.has(form.base) && decisionTo(t, doc.tokenAt(quote[0]), doc.tokenAt(quote[1]))) continue;
    // "Gunmen attacked the convoy", "slammed the door": force, not words.
    if (COMBATIVE_VERBS.has(form.base) && !saysWhatFor(doc, quote)) continue;
    const conf = form.kind === 'speech' ? 0.75 : 0.5;
    const front = after ? frontSubject(doc, lo, subject, i, doc.tokenAt(quote[0])) : -1;
    found.push({ quote, kind: 'indirect', mention: [subject.s, subject.e], cue: [i, i], confidence: conf, subject, after, cueTok: i, participle, front });
  }
  // (most ranges report nothing: then there is nothing to cut, nest or keep)
  if (!found.length) return [];
  // "called Ford's plan a disgrace and threatened a tax": an object ends where the speaker's next verb starts;
  // cut first, so that a cue after the "and" ("... and said ...") is a statement of its own, not nested.
  for (const f of found) {
    if (!f.after || f.participle === undefined) continue; // cue verbs only (the pass that sets participle)
    const a = doc.tokenAt(f.quote[0]);
    const b = doc.tokenAt(f.quote[1]);
    let cut = coordinatedVerb(doc, f.cueTok, a, b);
    if (cut < 0) cut = objectEnd(doc, f.cueTok, a, b);
    // Words after a colon are given whole ("said: Spoke with Ghani ..., but ...").
    const more = t[a - 1]?.t === ':' ? -1 : continuation(doc, f.cueTok, a, cut < 0 ? b : cut);
    if (more >= 0) cut = more;
    // "The mayor, citing the budget gap, said ...": a participle set off after the subject ends at the comma before
    // the subject's own verb.
    if (f.participle && t[f.cueTok - 1]?.t === ',') {
      const end = cut < 0 ? b : cut;
      for (let k = a + 1; k < end - 1; k++) {
        if (t[k].t !== ',' || doc.inQuote[k] >= 0) continue;
        let v = k + 1;
        while (v < end && AUX_ADVERBS.has(t[v].lo)) v++;
        const form = v < end ? cueAt(t[v]) : undefined;
        if (form && form.kind !== 'quote' && !t[v].cap && !t[v].lo.endsWith('ing')) { cut = k; break; }
      }
    }
    // "While his advisers have suggested X, Mr. Obama is ...": a cue in a clause that opens the sentence with a
    // subordinator; the words end at the comma that closes that clause, before the main clause's subject.
    const fronted = frontedClauseEnd(doc, f, lo, a, cut < 0 ? b : cut);
    if (fronted >= 0) cut = fronted;
    // "Mr. Obama, who understood that X, told his advisers ...": a cue in a relative clause set off by commas; the
    // words end at the comma before the main clause's verb.
    const relative = relativeClauseEnd(doc, f, a, cut < 0 ? b : cut);
    if (relative >= 0) cut = relative;
    if (cut < 0) continue;
    const span = clauseSpan(doc, a, cut);
    if (span) f.quote = span;
  }
  // One attribution per words: a cue inside another statement's reported clause is part of it.
  // Where a statement starts its own clause: its speaker, or the participle that shares an earlier speaker.
  const clauseStart = (f: (typeof found)[number]) => (f.participle ? f.cueTok : f.subject.s);
  const independent = (f: (typeof found)[number]) => {
    const b = clauseStart(f);
    const p = t[b - 1]?.lo ?? '';
    if (p === ',' && !f.participle && openedInside(f, b)) return false;
    return p === ',' || p === ';' || DASHES.has(p) || (/^(and|but)$/.test(p) && t[b - 2]?.t === ',') || /^(while|whereas|although|though)$/.test(p) || (p === 'as' && t[b - 2]?.lo === 'even');
  };
  // The comma before a speaker may be one of another statement's own clause, not the end of that clause: the
  // clause's subject in apposition ("reported that the paper's editor, Ann Lee, told staff ...") or the end of the
  // phrase the clause opens with ("noted that at his first meeting, in 1972, he supported ...").
  const openedInside = (f: (typeof found)[number], b: number) =>
    found.some((g) => {
      if (g === f || !g.after || g.cueTok >= f.cueTok || t[b].a < g.quote[0] || t[b].a >= g.quote[1]) return false;
      let a = doc.tokenAt(g.quote[0]);
      const that = t[a].lo === 'that';
      if (that) a++;
      for (let k = a; k < b; k++) if (CLAUSE_PUNCT.has(t[k].t) || DASHES.has(t[k].t) || t[k].t === ':' || doc.quoteMark[k] || (k > a && cueAt(t[k]))) return false;
      // An opening phrase after "that": a preposition or a subordinator first.
      if (that && (PREPOSITIONS.has(t[a].lo) || OPENING_SUBORDINATORS.has(t[a].lo)) && b - a <= 25) return true;
      // The subject in apposition: "<description>, <name>, <cue>", the description opening the clause.
      let v = f.subject.e + 1;
      if (t[v]?.t !== ',') return false;
      v++;
      while (v < f.cueTok && AUX_ADVERBS.has(t[v].lo)) v++;
      return v === f.cueTok && b - 1 - a >= 1 && b - 1 - a <= 10;
    });
  // "worried that if the state held up the deal, Patriot could threaten to ...": a verb after a modal is what
  // might be said, inside the other statement's words, though it opens a clause of its own.
  const hypothetical = (f: (typeof found)[number]) => {
    let k = f.cueTok - 1;
    while (k > 0 && /^(not|also|never|then|even|still)$/.test(t[k].lo)) k--;
    return /^(could|would|might|may|should|must)$/.test(t[k]?.lo ?? '');
  };
  const nested = (f: (typeof found)[number]) => {
    if (f.after && independent(f) && !hypothetical(f)) return false;
    const cueOffset = t[f.cueTok].a;
    // "Austin promised to consult allies, Stoltenberg added": the clause before a closing cue is all the closing speaker's.
    return found.some((g) => g !== f && !(!g.after && hypothetical(g)) && cueOffset >= g.quote[0] && cueOffset < g.quote[1] && (!g.after || !(t[g.cueTok].a >= f.quote[0] && t[g.cueTok].a < f.quote[1])));
  };
  // "contradicting the police's earlier claim that ...", "rejected the union's claim that ...": a noun of speech
  // its owner names, before "that", is the owner's statement inside the other one's words; both stand.
  const owned = (f: (typeof found)[number]) => {
    const k = f.cueTok;
    if (!CUE_NOUNS.has(t[k].lo) || t[k + 1]?.lo !== 'that' || f.subject.e >= k) return false;
    const o = t[k - 1] && !t[k - 1].cap && /(?:er|ly|ed|ous|al|ic|ive)$/.test(t[k - 1].lo) ? k - 2 : k - 1;
    return !!t[o] && (POSSESSIVE_DETERMINERS.has(t[o].lo) || (/[’']s?$/.test(t[o].t) && /[’']/.test(t[o].t) && !CONTRACTED.test(t[o].lo)));
  };
  // A clause before "X could threaten" is no closing cue's words.
  const inner = new Set(found.filter((f) => nested(f) || (!f.after && hypothetical(f))));
  const outer = found.filter((f) => !inner.has(f));
  // A clause reported after a cue ends where the next speaker's phrase begins ("X said A, but Y said B").
  for (let f = 0; f < outer.length; f++) {
    const cur = outer[f];
    if (!cur.after) continue;
    for (const next of outer.slice(f + 1)) {
      const ns = t[clauseStart(next)].a;
      if (ns > cur.quote[0] && ns < cur.quote[1]) {
        const s = doc.tokenAt(cur.quote[0]);
        let e = clauseStart(next);
        while (e > s && (!t[e - 1].word || /^(and|but|while|whereas|although|though|as|even)$/.test(t[e - 1].lo))) e--;
        const span = clauseSpan(doc, s, e);
        if (span) cur.quote = span;
        break;
      }
    }
  }
  const out: Candidate[] = [];
  for (const f of found) {
    if (inner.has(f) && !owned(f)) continue;
    // "The museum, he said, would ...": the subject before the cue set off by commas opens the words.
    if (f.front !== undefined && f.front >= 0 && t[f.front].a < f.quote[0]) f.quote = [t[f.front].a, f.quote[1]];
    const a = doc.tokenAt(f.quote[0]);
    // One word says little, unless it is an answer ("said yes").
    if (wordsIn(t, a, doc.tokenAt(f.quote[1])) < 2 && !ANSWERS.has(t[a].lo)) continue;
    const b = doc.tokenAt(f.quote[1]);
    let mixed = false;
    for (let k = a; k < b; k++) if (doc.quoteMark[k]) { mixed = true; break; }
    out.push({ quote: f.quote, kind: mixed ? 'mixed' : 'indirect', mention: f.mention, cue: f.cue, confidence: f.confidence });
  }
  return out;
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s", '’s']);

/**
 * '"Lee wrote:" ending a paragraph, the next paragraph her words set as a block without quotation marks: its tokens,
 * else null. Not a paragraph that opens with a quotation mark (the direct quotes' own) or markup ("<tweet ...>"), nor
 * one of fewer than four words.
 */
function blockQuote(doc: Doc, cue: number, cs: number): [number, number] | null {
  const p = doc.paragraphOf[cue];
  if (p < 0 || paragraphTokens(doc, p)[1] !== cs || p + 1 >= doc.article.paragraphs.length) return null;
  const [a, b] = paragraphTokens(doc, p + 1);
  if (a !== cs || b <= a || doc.quoteMark[a] || QUOTE_CHARS.has(doc.tokens[a].t) || doc.tokens[a].t === '<' || wordsIn(doc.tokens, a, b) < 4) return null;
  return [a, b];
}

/**
 * "The new museum, Mr. Obama said, would make visitors ...": a cue set off by commas inside the words, which go on
 * with a verb whose subject stands before the speaker. The token where the words start (the sentence's first word),
 * else -1. Only a short subject with no comma, quotation mark or cue of its own ("The plan, which ..., he said, is"
 * and "..., which, she said, is" stay as they are).
 */
function frontSubject(doc: Doc, lo: number, subject: Subject, cue: number, a: number): number {
  const t = doc.tokens;
  if (subject.s - 1 <= lo || t[subject.s - 1].t !== ',' || t[cue + 1]?.t !== ',' || a !== cue + 2 || !(FINITE_AUXILIARIES.has(t[a].lo) || t[a].lo === 'does' || t[a].lo === 'did')) return -1;
  let words = 0;
  for (let k = lo; k < subject.s - 1; k++) {
    if (!t[k].word || doc.quoteMark[k] || cueAt(t[k])) return -1;
    words++;
  }
  return words >= 1 && words <= 12 ? lo : -1;
}
/** Words between a judgement verb and its auxiliary: "is widely expected", "does not appear", "has seemed". */
const JUDGEMENT_AUX = new Set(['may', 'might', 'could', 'would', 'will', 'can', 'does', 'did', 'do', 'doesn’t', "doesn't", 'didn’t', "didn't", 'don’t', "don't", 'not', 'has', 'have', 'had', 'also', 'still', 'now', 'widely', 'generally', 'largely', 'increasingly', 'certainly', 'clearly']);
/** Where the subject of a judgement stops going back: a clause boundary or a reporting verb. */
const SUBJECT_STOP = new Set([';', ':', '(', ')', 'that', 'because', 'while', 'whereas', 'although', 'though', 'if', 'when', 'since', 'as', 'but', 'so', 'where', 'after', 'before', 'until', 'unless']);

/**
 * "Trump seemed to enjoy the fight", "Clinton is widely expected to win": the writer's judgement, a statement
 * without a speaker whose words are the subject and what follows the verb (PolNeAR's reading).
 */
function judgementAt(doc: Doc, i: number, lo: number, hi: number, shared?: (k: number) => Subject | null): { quote: Span; cueStart: number; subject: Subject; speaks: boolean } | null {
  const t = doc.tokens;
  const form = JUDGEMENT_FORMS.get(t[i].lo);
  if (!form || t[i].cap || i + 2 >= hi || t[i + 1].lo !== 'to') return null;
  const next = t[i + 2];
  // "appeared to the crowd", "appears to 2 percent": a place or a listener, not a verb.
  if (!next.word || next.cap || DETERMINERS.has(next.lo) || PREPOSITIONS.has(next.lo) || /^\p{N}/u.test(next.t)) return null;
  let c = i;
  while (c - 1 > lo && JUDGEMENT_AUX.has(t[c - 1].lo) && !doc.quoteMark[c - 1]) c--;
  if (form.afterBe) {
    let b = i - 1;
    while (b > lo && JUDGEMENT_AUX.has(t[b].lo)) b--;
    if (!BE_FORMS.has(t[b]?.lo ?? '')) return null;
    c = Math.min(c, b);
    while (c - 1 > lo && JUDGEMENT_AUX.has(t[c - 1].lo)) c--;
  }
  // The subject: back to the clause start, the last comma (past a relative clause), or a reporting verb.
  let s = c;
  while (s - 1 >= lo) {
    const p = t[s - 1];
    if (SUBJECT_STOP.has(p.lo) || DASHES.has(p.t) || doc.quoteMark[s - 1] || doc.inQuote[s - 1] >= 0 || cueAt(p)) break;
    if (p.t === ',' && !/^(who|which)$/.test(t[s]?.lo ?? '')) break;
    s--;
  }
  while (s < c && (LEADING_JUNK.has(t[s].lo) || t[s].t === ',' || /^(and|or)$/.test(t[s].lo))) s++;
  if (s >= c || wordsIn(t, s, c) > 12) return null;
  // "Trump appeared to suggest that ...": the subject speaks; what follows the reporting verb is the statement.
  let e = c - 1;
  let speaks = !!cueAt(next) && isSpeakerEnd(t[e]);
  // Not past "is expected to": what others expect of the subject is no word of theirs.
  if (cueAt(next) && !speaks && !form.afterBe) {
    const from = shared && /^(and|but)$/.test(t[c - 1].lo) ? shared(c - 1) : null;
    if (from) {
      // "Reyes agreed with the panel and seemed to think ...": the verbs share the clause's speaker.
      s = from.s;
      e = from.e;
      speaks = true;
    } else {
      // "Last week Ford in a televised interview appeared to blame ...": a phrase of time before the speaker and
      // one of place or occasion after it are no part of them.
      let a = s;
      if (/^(last|this|next|earlier|later)$/.test(t[a].lo) && TIME_WORDS.has(t[a + 1]?.lo ?? '')) a += 2;
      else while (a < c - 1 && TIME_WORDS.has(t[a].lo)) a++;
      const p = t.slice(a + 1, c).findIndex((x) => PREPOSITIONS.has(x.lo) && !/^(of|last|this|late|earlier)$/.test(x.lo));
      if (p >= 0 && t[a].cap && isSpeakerEnd(t[a + p]) && t.slice(a + p + 1, c).every((x) => x.word && !cueAt(x))) {
        s = a;
        e = a + p;
        speaks = true;
      }
    }
  }
  const from = speaks ? (t[i + 3]?.lo === 'that' ? i + 4 : i + 3) : s;
  const quote = clauseSpan(doc, from, hi);
  if (!quote || wordsIn(t, speaks ? from : i + 2, hi) < 2) return null;
  return { quote, cueStart: c, subject: { s, e }, speaks };
}

/** One-word answers that are words said ("75 percent said yes"). */
const ANSWERS = new Set(['yes', 'no']);
/** Pronouns that end a phrase but never head it ("those close to him"). */
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me']);
/** Words that show a clause of its own (a subject, an auxiliary): after them "and" may join that clause's verbs. */
const CLAUSAL = new Set(['that', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'has', 'have', 'had', 'may', 'might', 'should', 'must', 'do', 'does', 'did', 'if', 'whether', 'because', 'to']);
/** A word that shows the -s form before it to be a noun, the subject of this verb: "reports say", "claims were". */
/** "and said", "but added" at token k: the speaker's next reporting verb, where the words before it end. */
function nextReportingVerb(t: Token[], k: number): boolean {
  return /^(and|but)$/.test(t[k]?.lo ?? '') && !!cueAt(t[k + 1]) && !t[k + 1].cap;
}

function verbAfterNoun(w: Token | undefined): boolean {
  if (!w) return false;
  if (FINITE_AUXILIARIES.has(w.lo)) return true;
  const cue = cueAt(w);
  return !!cue && cue.kind !== 'quote' && w.lo !== cue.base + 's' && !w.lo.endsWith('ing') && !w.lo.endsWith('s');
}
/** The subject holds a name the text gives (a capital not opening the sentence) or is a pronoun: "the FT", "Uganda's New Vision newspaper", "she". */
function namedSource(t: Token[], subject: Subject, lo: number): boolean {
  if (subject.s === subject.e && SPEAKER_PRONOUNS.has(t[subject.s].lo)) return true;
  for (let k = Math.max(subject.s, lo + 1); k <= subject.e; k++) if (t[k].cap) return true;
  return false;
}

const AUXILIARIES = new Set(['has', 'have', 'had', 'is', 'was', 'will', 'would', 'also', 'then', 'later']);

/** The verb form of a cue that a coordinated verb shares: past, third person -s, or -ing. */
function verbTense(w: string): 'past' | 's' | 'ing' | null {
  if (w.endsWith('ing')) return 'ing';
  if (w.endsWith('ed') || IRREGULAR_PAST.has(w)) return 'past';
  if (w.endsWith('s') && !w.endsWith('ss')) return 's';
  return null;
}

/**
 * Where a reported object ends because "and" brings the speaker's next verb: "endorsed Trump last week and has
 * appeared ...", "called him a liar and said ...". Only when the words after the cue hold no clause of their
 * own (no subject, auxiliary or "that"), so "said the plan was late and cost more" is left whole. -1: no cut.
 */
function coordinatedVerb(doc: Doc, cue: number, a: number, b: number): number {
  const t = doc.tokens;
  if (a <= cue || a - cue > 2) return -1;
  const tense = verbTense(t[cue].lo);
  // "Critics call them X and describe ...": a bare present cue goes on with the bare form of another reporting verb
  // (a finite one, right after its plural subject: not "can challenge X, whose ... and has ...", "with one voice").
  const subjectEnd = t[cue - 1];
  const bare = !tense && CUE_FORMS.get(t[cue].lo)?.base === t[cue].lo && !!subjectEnd && subjectEnd.word
    && (subjectEnd.cap || /^(they|we|i|you)$/.test(subjectEnd.lo) || (subjectEnd.lo.endsWith('s') && !subjectEnd.lo.endsWith('ss')));
  if (!tense && !bare) return -1;
  for (let k = a; k < b - 1; k++) {
    const w = t[k];
    if (CLAUSAL.has(w.lo) || (k > a && verbTense(w.lo) === 'past' && !w.cap && (t[k - 1].cap || SPEAKER_PRONOUNS.has(t[k - 1].lo)))) return -1;
    if (!(w.lo === 'and' || w.lo === 'but') || doc.inQuote[k] >= 0 || k === a) continue;
    let v = k + 1;
    if (t[v].lo === 'also' && v + 1 < b) v++; // "praised X but also had to ...
    if (AUXILIARIES.has(t[v].lo) && v + 1 < b) {
      if (/^(has|have|had|is|was|will|would)$/.test(t[v].lo)) return k - (t[k - 1].t === ',' ? 1 : 0);
      v++;
    }
    const n = t[v];
    const sameForm = bare ? CUE_FORMS.get(n.lo)?.base === n.lo : verbTense(n.lo) === tense;
    if (n.word && !n.cap && sameForm && !DETERMINERS.has(n.lo) && !PREPOSITIONS.has(n.lo)) return k - (t[k - 1].t === ',' ? 1 : 0);
  }
  return -1;
}

/**
 * Words after a verb of force that make it a verb of speech: "slammed the bill as a giveaway", "hit Clinton
 * for her record", "attacked him over the leak", or a quotation ("blasted the 'reckless' plan").
 */
function saysWhatFor(doc: Doc, quote: Span): boolean {
  const t = doc.tokens;
  const a = doc.tokenAt(quote[0]);
  const b = doc.tokenAt(quote[1]);
  for (let k = a; k < b; k++) {
    if (doc.quoteMark[k]) return true;
    if (k === a || !(t[k].lo === 'as' || t[k].lo === 'for' || t[k].lo === 'over')) continue;
    // "for three hours", "over the weekend", "for a second night": a length of time.
    let timed = false;
    for (let n = k + 1; n < Math.min(b, k + 4) && t[n].word; n++) if (isNumber(t[n]) || TIME_WORDS.has(t[n].lo) || LENGTHS.test(t[n].lo)) timed = true;
    if (!timed && t[k + 1]?.word) return true;
  }
  return false;
}

/** Words of a length of time or a count after "for" or "over" ("for three hours", "for a second night"). */
const LENGTHS = /^(?:several|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|second|third|fourth|fifth|straight|consecutive|hours?|days?|nights?|weeks?|weekend|months?|years?|minutes?|time)$/;

/** Words that open a reported clause with a clause of their own before its subject ("said that if ..., he would"). */
const OPENING_SUBORDINATORS = new Set(['if', 'when', 'because', 'although', 'though', 'while', 'once', 'unless', 'as', 'since', 'after', 'before', 'until']);
/** Words that open a clause of time or reason after an object ("as", "while", "after" + a subject). */
const SUBORDINATORS = new Set(['as', 'while', 'after', 'when', 'because', 'since', 'before', 'until']);

/** "in an interview", "during a televised debate", "on his radio show": the occasion of the words at k. */
function venueAt(t: Token[], k: number, b: number): boolean {
  if (!/^(in|during|at|on)$/.test(t[k].lo)) return false;
  for (let n = k + 1; n < Math.min(b, k + 6) && t[n].word; n++) {
    if (VENUES.has(t[n].lo) || VENUES.has(t[n].lo.replace(/s$/, '')) || (n + 1 < b && VENUES.has(`${t[n].lo} ${t[n + 1].lo}`))) return true;
  }
  return false;
}

/** "endorsed Ted Cruz for president, calling him ...": an object verb's words end at the first comma. -1: no cut. */
function objectEnd(doc: Doc, cue: number, a: number, b: number): number {
  const t = doc.tokens;
  const form = CUE_FORMS.get(t[cue].lo);
  const asMuch = t[a]?.lo === 'as' && t[a + 1]?.lo === 'much'; // "said as much in an interview"
  if (!form || !(OBJECT_VERBS.has(form.base) || asMuch) || a <= cue || a - cue > 2) return -1;
  // "called the remarks on Saturday "a wake-up call"": a quotation after a phrase of time or place, before the next
  // comma, is still the words.
  const quotedLater = (k: number) => {
    for (let n = k + 1; n < b && t[n].t !== ',' && t[n].t !== ';' && !DASHES.has(t[n].t); n++) if (doc.quoteMark[n]) return true;
    return false;
  };
  let listed = false;
  for (let k = a; k < b; k++) {
    if (doc.inQuote[k] >= 0 || doc.quoteMark[k]) continue;
    if (k > a && venueAt(t, k, b) && !quotedLater(k)) return k;
    // "supported Democrats during his time on MSNBC", "offered advice to Clinton on Friday": when, not what.
    if (k > a && (t[k].lo === 'during' || (/^(on|last|this|earlier)$/.test(t[k].lo) && TIME_WORDS.has(t[k + 1]?.lo ?? ''))) && !quotedLater(k)) return k;
    // "condemned the launch as Pyongyang fired three missiles": a clause of the writer's after the object.
    if (k > a + 1 && SUBORDINATORS.has(t[k].lo) && (t[k + 1]?.cap || (SPEAKER_PRONOUNS.has(t[k + 1]?.lo ?? '') && t[k + 1].lo !== 'it'))) return k;
    // "rejected that argument": "that" before a plain noun is a determiner, not a clause.
    if (k === a && t[k].lo === 'that' && t[k + 1]?.word && !t[k + 1].cap && !DETERMINERS.has(t[k + 1].lo) && !SPEAKER_PRONOUNS.has(t[k + 1].lo) && !CLAUSAL.has(t[k + 1].lo)) continue;
    // "urged Congress to act" is a clause; "praised the proposals to benefit small businesses, which ..." a noun's.
    if (CLAUSAL.has(t[k].lo) && !(t[k].lo === 'to' && k > a + 1)) return -1;
    // "cited several factors, including ...": the list goes on with the object (not an apposition, ", a state
    // where ...": measured, train lost).
    if (t[k].t === ',' && k > a && t[k + 1]?.lo === 'including') continue;
    // "attacked GOP voters, lawmakers, and thinkers for ...": a comma inside a list of objects.
    if (t[k].t === ',' && k > a && (listGoesOn(t, a, k, b) || (listed && /^(and|or)$/.test(t[k + 1]?.lo ?? '')))) { listed = true; continue; }
    if ((t[k].t === ',' || t[k].t === ';' || DASHES.has(t[k].t)) && k > a) return wordsIn(t, a, k) >= 1 ? k : -1;
  }
  return -1;
}

/**
 * The comma at k goes on with a list of the object's items: ", Y, and Z" or ", Y and Z" (Y not opened by a
 * determiner, which makes an apposition: ", the bedrock of his business and ..."); not a relative clause, a
 * participle after a plain object, "and"/"but" straight after the comma, or "a"/"an" (", a state where ...").
 */
function listGoesOn(t: Token[], a: number, k: number, b: number): boolean {
  const n = t[k + 1];
  if (!n?.word || /^(and|or|but|who|which|whose|where|when|a|an|while|as|although|though|because|so|yet|saying|adding)$/.test(n.lo)) return false;
  if (n.lo.endsWith('ing') && !t[a].lo.endsWith('ing')) return false;
  const determiner = DETERMINERS.has(n.lo) || POSSESSIVE_DETERMINERS.has(n.lo);
  for (let j = k + 2; j < b && j - k <= 9; j++) {
    if (!t[j].word) {
      if (t[j].t === ',' && j > k + 1 && /^(and|or)$/.test(t[j + 1]?.lo ?? '')) return true;
      if (t[j].t !== '.' && t[j].t !== '’' && t[j].t !== "'") return false;
      continue;
    }
    if (/^(and|or)$/.test(t[j].lo)) return !determiner && t[j + 1]?.word === true;
    if (CLAUSAL.has(t[j].lo) || FINITE_AUXILIARIES.has(t[j].lo)) return false;
  }
  return false;
}

/** Subordinators that open a sentence with a clause before the main one: "While he invoked ..., he did not ...". */
const FRONT_SUBORDINATORS = new Set(['while', 'although', 'though', 'whereas', 'as', 'when', 'if', 'because', 'since', 'after', 'before', 'once', 'unless', 'until']);
/**
 * The comma that closes a subordinate clause opening the sentence ("While X said Y, Z ..."), when the cue's
 * subject is that clause's: the comma before the main clause's subject (a pronoun, a name or a determiner). -1: none.
 */
function frontedClauseEnd(doc: Doc, f: { subject: Subject; cueTok: number; participle?: boolean }, lo: number, a: number, b: number): number {
  const t = doc.tokens;
  let s = lo;
  while (s < f.subject.s && /^(but|and|yet|so|even)$/.test(t[s].lo)) s++;
  if (f.participle || !FRONT_SUBORDINATORS.has(t[s]?.lo ?? '') || f.subject.s <= s || f.subject.s - s > 8) return -1;
  for (let k = s + 1; k < f.cueTok; k++) if (!t[k].word && t[k].t !== '.' && t[k].t !== '’' && t[k].t !== "'") return -1;
  for (let k = a + 1; k < b - 1; k++) {
    if (doc.inQuote[k] >= 0 || doc.quoteMark[k] || t[k].t !== ',' || wordsIn(t, a, k) < 2) continue;
    const n = t[k + 1];
    if (SPEAKER_PRONOUNS.has(n.lo) || (n.cap && n.word) || /^(the|a|an|his|her|their|its|this|these|those|many|some|most)$/.test(n.lo)) return k;
  }
  return -1;
}

/**
 * The comma that closes a relative clause set off by commas around the cue (", who said X, told ..."): the one
 * before a lower-case finite verb, the main clause's. -1: none.
 */
function relativeClauseEnd(doc: Doc, f: { cueTok: number; participle?: boolean }, a: number, b: number): number {
  const t = doc.tokens;
  if (f.participle) return -1;
  let w = f.cueTok - 1;
  while (w > 0 && AUX_ADVERBS.has(t[w].lo)) w--;
  if (!/^(who|which)$/.test(t[w]?.lo ?? '') || t[w - 1]?.t !== ',') return -1;
  for (let k = a + 1; k < b - 1; k++) {
    if (doc.inQuote[k] >= 0 || doc.quoteMark[k] || t[k].t !== ',' || wordsIn(t, a, k) < 2) continue;
    let v = k + 1;
    while (v < b - 1 && /^(also|then|later|quickly|immediately|now|still|even|has|have|had)$/.test(t[v].lo)) v++;
    const n = t[v];
    if (n.word && !n.cap && (FINITE_AUXILIARIES.has(n.lo) || cueAt(n) || verbTense(n.lo) === 'past') && !n.lo.endsWith('ing')) return k;
  }
  return -1;
}

function modifierInPhrase(t: Token[], i: number, lo: number): boolean {
  let b = i - 1;
  while (b > lo && b >= i - 2 && t[b].word && /^\p{Ll}[\p{Ll}-]*$/u.test(t[b].t) && !cueAt(t[b]) && !DETERMINERS.has(t[b].lo) && !POSSESSIVE_DETERMINERS.has(t[b].lo) && !PREPOSITIONS.has(t[b].lo) && !AUX_ADVERBS.has(t[b].lo) && !/^(and|or|but|not|to)$/.test(t[b].lo)) b--;
  if (b === i - 1 || b < lo) return false;
  // Before the noun it modifies, which ends the phrase ("broadcasting interests and ..."); not before an object of its
  // own ("a policy paper welcoming the plans", "cases reporting different numbers").
  const noun = t[i + 1];
  const next = t[i + 2];
  if (!noun?.word || noun.cap || !/^\p{Ll}+$/u.test(noun.t) || DETERMINERS.has(noun.lo) || PREPOSITIONS.has(noun.lo) || POSSESSIVE_DETERMINERS.has(noun.lo) || /^(out|up|off|down|back|that|to|and|or|but|as)$/.test(noun.lo) || cueAt(noun)) return false;
  if (next && next.word && !/^(and|or|but|of|in|at|for|with|from|on)$/.test(next.lo)) return false;
  return DETERMINERS.has(t[b].lo) || POSSESSIVE_DETERMINERS.has(t[b].lo) || (/[’']s$/.test(t[b].t) && !CONTRACTED.test(t[b].lo));
}

/** Verbs that name what comes before them when set off after a comma (", called EB-5,"): never an inverted cue. */
const NAMING_VERBS = new Set(['call', 'name', 'dub', 'label', 'title', 'term', 'brand', 'nickname']);
/** Prepositions after which the bare form of an object verb is a noun: "support among", "support for", "backing from". */
const NOUN_PREPOSITIONS = new Set(['among', 'in', 'for', 'from', 'against', 'on', 'to', 'of', 'at', 'with', 'behind', 'within', 'across']);
/**
 * The bare form of a verb that takes a noun phrase as its words ("support", "back", "praise"), followed at once by
 * a preposition or punctuation: a noun ("45 percent support among ...", "lent support to ...", "support, ...").
 */
function bareObjectNoun(t: Token[], i: number, form: CueForm): boolean {
  if (t[i].lo !== form.base || !OBJECT_VERBS.has(form.base)) return false;
  const n = t[i + 1];
  if (!n) return false;
  if (n.word) return NOUN_PREPOSITIONS.has(n.lo) && !PARTICLE_VERBS.has(`${form.base} ${n.lo}`);
  return n.t === ',' || n.t === ':' || n.t === ')' || CLAUSE_PUNCT.has(n.t);
}

/** "thanks to", "thanks in part to", "thanks largely to": the preposition, "to" within three lower-case words. */
function thanksTo(t: Token[], i: number, hi: number): boolean {
  for (let k = i + 1; k < Math.min(hi, i + 5); k++) {
    if (t[k].lo === 'to') return true;
    if (!t[k].word || t[k].cap || !/^(in|part|large|largely|mostly|partly|chiefly|mainly|no|small|great|measure)$/.test(t[k].lo)) return false;
  }
  return false;
}

/** Words that own the noun after them: "his claims", "their report". */
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** "he's said", "it's claimed": a pronoun with "has" or "is", not a possessive. */
const CONTRACTED = /^(he|she|it|that|who|there|what|where|here|this|everyone|nobody|someone|one)[’']s$/;

/** "to reduce", or "in the February 2020 deal to reduce": a decision's "to", maybe after a phrase of place or time. */
function decisionTo(t: Token[], a: number, b: number): boolean {
  if (t[a]?.lo === 'to') return true;
  if (!PREPOSITIONS.has(t[a]?.lo ?? '')) return false;
  for (let k = a + 1; k < Math.min(b, a + 8); k++) {
    if (!t[k].word) return false;
    if (t[k].lo === 'to') return k + 1 < b && !t[k + 1].cap && !DETERMINERS.has(t[k + 1].lo);
  }
  return false;
}

/** Verbs that, before "to" and a verb, report a decision rather than words ("agreed to reduce violence"). */
const DECISIONS = new Set(['agree', 'decide', 'vote', 'offer', 'continue']);
/** Nouns that are plural without an -s: "police say", "people believe". */
const PLURAL_NOUNS = new Set(['people', 'police', 'staff', 'staffers', 'public', 'media', 'clergy', 'personnel', 'children', 'men', 'women', 'percent', 'majority', 'minority', 'half', 'third', 'quarter', 'youth', 'electorate', 'leadership', 'press', 'military', 'rest']);
/** Determiners that stand alone as a speaker: "some say", "many said". */
const QUANTIFIERS = new Set(['some', 'many', 'several', 'most', 'all', 'both', 'few', 'others']);
/** "said this is wrong": "this" opens the words unless a word of time follows ("said this week"). */
function determinerNotOfTime(t: Token[], cs: number): boolean {
  if (!/^(this|last|that|these|those)$/.test(t[cs]?.lo ?? '')) return false;
  const n = t[cs + 1];
  return !(n && (TIME_WORDS.has(n.lo) || /^(spring|summer|fall|autumn|winter|season|cycle|term|session)$/.test(n.lo)));
}
/** Verbs before "to" whose subject does what follows: "moved to emphasize", "tried to portray". */
const CATENATIVES = new Set(['moved', 'moves', 'moving', 'tried', 'tries', 'trying', 'attempted', 'attempts', 'attempting', 'rushed', 'hastened', 'proceeded', 'went', 'took', 'used', 'uses', 'sought', 'began', 'begun', 'started', 'continued']);
/**
 * The object of an object-control verb ending at k, before "to" ("forced Tom Reyes to", "got the minister, who
 * had denied it for weeks, to"): a name or a short phrase after the verb, past a clause between commas.
 */
function controlledObject(t: Token[], k: number, lo: number): Subject | null {
  let e = k;
  if (e > lo && t[e].t === ',') {
    let c = e - 1;
    while (c > lo && e - c < 25 && t[c].t !== ',') c--;
    if (t[c].t !== ',' || !/^(who|whom|which)$/.test(t[c + 1]?.lo ?? '')) return null;
    e = c - 1;
  }
  let s = e;
  while (s - 1 > lo && e - s < 5 && t[s - 1].word && !OBJECT_CONTROL_VERBS.has(t[s - 1].lo) && (t[s - 1].cap || DETERMINERS.has(t[s - 1].lo) || !cueAt(t[s - 1]))) s--;
  if (s - 1 < lo || !OBJECT_CONTROL_VERBS.has(t[s - 1].lo) || t[s - 1].cap) return null;
  if (!isSpeakerEnd(t[e]) || !plausibleSpeaker(t, s, e)) return null;
  // Someone who can speak: a name, a pronoun, or a noun for people ("got the chance to thank" is no one).
  if (!t.slice(s, e + 1).some((x) => x.cap) && !SPEAKER_PRONOUNS.has(t[e].lo) && !OBJECT_PRONOUNS.has(t[e].lo) && !speakerHead(t[e].lo)) return null;
  return { s, e };
}
/**
 * "dealers polled by Reuters", "A Fiat spokesman contacted by Reuters" before the cue at i: the phrase before the
 * participle, whose agent the capitalised name after "by" is; null for other phrases.
 */
function modifiedByAgent(t: Token[], i: number, lo: number): Subject | null {
  let e = i - 1;
  while (e > lo && AUX_ADVERBS.has(t[e].lo)) e--;
  let s = e;
  while (s - 1 > lo && t[s - 1].cap && t[s - 1].word) s--;
  // Not an owner before a noun ("The uproar caused by Mr Biden's comment").
  if (!t[e]?.cap || /[’']s?$/.test(t[e].t) || s - 3 < lo || t[s - 1].lo !== 'by') return null;
  const v = t[s - 2];
  if (v.cap || !(/[^e]ed$/.test(v.lo) || IRREGULAR_PAST.has(v.lo))) return null;
  const head = subjectBefore(t, s - 2, lo);
  return head && head.e === s - 3 && plausibleSpeaker(t, head.s, head.e) ? head : null;
}
/** Adjectives in "was quick to", "were eager to": their subject speaks. */
const READY = new Set(['quick', 'eager', 'careful', 'keen', 'swift', 'happy', 'first', 'willing', 'ready']);
/**
 * The main verb (or the adjective of "was quick") before the "to" at k+1 whose subject is the cue's speaker;
 * "went on to call", "went on CNN to declare", "used the comments to urge". -1: none.
 */
function catenativeVerb(t: Token[], k: number, lo: number): number {
  if (k < lo) return -1;
  if (READY.has(t[k].lo) && k - 1 >= lo && /^(was|were|is|are|been)$/.test(t[k - 1].lo)) return k;
  // up to four words between the verb and "to": "went on CNN", "used the comments"
  for (let v = k; v >= Math.max(lo, k - 4); v--) {
    if (!t[v].word) break;
    if (CATENATIVES.has(t[v].lo) && !t[v].cap) return v === k || t[v + 1].lo === 'on' || /^(used|uses|took)$/.test(t[v].lo) ? v : -1;
  }
  return -1;
}
/** Words after a comma that start a clause of the writer's own: "said X, but Y", "said X, while Y". */
const CONTRAST = new Set(['but', 'while', 'whereas', 'although', 'though', 'yet']);
/**
 * Where a reported clause stops because the sentence goes on with something else: ", but ...", ", while ...",
 * ", according to", "but insisted ...", "and criticized ..." (the speaker's next reporting verb in the cue's
 * tense, even after a clause of its own), "; they only learned ..." (a semicolon opening a clause with its own
 * subject). Dashes, ", adding ..." and semicolons in general were measured and lost: PolNeAR keeps what follows
 * them. -1: it runs to b.
 */
function continuation(doc: Doc, cue: number, a: number, b: number): number {
  const t = doc.tokens;
  const tense = verbTense(t[cue].lo);
  for (let k = a + 1; k < b - 1; k++) {
    // '... a ceasefire," according to the statement': the comma stands inside the closing mark.
    if (doc.quoteMark[k] && t[k - 1].t === ',' && t[k + 1].lo === 'according' && wordsIn(t, a, k) >= 2) return k + 1;
    // 'promised "jobs, jobs, jobs," but he has also ...': so does it before ", but" and a clause of the writer's (not
    // "but that ..." or a second quotation).
    if (doc.quoteMark[k] && t[k - 1].t === ',' && CONTRAST.has(t[k + 1].lo) && t[k + 2] && t[k + 2].lo !== 'that' && !doc.quoteMark[k + 2] && wordsIn(t, a, k) >= 2 && doc.quotes.some((q) => q.close === t[k].a)) return k + 1;
    if (doc.inQuote[k] >= 0 || doc.quoteMark[k]) continue;
    if (wordsIn(t, a, k) < 2) continue;
    const w = t[k];
    const n = t[k + 1];
    if (w.t === ',') {
      if (CONTRAST.has(n.lo) && t[k + 2]?.lo !== 'that') return k;
      if (n.lo === 'and' && t[k + 2] && cueAt(t[k + 2]) && !t[k + 2].lo.endsWith('ing')) return k;
      if (n.lo === 'according') return k;
    }
    // "... in the Biden administration, which is conducting a review ...": the writer's note on the last noun.
    if (w.t === ',' && n.lo === 'which' && FINITE_AUXILIARIES.has(t[k + 2]?.lo ?? '') && wordsIn(t, k + 2, b) >= 4) return k;
    // "..., as new US President Joe Biden weighs pulling out": a clause of the writer's about someone named.
    if (w.t === ',' && n.lo === 'as' && namedSubjectClause(t, k + 2, b)) return k;
    // "... would be more intense — and he noted that ...": a new speaker's verb after a comma or a dash.
    if ((w.t === ',' || DASHES.has(w.t)) && (n.lo === 'and' || n.lo === 'but') && newSpeakerVerb(t, k + 2, b)) return k;
    if (w.t === ';' && (SPEAKER_PRONOUNS.has(n.lo) || n.cap || DETERMINERS.has(n.lo))) return k;
    if (w.lo === 'but' && t[k - 1].t !== ',' && cueAt(n)) return k;
    // "... but has said she will ...", "but has also argued": the speaker's next reporting verb after auxiliaries.
    if (w.lo === 'but' && t[k - 1].t !== ',') {
      let v = k + 1;
      while (v < b && AUX_ADVERBS.has(t[v].lo)) v++;
      if (v > k + 1 && v < b && cueAt(t[v])?.kind === 'speech' && !t[v].lo.endsWith('ing')) return k;
    }
    // "Republicans said they were convinced ... and Democrats accused the GOP of ...": a named new speaker's verb.
    // Not names joined ("that Finland and Russia share a border"): the word before "and" ends a clause, the verb is
    // in the past.
    if (w.lo === 'and' && t[k - 1].t !== ',' && t[k - 1].word && !t[k - 1].cap && n.cap && !SPEAKER_PRONOUNS.has(n.lo) && newSpeakerVerb(t, k + 1, b)) {
      let v = k + 1;
      while (v < b && t[v].cap) v++;
      if (v < b && verbTense(t[v].lo) === 'past') return k;
    }
    // "said Trump was ignorant of Islam and criticized him": the speaker's next reporting verb, same tense.
    // After a participle's words a finite one is the sentence's own ("saying it was wrong and said ..."), whatever its tense.
    if (w.lo === 'and') {
      let v = k + 1;
      if (t[v].word && !t[v].cap && t[v].lo.endsWith('ly') && v + 1 < b) v++;
      const vt = verbTense(t[v].lo);
      if (cueAt(t[v]) && vt !== null && (vt === tense || (tense === 'ing' && !t[v].cap))) return k - (t[k - 1].t === ',' ? 1 : 0);
    }
    // "said Russia hacked the files and she accused ...": "and", a pronoun and a verb of speech open a clause of its
    // own; not pronouns joined ("that he and she agreed").
    if (w.lo === 'and' && t[k - 1].word && !SPEAKER_PRONOUNS.has(t[k - 1].lo) && /^(he|she|they|we|i)$/.test(n.lo) && newSpeakerVerb(t, k + 1, b)) return k;
  }
  return -1;
}

/** After the source of "according to" (at `k`), within an apposition or two, a comma and a verb go on with the sentence. */
function asideGoesOn(t: Token[], k: number, hi: number): boolean {
  for (let c = k; c < Math.min(hi - 2, k + 15); c++) {
    if (CLAUSE_PUNCT.has(t[c].t)) return false;
    if (t[c].t === ',' && FINITE_AUXILIARIES.has(t[c + 1].lo === 'not' ? t[c + 2].lo : t[c + 1].lo)) return true;
  }
  return false;
}

/** At `k`, within six words: a name (a capitalised word) and then a verb form (-s, -ed): "new US President Joe Biden weighs". */
function namedSubjectClause(t: Token[], k: number, b: number): boolean {
  for (let v = k; v < Math.min(b - 1, k + 6); v++) {
    if (!t[v].word) return false;
    if (t[v].cap && !t[v + 1].cap && t[v + 1].word && /(s|ed)$/.test(t[v + 1].lo) && !t[v + 1].lo.endsWith('ss')) return true;
  }
  return false;
}

/** At `k`: a pronoun or a name (up to three capitalised words), then a verb of speech ("he noted", "Ann Lee said"). */
function newSpeakerVerb(t: Token[], k: number, b: number): boolean {
  let v = k;
  if (SPEAKER_PRONOUNS.has(t[v]?.lo ?? '') && t[v].lo !== 'it') v++;
  else while (v < Math.min(b, k + 3) && t[v].cap) v++;
  if (v === k || v >= b) return false;
  const form = cueAt(t[v]);
  return !!form && form.kind === 'speech' && !t[v].lo.endsWith('ing');
}

/** "spoke of the legacy", "talked about reform": a verb of speech with its topic. */
function topicAt(t: Token[], i: number): CueForm | undefined {
  const form = TOPIC_FORMS.get(t[i].lo);
  return form && /^(about|of)$/.test(t[i + 1]?.lo ?? '') ? form : undefined;
}

/** "declined to comment": a refusal is a statement only before "to" and a verb. */
/**
 * "a banker who asked not to be identified", "an aide who declined to be named": a verb of asking or refusing at
 * token i before an infinitive in the passive asks how the speaker is to be treated; it reports no words.
 */
export function ownTreatmentAt(t: Token[], i: number): boolean {
  const form = CUE_FORMS.get(t[i]?.lo ?? '');
  const base = form?.base ?? (REFUSAL_FORMS.has(t[i]?.lo ?? '') ? (t[i].lo.startsWith('dec') ? 'decline' : 'refuse') : '');
  if (!OWN_TREATMENT_VERBS.has(base)) return false;
  let k = i + 1;
  if (t[k]?.lo === 'not') k++;
  if (t[k]?.lo !== 'to' || !/^(?:be|being)$/.test(t[k + 1]?.lo ?? '')) return false;
  const v = t[k + 2];
  // (Not "declined to be drawn on reports", "refused to be pinned down": a refusal to comment, words of a kind.)
  const after = t[k + 3];
  return !!v && v.word && !v.cap && (v.lo.endsWith('ed') || IRREGULAR_VERB_FORMS.has(v.lo)) && (!after || !after.word || /^(?:as|only|by|because|and|but)$/.test(after.lo) || !!cueAt(after));
}

function refusalAt(t: Token[], i: number, hi: number): CueForm | undefined {
  const w = t[i];
  if (!w.word || w.cap || !REFUSAL_FORMS.has(w.lo) || i + 2 >= hi || t[i + 1].lo !== 'to') return undefined;
  const v = t[i + 2];
  // "reserves declined to 7.9 mln barrels": a number after "to" is where a quantity went, no refusal.
  if (!v.word || v.cap || DETERMINERS.has(v.lo) || !/^\p{L}/u.test(v.t)) return undefined;
  return { base: w.lo.startsWith('dec') ? 'decline' : 'refuse', kind: 'speech' };
}

/**
 * A quotation opened in a reported clause that runs on past the sentence ends the clause with it: told the crowd
 * that "our nation is in trouble. Why sit there?" Unless a direct quote took it. Its tokens are then used.
 */
function quotationEnd(doc: Doc, used: Uint8Array, a: number, b: number): number {
  for (let k = a; k < b; k++) {
    if (!doc.quoteMark[k]) continue;
    const q = doc.quotes[doc.inQuote[k + 1] ?? -1];
    if (!q || q.open !== doc.tokens[k].a) continue;
    const closeTok = doc.tokenAt(q.close);
    if (closeTok < b) continue;
    if (used[k] || closeTok - b > 200) return b;
    // A quotation never closed runs to its paragraph's end, which may be the text's: no token past the last.
    const end = Math.min(closeTok + 1, doc.tokens.length);
    for (let m = b; m < end; m++) used[m] = 1;
    return end;
  }
  return b;
}

export const QUESTION_WORDS = new Set(['if', 'whether', 'what', 'why', 'how', 'who', 'whom', 'whose', 'when', 'where', 'which', 'about']);
/** Documents and surveys that speak when a sentence opens "In a ... poll, ...". */
const SOURCE_DOCUMENTS = new Set(['poll', 'survey', 'study', 'report', 'analysis', 'interview', 'statement', 'memo', 'letter', 'op-ed', 'editorial', 'column', 'book', 'tweet', 'post', 'speech', 'filing', 'lawsuit', 'complaint', 'ruling', 'opinion', 'email', 'e-mail', 'video', 'ad', 'advertisement', 'document', 'documents', 'testimony', 'transcript']);


/** The speaker a participle or a second verb shares: an earlier cue's, a direct quote's, or the sentence's subject. */
function sentenceSpeaker(t: Token[], found: Array<{ cueTok: number; subject: Subject }>, mentionOf: Int32Array, lo: number, i: number): Subject | null {
  // "Dunne attacked Voss for her support of the war, saying ...": a verb's speaker, before the owner of a noun of
  // speech in its object.
  const before = found.filter((f) => f.cueTok < i);
  const owned = (k: number) => k > 0 && (POSSESSIVE_DETERMINERS.has(t[k - 1].lo) || (/[’']s$/.test(t[k - 1].lo) && !CONTRACTED.test(t[k - 1].lo)));
  const earlier = before.filter((f) => !owned(f.cueTok)).pop() ?? before.pop();
  if (earlier) return earlier.subject;
  for (let k = i - 1; k >= lo; k--) if (mentionOf[k] > 0) return { s: mentionOf[k] - 1, e: k };
  const first = t[lo];
  if (first && (first.cap || SPEAKER_PRONOUNS.has(first.lo))) {
    let e = lo;
    while (e + 1 < i && t[e + 1].cap) e++;
    // "Finnair chief Gunnar Korhonen ...", "Lib Dem chairman Matthew Taylor ...": an office in lower case between
    // two capitalised runs joins them into one phrase, the person's.
    let f = e + 1;
    while (f < i && t[f].word && !t[f].cap && TITLE_WORDS.has(t[f].lo)) f++;
    if (f > e + 1 && f < i && t[f].cap) {
      e = f;
      while (e + 1 < i && t[e + 1].cap) e++;
    }
    if (isSpeakerEnd(t[e])) {
      // "Shortly after, Rubio said ...", "WASHINGTON — Clinton ...": an opening adverb or dateline is no speaker;
      // the capitalised phrase after its comma or dash is.
      const dateline = e === lo && t[lo].t.length > 2 && t[lo].t === t[lo].t.toUpperCase();
      if (dateline || !plausibleSpeaker(t, lo, e)) return afterOpening(t, lo, i) ?? { s: lo, e };
      return { s: lo, e };
    }
  }
  // "In an interview with CNN, Trump continued ..., saying": the subject after an opening phrase.
  if (first && PREPOSITIONS.has(first.lo)) return afterOpening(t, lo, i);
  // "The nurse later sued, claiming ...": a determiner and its nouns.
  if (first && /^(the|a|an)$/.test(first.lo)) {
    let e = lo + 1;
    while (e + 1 < i && e - lo < 5 && t[e + 1].word && !NOT_SPEAKER_END.has(t[e + 1].lo) && !AUX_ADVERBS.has(t[e + 1].lo) && !/(ed|ly)$/.test(t[e + 1].lo) && !cueAt(t[e + 1]) && !IRREGULAR_PAST.has(t[e + 1].lo)) e++;
    if (e < i && isSpeakerEnd(t[e]) && !/(ed|ly)$/.test(t[e].lo)) return { s: lo, e };
  }
  return null;
}

/**
 * The capitalised phrase or pronoun right after the comma or dash that ends a sentence's opening phrase, before
 * the cue at i. The opening phrase may hold commas of its own ("Following a swiftly called, late-afternoon
 * meeting, the Security Council issued ..."): a lower-case word after a comma goes on with it, and a determiner
 * before a capitalised name opens the subject.
 */
function afterOpening(t: Token[], lo: number, i: number): Subject | null {
  // Only an opening preposition's phrase goes on past a comma ("Following a ..., late-afternoon meeting, ..."),
  // or an adverb between commas.
  const prepositional = PREPOSITIONS.has(t[lo].lo);
  for (let k = lo + 1; k < i; k++) {
    if (t[k].t !== ',' && !DASHES.has(t[k].t)) continue;
    // A hyphen inside a word ("U.S.-German") ends nothing.
    if (t[k].t !== ',' && t[k - 1].b === t[k].a && t[k + 1]?.a === t[k].b) continue;
    let s = k + 1;
    if (s >= i) return null;
    if (SPEAKER_PRONOUNS.has(t[s].lo) && t[s].lo !== 'which' && t[s].lo !== 'who') return { s, e: s };
    const determiner = t[s].lo === 'the' && s + 1 < i && t[s + 1].cap;
    if (!t[s].cap && !determiner) {
      if (prepositional && t[s].word && !DETERMINERS.has(t[s].lo) && !PREPOSITIONS.has(t[s].lo)) continue;
      // "Recently, however, it issued ...": an adverb set off by commas.
      if ((LEADING_JUNK.has(t[s].lo) || /ly$/.test(t[s].lo)) && t[s + 1]?.t === ',') continue;
      return null;
    }
    let e = s + (determiner ? 1 : 0);
    while (e + 1 < i && t[e + 1].cap) e++;
    if (determiner) s++;
    return isSpeakerEnd(t[e]) && plausibleSpeaker(t, s, e) ? { s: determiner ? s - 1 : s, e } : null;
  }
  return null;
}

/** "Asked by Matt Lauer whether ...", "asked by a host if ...": the one who put the question, or null. */
function askedBy(t: Token[], i: number, q: number): [number, number] | null {
  if (t[i + 1]?.lo !== 'by' || i + 2 >= q) return null;
  let e = i + 2;
  if (DETERMINERS.has(t[e].lo)) while (e + 1 < q && t[e + 1].word && !PREPOSITIONS.has(t[e + 1].lo) && !TIME_WORDS.has(t[e + 1].lo)) e++;
  else if (t[e].cap) while (e + 1 < q && t[e + 1].cap && !TIME_WORDS.has(t[e + 1].lo)) e++;
  else return null;
  return [i + 2, e];
}

/** A question asked ends at the comma that returns to the main clause ("When asked whether ..., Trump said"). */
export function questionEnd(t: Token[], q: number, hi: number): number {
  for (let k = q + 1; k < hi; k++) if (t[k].t === ',' || t[k].t === ';') return k;
  return hi;
}

/** End of the listener phrase after "told" ("told reporters", "told the BBC on Monday"). */
export function objectPhrase(t: Token[], k: number, hi: number): number {
  const s = k;
  while (k < hi && k - s < 6 && t[k].word && t[k].lo !== 'that' && t[k].lo !== 'to' && !(k > s && CUE_FORMS.has(t[k].lo))) {
    if (k > s && !t[k].cap && !DETERMINERS.has(t[k - 1].lo) && !t[k - 1].cap && !PREPOSITIONS.has(t[k].lo) && !TIME_WORDS.has(t[k].lo)) break;
    if (k > s && SPEAKER_PRONOUNS.has(t[k].lo)) break; // "told POLITICO she was ...": the clause's subject
    k++;
  }
  if (k < hi && t[k].lo === 'that') k++;
  return k;
}
