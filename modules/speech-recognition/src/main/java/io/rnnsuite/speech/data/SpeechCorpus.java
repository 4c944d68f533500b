package io.rnnsuite.speech.data;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.speech.audio.Audio;
import io.rnnsuite.speech.audio.NoiseMixer;
import io.rnnsuite.speech.audio.WavReader;
import io.rnnsuite.speech.ctc.CtcMath;
import io.rnnsuite.speech.features.FeatureConfig;
import io.rnnsuite.speech.features.FeatureExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Loads a {@link SpeechSource}: reads every WAV (checked by {@link WavReader}), adds the noisy
 * copies (training and validation: {@code noisyCopies} each at a random SNR from the list; test:
 * every SNR, so results can be tabled by SNR), computes features, and splits. Generated sets split
 * by voice (test voices never occur in training); the user's files split per label (or at random
 * for transcripts), seeded: 10 % test, 10 % validation, at least one of each.
 */
public final class SpeechCorpus {

    /** One audio file to featurise. */
    private record Item(Path file, String split, String voice, int label, int[] targets, String text) {
    }

    private SpeechCorpus() {
    }

    public static SpeechData load(SpeechSource source, FeatureConfig features, double maxSeconds, long seed) {
        List<Item> items;
        List<String> vocabulary;
        Map<String, Object> details = new LinkedHashMap<>();
        String origin;
        if (source.wavDir() != null) {
            vocabulary = labelFolders(source.wavDir());
            items = wavDirItems(source.wavDir(), vocabulary, seed);
            origin = "file";
        } else if (source.transcripts() != null) {
            vocabulary = DigitWords.WORDS;
            items = transcriptItems(source.transcripts(), seed);
            origin = "file";
        } else {
            boolean connected = source.connected();
            GeneratedSpeech.Plan plan = new GeneratedSpeech.Plan(source.dataset(),
                    connected ? List.of() : SpeechSource.SPOKEN_WORDS, source.trainVoices(), source.validationVoices(),
                    source.testVoices(), source.perVoice(), SpeechSource.MAX_DIGITS, seed);
            TtsEngine engine = source.tts().resolve(source.dataset());
            Path dir;
            List<List<String>> voices;
            if (engine == TtsEngine.ESPEAK) {
                dir = EspeakGenerator.generate(plan, source.dataDir());
                voices = EspeakGenerator.voices(plan).stream().map(l -> l.stream().map(Voice::toString).toList()).toList();
                details.put("tts", EspeakGenerator.NAME);
                details.put("generator", EspeakGenerator.version().orElse(EspeakGenerator.NAME));
            } else {
                dir = FreettsGenerator.generate(plan, source.dataDir());
                voices = FreettsGenerator.voices(plan).stream().map(l -> l.stream().map(PseudoSpeaker::toString).toList())
                        .toList();
                details.put("tts", FreettsGenerator.NAME);
                details.put("generator", FreettsGenerator.VERSION);
                details.put("perturbations", FreettsGenerator.PERTURBATIONS);
            }
            details.put("tts_requested", source.tts().flag());
            vocabulary = connected ? DigitWords.WORDS : SpeechSource.SPOKEN_WORDS;
            items = new ArrayList<>();
            for (GeneratedSpeech.Entry e : GeneratedSpeech.manifest(dir)) {
                items.add(new Item(dir.resolve(e.file()), e.split(), e.voice(), connected ? -1 : vocabulary.indexOf(e.text()),
                        connected ? targets(e.text(), null) : new int[0], e.text()));
            }
            origin = "generated";
            details.put("cache", dir.toString());
            details.put("train_voices", voices.get(0));
            details.put("validation_voices", voices.get(1));
            details.put("test_voices", voices.get(2));
        }
        String sha256 = sha256(items);
        FeatureExtractor extractor = new FeatureExtractor(features);
        List<List<Utterance>> featurised = Collections.nCopies(items.size(), (List<Utterance>) null).stream()
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        java.util.stream.IntStream.range(0, items.size()).parallel().forEach(i ->
                featurised.set(i, featurise(items.get(i), i, source, extractor, maxSeconds, seed)));
        List<Utterance> train = new ArrayList<>();
        List<Utterance> validation = new ArrayList<>();
        List<Utterance> test = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String split = items.get(i).split();
            (split.equals("train") ? train : split.equals("validation") ? validation : test).addAll(featurised.get(i));
        }
        details.put("train", train.size());
        details.put("validation", validation.size());
        details.put("test", test.size());
        details.put("files", items.size());
        details.put("classes", vocabulary.size());
        details.put("snrs_db", source.snrs());
        return new SpeechData(source.connected(), vocabulary, train, validation, test, source.describe(), origin, sha256,
                details);
    }

    private static List<Utterance> featurise(Item item, int index, SpeechSource source, FeatureExtractor extractor,
                                             double maxSeconds, long seed) {
        Audio audio = WavReader.read(item.file(), maxSeconds).resampledTo(extractor.config().sampleRate());
        List<Utterance> out = new ArrayList<>();
        String id = item.file().getFileName().toString();
        out.add(utterance(item, id, extractor.features(audio), "clean"));
        Random random = new Random(seed * 1_000_003L + index);
        if (item.split().equals("test")) {
            for (int snr : source.snrs()) {
                out.add(utterance(item, id, extractor.features(NoiseMixer.addNoise(audio, snr, random)), "snr" + snr));
            }
        } else {
            for (int c = 0; c < source.noisyCopies(); c++) {
                int snr = source.snrs().get(random.nextInt(source.snrs().size()));
                out.add(utterance(item, id, extractor.features(NoiseMixer.addNoise(audio, snr, random)), "snr" + snr));
            }
        }
        return out;
    }

    private static Utterance utterance(Item item, String id, float[][] features, String condition) {
        if (item.targets().length > 0 && !CtcMath.feasible(item.targets(), features.length)) {
            throw new UserInputException(String.format(Locale.ROOT, "%s: %d frames (%.2f s) are too short to hold the %d "
                    + "words of '%s'", item.file(), features.length, features.length / 100.0, item.targets().length, item.text()));
        }
        return new Utterance(id, features, item.label(), item.targets(), item.text(), item.voice(), condition);
    }

    /** CTC targets (digit + 1) of a transcript; {@code where} names the line for a word outside the vocabulary. */
    static int[] targets(String words, String where) {
        String[] parts = words.trim().split("\\s+");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int digit = DigitWords.digit(parts[i]);
            if (digit < 0) {
                throw new UserInputException(where + ": the word '" + parts[i] + "' is not in the vocabulary (expected "
                        + "digit words zero … nine or 0-9)");
            }
            out[i] = digit + 1;
        }
        return out;
    }

    /** Sorted label folders of {@code dir} (names starting with '_' or '.', such as {@code _background_noise_}, skipped). */
    static List<String> labelFolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("--wav-dir " + dir + ": not a directory (expected one sub-folder of WAV files per label)");
        }
        List<String> labels;
        try (Stream<Path> list = Files.list(dir)) {
            labels = list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("_") && !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UserInputException("--wav-dir " + dir + ": cannot list it (" + e.getMessage() + ")");
        }
        if (labels.size() < 2) {
            throw new UserInputException("--wav-dir " + dir + ": found " + labels.size() + " label folder(s); expected at "
                    + "least 2 sub-folders, one per label, holding .wav files");
        }
        return labels;
    }

    private static List<Item> wavDirItems(Path dir, List<String> labels, long seed) {
        List<Item> items = new ArrayList<>();
        for (int label = 0; label < labels.size(); label++) {
            Path folder = dir.resolve(labels.get(label));
            List<Path> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav")).sorted().toList();
            } catch (IOException e) {
                throw new UserInputException(folder + ": cannot list it (" + e.getMessage() + ")");
            }
            if (files.isEmpty()) {
                throw new UserInputException(folder + ": empty label folder (expected at least one .wav file)");
            }
            List<Path> shuffled = new ArrayList<>(files);
            Collections.shuffle(shuffled, new Random(seed + label));
            for (int i = 0; i < shuffled.size(); i++) {
                items.add(new Item(shuffled.get(i), split(i, shuffled.size()), "user", label, new int[0], labels.get(label)));
            }
        }
        return items;
    }

    /** Index i of n shuffled files: the first tenth (at least one, of 3 or more) to test, the next to validation. */
    private static String split(int i, int n) {
        if (n < 3) {
            return "train";
        }
        int held = Math.max(1, (int) Math.round(n * 0.1));
        return i < held ? "test" : i < 2 * held ? "validation" : "train";
    }

    private static List<Item> transcriptItems(Path file, long seed) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("--transcripts " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        Path base = file.toAbsolutePath().getParent();
        List<Item> items = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (n + 1);
            String[] fields = line.split("\t");
            if (fields.length != 2 || fields[1].isBlank()) {
                throw new UserInputException(where + ": expected 'path<TAB>words'");
            }
            Path audio = base.resolve(fields[0].trim());
            if (!Files.isRegularFile(audio)) {
                throw new UserInputException(where + ": the audio file " + audio + " does not exist");
            }
            items.add(new Item(audio, "", "user", -1, targets(fields[1], where), fields[1].trim()));
        }
        if (items.size() < 3) {
            throw new UserInputException("--transcripts " + file + ": " + items.size() + " utterance(s); expected at least 3 "
                    + "(train, validation and test need one each)");
        }
        List<Item> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(seed));
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
            Item it = shuffled.get(i);
            out.add(new Item(it.file(), split(i, shuffled.size()), it.voice(), it.label(), it.targets(), it.text()));
        }
        return out;
    }

    /** SHA-256 over every file's name, text and bytes, in order. */
    private static String sha256(List<Item> items) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Item item : items) {
                digest.update((item.split() + "\t" + item.file().getFileName() + "\t" + item.text() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(item.file()));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UserInputException("cannot read " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
