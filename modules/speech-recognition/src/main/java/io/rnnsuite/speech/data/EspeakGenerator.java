package io.rnnsuite.speech.data;

import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Generates the synthetic corpora with Debian's {@code espeak-ng} into a cache directory, once per
 * set of parameters (see {@link GeneratedSpeech}): one WAV per voice and item, one espeak-ng process
 * each. Voices are drawn from the seed; test voices use variants (timbres) that no training voice uses.
 */
public final class EspeakGenerator {

    /** espeak-ng accents used for every split. */
    public static final List<String> ACCENTS = List.of("en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp",
            "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-029");
    /** Variants of training and validation voices. */
    public static final List<String> TRAIN_VARIANTS = List.of("m1", "m2", "m3", "m4", "m6", "f1", "f2", "f3", "klatt", "klatt3");
    /** Variants of test voices only: no training voice has these timbres. */
    public static final List<String> TEST_VARIANTS = List.of("m5", "m7", "f4", "klatt2");
    /** The engine's name, as {@code --tts} spells it. */
    public static final String NAME = "espeak-ng";

    private static volatile Optional<String> version;

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

    /** The one line saying espeak-ng was asked for but is missing, and what to do instead. */
    public static String missingMessage(String dataset) {
        return "--tts espeak: the generated dataset '" + dataset + "' was asked for from espeak-ng, which is not installed "
                + "(Debian/Ubuntu: apt-get install espeak-ng); --tts auto or --tts freetts makes it with the pure-Java FreeTTS "
                + "instead, or train on your own recordings with --wav-dir DIR or --transcripts FILE";
    }

    /** The voices of each split, from the seed. */
    public static List<List<Voice>> voices(GeneratedSpeech.Plan plan) {
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

    /**
     * Generates (or finds in {@code cacheRoot}) the corpus of {@code plan}; returns its directory,
     * {@code DATASET-KEY} (the key names the plan and the espeak-ng version).
     */
    public static Path generate(GeneratedSpeech.Plan plan, Path cacheRoot) {
        String generator = version().orElseThrow(() -> new UserInputException(missingMessage(plan.dataset())));
        List<List<Voice>> voices = voices(plan);
        List<List<String>> names = voices.stream().map(l -> l.stream().map(Voice::toString).toList()).toList();
        return GeneratedSpeech.write(cacheRoot, plan.dataset() + "-" + plan.key(generator),
                GeneratedSpeech.entries(plan, names), (e, out) -> speak(e, voiceOf(e, voices), out));
    }

    private static Voice voiceOf(GeneratedSpeech.Entry e, List<List<Voice>> voices) {
        return voices.stream().flatMap(List::stream).filter(v -> v.toString().equals(e.voice())).findFirst().orElseThrow();
    }

    private static void speak(GeneratedSpeech.Entry e, Voice voice, Path out) {
        try {
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
}
