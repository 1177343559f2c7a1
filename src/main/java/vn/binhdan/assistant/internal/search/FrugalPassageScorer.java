package vn.binhdan.assistant.internal.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score, to the same float, without its garbage. {@link PassageScorer#score}
 * counts a passage's distinct terms in a new {@code BytesRefHash}, whose first block alone is
 * 32 KB; the highlighter scores every sentence of a lesson that has a word of the question, so a
 * search of the busy hour allocated about 16 MB, nearly all of it here, and the collections that
 * followed were the tail of the search latency (profile in bench/README.md, "Search tail"). A
 * passage holds a handful of matches, so a pass over the earlier ones finds a repeated term at no
 * cost; terms are counted in the order of their first match, as the hash numbered them, so the sum
 * is taken in the same order and comes out the same.
 */
final class FrugalPassageScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        // per distinct term, in the order first seen: its index among the matches, how often in the passage
        int[] first = new int[matches];
        int[] inPassage = new int[matches];
        int distinct = 0;
        for (int i = 0; i < matches; i++) {
            int t = 0;
            while (t < distinct && !terms[first[t]].equals(terms[i])) {
                t++;
            }
            if (t == distinct) {
                first[distinct++] = i;
            }
            inPassage[t]++;
        }
        double score = 0;
        for (int t = 0; t < distinct; t++) {
            score += tf(inPassage[t], passage.getLength()) * weight(contentLength, freqsInDoc[first[t]]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
