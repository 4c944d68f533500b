package io.rnnsuite.speech.data;

import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import com.sun.speech.freetts.audio.AudioPlayer;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.speech.audio.Audio;
import io.rnnsuite.speech.audio.Resampler;
import io.rnnsuite.speech.audio.WavWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.sound.sampled.AudioFormat;

/**
 * Generates the synthetic corpora in-process with FreeTTS 1.2.2 (pure Java, from Maven Central),
 * for machines without espeak-ng. FreeTTS brings one usable voice for arbitrary words, kevin16 (the
 * CMU kal diphones at 16 kHz), so speakers are made from it: each {@link PseudoSpeaker} asks
 * FreeTTS for its own pitch, pitch range and duration stretch, then scales every frequency of the
 * result by resampling the waveform (vocal-tract-length perturbation; the pitch and duration it
 * asked for already allow for what the resampling changes) and tilts the spectrum. Test
 * pseudo-speakers get formant scales that no training or validation pseudo-speaker has, so the test
 * is speaker-independent as with espeak-ng. The audio goes to a player that keeps the bytes: no
 * sound device is touched. Deterministic: the same plan gives the same bytes.
 */
public final class FreettsGenerator {

    /** The engine's name, as {@code --tts} spells it. */
    public static final String NAME = "freetts";
    /** The FreeTTS voice every pseudo-speaker is made from. */
    public static final String VOICE = "kevin16";
    /** The generator and its version, for the run record. */
    public static final String VERSION = "FreeTTS 1.2.2, voice kevin16 (CMU kal diphones, 16 kHz)";
    /** Formant scales (percent) of training and validation pseudo-speakers. */
    public static final List<Integer> TRAIN_FORMANTS = List.of(85, 88, 94, 97, 103, 106, 112, 115);
    /** Formant scales (percent) of test pseudo-speakers only: no training pseudo-speaker has these. */
    public static final List<Integer> TEST_FORMANTS = List.of(91, 100, 109);
    /** How the pseudo-speakers differ, for the run record and the docs. */
    public static final String PERTURBATIONS = "one FreeTTS voice (kevin16) made into pseudo-speakers: every frequency "
            + "scaled by resampling (vocal-tract length; training formant scales " + TRAIN_FORMANTS + " %, test only "
            + TEST_FORMANTS + " %), mean pitch 80-180 Hz, pitch range 6-20 Hz, tempo x0.85-1.20 and spectral tilt "
            + "-0.3..+0.3, drawn from the seed";
    /** The sample rate of everything generated. */
    public static final int SAMPLE_RATE = 16_000;
    /** Peak level of every generated utterance. */
    static final double PEAK = 0.8;

    private static Kevin kevin;

    private FreettsGenerator() {
    }

    /** The pseudo-speakers of each split, from the seed. */
    public static List<List<PseudoSpeaker>> voices(GeneratedSpeech.Plan plan) {
        Random random = new Random(plan.seed() * 7919 + 29);
        Set<PseudoSpeaker> used = new LinkedHashSet<>();
        List<PseudoSpeaker> train = draw(plan.trainVoices(), TRAIN_FORMANTS, random, used);
        List<PseudoSpeaker> validation = draw(plan.validationVoices(), TRAIN_FORMANTS, random, used);
        List<PseudoSpeaker> test = draw(plan.testVoices(), TEST_FORMANTS, random, used);
        return List.of(train, validation, test);
    }

    private static List<PseudoSpeaker> draw(int count, List<Integer> formants, Random random, Set<PseudoSpeaker> used) {
        List<PseudoSpeaker> out = new ArrayList<>();
        int offset = random.nextInt(formants.size());
        while (out.size() < count) {
            PseudoSpeaker s = new PseudoSpeaker(formants.get((offset + out.size()) % formants.size()),
                    80 + 5 * random.nextInt(21), 6 + 2 * random.nextInt(8), 85 + 5 * random.nextInt(8), 10 * (random.nextInt(7) - 3));
            if (used.add(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Generates (or finds in {@code cacheRoot}) the corpus of {@code plan}; returns its directory,
     * {@code DATASET-freetts-KEY}: apart from espeak-ng's, and the key names the plan, FreeTTS's
     * version and the perturbations.
     */
    public static Path generate(GeneratedSpeech.Plan plan, Path cacheRoot) {
        List<List<PseudoSpeaker>> voices = voices(plan);
        List<List<String>> names = voices.stream().map(l -> l.stream().map(PseudoSpeaker::toString).toList()).toList();
        return GeneratedSpeech.write(cacheRoot, plan.dataset() + "-" + NAME + "-" + plan.key(VERSION + "|" + PERTURBATIONS),
                GeneratedSpeech.entries(plan, names), (e, out) -> {
                    PseudoSpeaker speaker = voices.stream().flatMap(List::stream).filter(v -> v.toString().equals(e.voice()))
                            .findFirst().orElseThrow();
                    try {
                        WavWriter.write(out, speak(e.text(), speaker));
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
    }

    /** {@code text} said by {@code speaker}: 16 kHz mono, peak {@value #PEAK}. */
    public static Audio speak(String text, PseudoSpeaker speaker) {
        double scale = speaker.formantScale();
        // the resampling below multiplies every frequency by scale and divides every duration by it: ask for less and longer
        Audio raw = kevin().say(text, (float) (speaker.pitchHz() / scale), (float) (speaker.pitchRangeHz() / scale),
                (float) (speaker.tempo() * scale));
        return perturb(raw, speaker, text);
    }

    /** The formant scaling, tilt and peak normalisation of {@code speaker} applied to FreeTTS's output. */
    static Audio perturb(Audio raw, PseudoSpeaker speaker, String text) {
        float[] samples = raw.sampleRate() == SAMPLE_RATE ? raw.samples() : raw.resampledTo(SAMPLE_RATE).samples();
        if (speaker.formantPercent() != 100) {
            // read at formantScale x 16 kHz and played at 16 kHz: every frequency x formantScale
            samples = Resampler.resample(samples, (int) Math.round(SAMPLE_RATE * speaker.formantScale()), SAMPLE_RATE);
        }
        float[] tilted = new float[samples.length];
        double peak = 0;
        for (int i = 0; i < samples.length; i++) {
            tilted[i] = (float) (samples[i] - speaker.tilt() * (i == 0 ? 0 : samples[i - 1]));
            peak = Math.max(peak, Math.abs(tilted[i]));
        }
        if (peak < 1e-4) {
            throw new UserInputException("FreeTTS gave no sound for '" + text + "' (" + speaker + ")");
        }
        for (int i = 0; i < tilted.length; i++) {
            tilted[i] = (float) (tilted[i] * PEAK / peak);
        }
        return new Audio(tilted, SAMPLE_RATE);
    }

    /** Seconds it took to load the voice in this JVM (0 until it is loaded). */
    public static synchronized double loadSeconds() {
        return kevin == null ? 0 : kevin.loadSeconds;
    }

    private static synchronized Kevin kevin() {
        if (kevin == null) {
            kevin = new Kevin();
        }
        return kevin;
    }

    /** FreeTTS's kevin16, loaded once, saying one text at a time into a {@link CapturingPlayer}. */
    private static final class Kevin {
        private final com.sun.speech.freetts.Voice voice;
        private final CapturingPlayer player = new CapturingPlayer();
        private final double loadSeconds;

        Kevin() {
            long start = System.nanoTime();
            voice = Arrays.stream(new KevinVoiceDirectory().getVoices()).filter(v -> VOICE.equals(v.getName())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("FreeTTS has no voice " + VOICE));
            voice.setAudioPlayer(player); // before allocate(): no default player, so no sound device
            voice.allocate();
            loadSeconds = (System.nanoTime() - start) / 1e9;
        }

        synchronized Audio say(String text, float pitch, float pitchRange, float durationStretch) {
            voice.setPitch(pitch);
            voice.setPitchRange(pitchRange);
            voice.setDurationStretch(durationStretch);
            player.take();
            if (!voice.speak(text)) {
                throw new UserInputException("FreeTTS could not say '" + text + "'");
            }
            return player.take();
        }
    }

    /** An audio player that keeps what FreeTTS writes (from its output thread) instead of playing it. */
    private static final class CapturingPlayer implements AudioPlayer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, true);
        private float volume = 1;

        /** What was written since the last call, as audio; the buffer starts empty again. */
        synchronized Audio take() {
            byte[] b = bytes.toByteArray();
            bytes.reset();
            int width = format.getSampleSizeInBits() / 8;
            if (width != 1 && width != 2 || format.getChannels() != 1) {
                throw new IllegalStateException("FreeTTS wrote " + format + "; expected 8- or 16-bit mono");
            }
            float[] samples = new float[b.length / width];
            for (int i = 0; i < samples.length; i++) {
                int value;
                if (width == 1) {
                    value = format.getEncoding() == AudioFormat.Encoding.PCM_SIGNED ? b[i] : (b[i] & 0xff) - 128;
                    samples[i] = value / 128f;
                } else {
                    int hi = format.isBigEndian() ? b[2 * i] : b[2 * i + 1];
                    int lo = (format.isBigEndian() ? b[2 * i + 1] : b[2 * i]) & 0xff;
                    value = (short) ((hi << 8) | lo);
                    samples[i] = value / 32768f;
                }
            }
            return new Audio(samples, Math.round(format.getSampleRate()));
        }

        @Override
        public synchronized void setAudioFormat(AudioFormat format) {
            this.format = format;
        }

        @Override
        public synchronized AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void reset() {
        }

        @Override
        public boolean drain() {
            return true;
        }

        @Override
        public void begin(int size) {
        }

        @Override
        public boolean end() {
            return true;
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
        }

        @Override
        public synchronized float getVolume() {
            return volume;
        }

        @Override
        public synchronized void setVolume(float volume) {
            this.volume = volume;
        }

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public void resetTime() {
        }

        @Override
        public void startFirstSampleTimer() {
        }

        @Override
        public boolean write(byte[] audio) {
            return write(audio, 0, audio.length);
        }

        @Override
        public synchronized boolean write(byte[] audio, int offset, int length) {
            bytes.write(audio, offset, length);
            return true;
        }

        @Override
        public void showMetrics() {
        }
    }
}
