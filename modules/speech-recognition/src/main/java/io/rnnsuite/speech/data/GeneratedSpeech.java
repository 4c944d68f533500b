package io.rnnsuite.speech.data;

import io.rnnsuite.common.Checksums;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * What the two speech generators ({@link EspeakGenerator}, {@link FreettsGenerator}) share: the
 * plan of what to say, the utterances it gives (the same texts for the same seed, whoever speaks
 * them), and the cache directory, written into a temporary directory with {@code manifest.tsv}
 * (split, voice, file, text) last and renamed into place in one move, so an interrupted generation
 * leaves nothing that looks complete.
 */
public final class GeneratedSpeech {

    /** The manifest's name in a generated directory. */
    public static final String MANIFEST = "manifest.tsv";
    /** The splits, in manifest order. */
    static final List<String> SPLITS = List.of("train", "validation", "test");

    /**
     * What to generate.
     *
     * @param dataset          {@code spoken-digits} or {@code digit-strings}
     * @param words            isolated: the words each voice says; connected: unused
     * @param trainVoices      distinct training voices
     * @param validationVoices distinct validation voices (training timbres, other combinations)
     * @param testVoices       distinct test voices (timbres no training voice has)
     * @param perVoice         isolated: times each voice says each word; connected: digit strings per voice
     * @param maxDigits        connected: strings have 1 … maxDigits digits
     * @param seed             chooses voices and digit strings
     */
    public record Plan(String dataset, List<String> words, int trainVoices, int validationVoices, int testVoices,
                       int perVoice, int maxDigits, long seed) {

        /** A short key naming this plan and the generator (with its version) in the cache. */
        String key(String generatorVersion) {
            return Checksums.sha256((this + "|" + generatorVersion).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        }
    }

    /** One line of the manifest. */
    public record Entry(String split, String voice, String file, String text) {
    }

    private GeneratedSpeech() {
    }

    /**
     * Every utterance of {@code plan}: for each split, voice (named by {@code voices}, one list per
     * split) and repetition, each word (isolated) or one seeded digit string (connected).
     */
    static List<Entry> entries(Plan plan, List<List<String>> voices) {
        Random strings = new Random(plan.seed() * 104729 + 3);
        List<Entry> entries = new ArrayList<>();
        for (int s = 0; s < SPLITS.size(); s++) {
            for (int v = 0; v < voices.get(s).size(); v++) {
                String voice = voices.get(s).get(v);
                for (int i = 0; i < plan.perVoice(); i++) {
                    List<String> texts = plan.words().isEmpty() ? List.of(digitString(strings, plan.maxDigits())) : plan.words();
                    for (String text : texts) {
                        String file = String.format("%s/v%02d-%03d-%s.wav", SPLITS.get(s), v, entries.size(), text.replace(' ', '_'));
                        entries.add(new Entry(SPLITS.get(s), voice, file, text));
                    }
                }
            }
        }
        return entries;
    }

    /**
     * The directory {@code cacheRoot/name} holding {@code entries}, generated unless it is complete
     * already: {@code speak} writes each entry's WAV file (to the path it is given; called in parallel).
     */
    static Path write(Path cacheRoot, String name, List<Entry> entries, BiConsumer<Entry, Path> speak) {
        Path dir = cacheRoot.resolve(name);
        if (Files.isRegularFile(dir.resolve(MANIFEST))) {
            return dir;
        }
        try {
            Files.createDirectories(cacheRoot);
            Path tmp = Files.createTempDirectory(cacheRoot, "." + name + "-");
            try {
                entries.parallelStream().forEach(e -> {
                    Path out = tmp.resolve(e.file());
                    try {
                        Files.createDirectories(out.getParent());
                    } catch (IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                    speak.accept(e, out);
                });
                StringBuilder manifest = new StringBuilder();
                for (Entry e : entries) {
                    manifest.append(e.split()).append('\t').append(e.voice()).append('\t').append(e.file()).append('\t')
                            .append(e.text()).append('\n');
                }
                AtomicFiles.writeString(tmp.resolve(MANIFEST), manifest.toString());
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UserInputException("cannot write the generated speech under " + cacheRoot + " (" + e.getMessage()
                    + "); choose another --data-dir");
        }
        return dir;
    }

    /** A random string of 1 … max digit words. */
    static String digitString(Random random, int max) {
        int length = 1 + random.nextInt(max);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(i == 0 ? "" : " ").append(DigitWords.WORDS.get(random.nextInt(10)));
        }
        return sb.toString();
    }

    /** The manifest of a generated directory. */
    public static List<Entry> manifest(Path dir) {
        try {
            List<Entry> out = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 4) {
                    out.add(new Entry(f[0], f[1], f[2], f[3]));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UserInputException("cannot read " + dir.resolve(MANIFEST) + " (" + e.getMessage() + ")");
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
