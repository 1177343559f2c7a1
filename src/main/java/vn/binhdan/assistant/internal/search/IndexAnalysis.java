package vn.binhdan.assistant.internal.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * One analysis for the index, the questions and the synonym list, so that "lam sao cai vneid",
 * "Làm sao cài VNeID" and a wrongly accented "lám sao" all meet on the same folded syllables.
 */
public final class IndexAnalysis {

    private IndexAnalysis() {
    }

    /** ICU segmentation (Vietnamese syllables are space-separated, so each syllable is a token), then folding. */
    public static Analyzer analyzer() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        // đ is a letter of its own in Unicode, not d with a mark: folding alone may keep it
        map.add("đ", "d");
        map.add("Đ", "D");
        NormalizeCharMap dStroke = map.build();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new ICUTokenizer();
                TokenStream stream = new ICUFoldingFilter(tokenizer);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(dStroke, reader);
            }

            @Override
            protected Reader initReaderForNormalization(String fieldName, Reader reader) {
                return new MappingCharFilter(dStroke, reader);
            }
        };
    }

    /** The same syllables with their diacritics kept (case folded only): "nấu" stays apart from "nâu". */
    public static Analyzer exactAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new ICUTokenizer();
                return new TokenStreamComponents(tokenizer, new ICUNormalizer2Filter(tokenizer));
            }
        };
    }

    /** The folded tokens of a text, in order. */
    public static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
