/** CoNLL-U fixtures shared by the nlp tests (written for them; no corpus text). */
const row = (...cols: (string | number)[]) => cols.join('\t');

/** Two invented sentences: comments, a multiword token (3-4), an empty node (5.1), MISC items. */
export const GOLD = [
  '# newdoc id = fixture-1',
  '# sent_id = fx-1',
  "# text = Maria Lopez didn't visit Oslo.",
  row(1, 'Maria', 'Maria', 'PROPN', 'NNP', 'Number=Sing', 5, 'nsubj', '5:nsubj', 'Entity=(p1-person'),
  row(2, 'Lopez', 'Lopez', 'PROPN', 'NNP', 'Number=Sing', 1, 'flat', '1:flat', 'Entity=p1)'),
  row('3-4', "didn't", '_', '_', '_', '_', '_', '_', '_', '_'),
  row(3, 'did', 'do', 'AUX', 'VBD', 'Mood=Ind', 5, 'aux', '5:aux', '_'),
  row(4, "n't", 'not', 'PART', 'RB', '_', 5, 'advmod', '5:advmod', '_'),
  row(5, 'visit', 'visit', 'VERB', 'VB', 'VerbForm=Inf', 0, 'root', '0:root', '_'),
  row(6, 'Oslo', 'Oslo', 'PROPN', 'NNP', 'Number=Sing', 5, 'obj', '5:obj', 'Entity=(p2-place)|SpaceAfter=No'),
  row(7, '.', '.', 'PUNCT', '.', '_', 5, 'punct', '5:punct', '_'),
  '',
  '# sent_id = fx-2',
  '# text = Tom ate apples and Ann pears.',
  row(1, 'Tom', 'Tom', 'PROPN', 'NNP', '_', 2, 'nsubj', '2:nsubj', '_'),
  row(2, 'ate', 'eat', 'VERB', 'VBD', '_', 0, 'root', '0:root', '_'),
  row(3, 'apples', 'apple', 'NOUN', 'NNS', '_', 2, 'obj', '2:obj', '_'),
  row(4, 'and', 'and', 'CCONJ', 'CC', '_', 5, 'cc', '5:cc', '_'),
  row(5, 'Ann', 'Ann', 'PROPN', 'NNP', '_', 2, 'conj', '2:conj|5.1:nsubj', '_'),
  row('5.1', 'ate', 'eat', 'VERB', 'VBD', '_', '_', '_', '2:conj', 'CopyOf=2'),
  row(6, 'pears', 'pear', 'NOUN', 'NNS', '_', 5, 'orphan', '5.1:obj', 'SpaceAfter=No'),
  row(7, '.', '.', 'PUNCT', '.', '_', 2, 'punct', '2:punct', '_'),
  '',
  '',
].join('\n');
