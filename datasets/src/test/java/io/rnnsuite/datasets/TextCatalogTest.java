package io.rnnsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TextCatalogTest {

    private static Map<String, Long> counts(List<LabelledText> texts) {
        return texts.stream().collect(Collectors.groupingBy(LabelledText::label, TreeMap::new, Collectors.counting()));
    }

    @Test
    void wordNetTopicsHasTheDocumentedCountsPerClass() {
        List<LabelledText> texts = TextCatalog.load(TextCatalog.WORDNET_TOPICS, false);
        assertEquals(44_017, texts.size());
        assertEquals(Map.of("animal", 7_510L, "artifact", 11_605L, "food", 2_575L, "location", 3_222L,
                "person", 11_073L, "plant", 8_032L), counts(texts));
        assertTrue(texts.stream().noneMatch(t -> t.text().isBlank()));
    }

    @Test
    void glossSentimentHasTheDocumentedCounts() {
        List<LabelledText> texts = TextCatalog.load(TextCatalog.GLOSS_SENTIMENT, true);
        assertEquals(Map.of("positive", 2_759L, "negative", 4_746L), counts(texts));
    }

    @Test
    void usageExamplesAreDroppedUnlessKept() {
        String gloss = "a member of the genus Canis; \"the dog barked all night\"";
        assertEquals("a member of the genus Canis", Glosses.clean(gloss, false));
        assertEquals(gloss, Glosses.clean(gloss, true));
        assertEquals("one; two", Glosses.clean("one; two", false));
        List<LabelledText> kept = TextCatalog.load(TextCatalog.WORDNET_TOPICS, true);
        long withQuotes = kept.stream().filter(t -> t.text().contains("\"")).count();
        assertTrue(withQuotes > 1000, "expected many glosses with examples, got " + withQuotes);
    }

    @Test
    void bothCorporaAreRegisteredWithChecksums() {
        Map<String, DatasetInfo> byName = DatasetRegistry.ofKind(DatasetKind.TEXT_CLASSIFICATION).stream()
                .collect(Collectors.toMap(DatasetInfo::name, Function.identity()));
        assertEquals(2, byName.size());
        byName.values().forEach(info -> assertEquals(64, info.sha256().length()));
    }
}
