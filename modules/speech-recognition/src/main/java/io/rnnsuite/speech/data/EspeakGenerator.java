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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Generates the synthetic corpora with Debian's {@code espeak-ng} into a cache directory, once per
 * set of parameters: one WAV per voice and item, and a {@code manifest.tsv} (split, voice, file,
 * text) written last, so an interrupted generation leaves nothing that looks complete. Voices are
 * drawn from the seed; test voices use variants (timbres) that no training voice uses.
 */
public final class EspeakGenerator {

    /** espeak-ng accents used for every split. */
    public static final List<String> ACCENTS = List.of("en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp",
            "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-029");
    /** Variants of training and validation voices. */
    public static final List<String> TRAIN_VARIANTS = List.of("m1", "m2", "m3", "m4", "m6", "f1", "f2", "f3", "klatt", "klatt3");
    /** Variants of test voices only: no training voice has these timbres. */
    public static final List<String> TEST_VARIANTS = List.of("m5", "m7", "f4", "klatt2");
    /** The manifest's name in a generated directory. */
    public static final String MANIFEST = "manifest.tsv";

    private static volatile Optional<String> version;

    /**
     * What to generate.
     *
     * @param dataset          {@code spoken-digits} or {@code digit-strings}
     * @param words            isolated: the words each voice says; connected: unused
     * @param trainVoices      distinct training voices
     * @param validationVoices distinct validation voices (training variants, other combinations)
     * @param testVoices       distinct test voices (test-only variants)
     * @param perVoice         isolated: times each voice says each word; connected: digit strings per voice
     * @param maxDigits        connected: strings have 1 … maxDigits digits
     * @param seed             chooses voices and digit strings
     */
    public record Plan(String dataset, List<String> words, int trainVoices, int validationVoices, int testVoices,
                       int perVoice, int maxDigits, long seed) {

        /** A short key naming this plan and generator version in the cache. */
        String key(String generatorVersion) {
            return Checksums.sha256((this + "|" + generatorVersion).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        }
    }

    /** One line of the manifest. */
    public record Entry(String split, String voice, String file, String text) {
    }

    private EspeakGenerator() {
    }

    /** The installed espeak-ng's version line, or empty when it is not installed. */
    public static Optional<String> version() {
        if (version == null) {
            try {
                Process p = new ProcessBuilder("espeak-ng", "--version").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                boolean done = p.waitFor(20, TimeUnit.SECONDS);
                version = Optional.ofNullable(done && p.exitValue() == 0 && !out.isEmpty()
                        ? out.lines().findFirst().orElse(out).replaceAll("\\s+Data at:.*", "") : null);
            } catch (IOException e) {
                version = Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                version = Optional.empty();
            }
        }
        return version;
    }

    /** The one line saying espeak-ng is missing and what to do instead. */
    public static String missingMessage(String dataset) {
        return "the generated dataset '" + dataset + "' needs espeak-ng, which is not installed (Debian/Ubuntu: "
                + "apt-get install espeak-ng); or train on your own recordings with --wav-dir DIR or --transcripts FILE";
    }

    /** The voices of each split, from the seed. */
    public static List<List<Voice>> voices(Plan plan) {
        Random random = new Random(plan.seed() * 7919 + 17);
        Set<Voice> used = new LinkedHashSet<>();
        List<Voice> train = draw(plan.trainVoices(), TRAIN_VARIANTS, random, used);
        List<Voice> validation = draw(plan.validationVoices(), TRAIN_VARIANTS, random, used);
        List<Voice> test = draw(plan.testVoices(), TEST_VARIANTS, random, used);
        return List.of(train, validation, test);
    }

    private static List<Voice> draw(int count, List<String> variants, Random random, Set<Voice> used) {
        List<Voice> out = new ArrayList<>();
        int offset = random.nextInt(variants.size());
        while (out.size() < count) {
            Voice v = new Voice(ACCENTS.get(random.nextInt(ACCENTS.size())), variants.get((offset + out.size()) % variants.size()),
                    130 + 5 * random.nextInt(15), 20 + 5 * random.nextInt(13));
            if (used.add(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Generates (or finds in {@code cacheRoot}) the corpus of {@code plan}; returns its directory. */
    public static Path generate(Plan plan, Path cacheRoot) {
        String generator = version().orElseThrow(() -> new UserInputException(missingMessage(plan.dataset())));
        Path dir = cacheRoot.resolve(plan.dataset() + "-" + plan.key(generator));
        if (Files.isRegularFile(dir.resolve(MANIFEST))) {
            return dir;
        }
        List<List<Voice>> voices = voices(plan);
        String[] splits = {"train", "validation", "test"};
        Random strings = new Random(plan.seed() * 104729 + 3);
        List<Entry> entries = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            for (int v = 0; v < voices.get(s).size(); v++) {
                Voice voice = voices.get(s).get(v);
                for (int i = 0; i < plan.perVoice(); i++) {
                    List<String> texts = plan.words().isEmpty() ? List.of(digitString(strings, plan.maxDigits())) : plan.words();
                    for (String text : texts) {
                        String file = String.format("%s/v%02d-%03d-%s.wav", splits[s], v, entries.size(), text.replace(' ', '_'));
                        entries.add(new Entry(splits[s], voice.toString(), file, text));
                    }
                }
            }
        }
        try {
            Files.createDirectories(cacheRoot);
            Path tmp = Files.createTempDirectory(cacheRoot, "." + plan.dataset() + "-");
            try {
                entries.parallelStream().forEach(e -> speak(e, voiceOf(e, voices), tmp));
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
        } catch (IOException e) {
            throw new UserInputException("cannot write the generated speech under " + cacheRoot + " (" + e.getMessage()
                    + "); choose another --data-dir");
        }
        return dir;
    }

    private static Voice voiceOf(Entry e, List<List<Voice>> voices) {
        return voices.stream().flatMap(List::stream).filter(v -> v.toString().equals(e.voice())).findFirst().orElseThrow();
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

    private static void speak(Entry e, Voice voice, Path dir) {
        Path out = dir.resolve(e.file());
        try {
            Files.createDirectories(out.getParent());
            Process p = new ProcessBuilder("espeak-ng", "-v", voice.espeakName(), "-s", String.valueOf(voice.rate()),
                    "-p", String.valueOf(voice.pitch()), "-w", out.toString(), e.text())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(out)) {
                throw new UserInputException("espeak-ng failed for voice " + voice + " saying '" + e.text() + "'");
            }
        } catch (IOException ex) {
            throw new UserInputException("espeak-ng could not be run (" + ex.getMessage() + ")");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted while generating speech");
        }
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
