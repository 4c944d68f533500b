package io.rnnsuite.speech.data;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.speech.audio.Audio;
import io.rnnsuite.speech.audio.WavReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real human recordings of digit strings that a Debian package installs: the test data of
 * pocketsphinx ({@code apt-get install pocketsphinx-testdata}, BSD-2-Clause, Carnegie Mellon
 * University). They are read where the package put them and never copied. Of everything the
 * package ships only two recordings are audio of nothing but digits (its other TIDIGITS utterances
 * are Sphinx cepstra, not audio, and its other recordings are sentences or card names); no Debian
 * package installs isolated recordings of the spoken-digits words.
 */
public final class PackagedRecordings {

    /** Where {@code pocketsphinx-testdata} installs its recordings. */
    public static final Path DEFAULT_ROOT = Path.of("/usr/share/pocketsphinx", "test", "data");
    /** The Debian package that installs them. */
    public static final String PACKAGE = "pocketsphinx-testdata";

    /**
     * One recording.
     *
     * @param file       path under the root
     * @param transcript the digit words said (from the package's own transcripts and tests)
     * @param rawRate    sample rate of a headerless 16-bit little-endian file, or 0 for a WAV file
     */
    public record Recording(String file, String transcript, int rawRate) {
    }

    /** The recordings of nothing but digit words. */
    public static final List<Recording> DIGIT_STRINGS = List.of(
            new Recording("tidigits/dhd.2934z.raw", "two nine three four zero", 16_000),
            new Recording("cards/004.wav", "five five", 0));

    private PackagedRecordings() {
    }

    /** Whether every recording is present under {@code root}. */
    public static boolean installed(Path root) {
        return DIGIT_STRINGS.stream().allMatch(r -> Files.isRegularFile(root.resolve(r.file())));
    }

    /** Reads one recording (raw files as 16-bit little-endian mono), with the checks of {@link WavReader}. */
    public static Audio read(Path root, Recording recording, double maxSeconds) {
        Path file = root.resolve(recording.file());
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + ": not found; the real recordings come from the Debian package " + PACKAGE
                    + " (apt-get install " + PACKAGE + ")");
        }
        if (recording.rawRate() == 0) {
            return WavReader.read(file, maxSeconds);
        }
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read the file (" + e.getMessage() + ")");
        }
        return WavReader.parse(wavOf(raw, recording.rawRate()), file.toString(), maxSeconds);
    }

    /** A WAV file's bytes around headerless 16-bit mono PCM. */
    static byte[] wavOf(byte[] pcm, int rate) {
        int size = pcm.length - (pcm.length & 1);
        ByteBuffer b = ByteBuffer.allocate(44 + size).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + size).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(size).put(pcm, 0, size);
        return b.array();
    }
}
