package io.rnnsuite.speech.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.fuzz.HostileInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated hostile WAV files: random bytes, mutations of valid files (truncations anywhere, flipped
 * and inserted bytes), and RIFF files built chunk by chunk with wrong chunk sizes, declared sizes up
 * to 4 GiB, missing, misplaced and unknown chunks, every format code, odd channel counts, rates and
 * bit depths. Each must decode or raise one short {@link UserInputException}; nothing may run out
 * of memory, hang or throw anything else. Valid files of every supported encoding must decode to
 * the samples they hold.
 */
class WavReaderPropertyTest {

    private static final int PCM = 1;
    private static final int IEEE_FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;
    /** The format codes a generated header draws from most often: the supported ones, common others, extensible. */
    private static final int[] KNOWN_CODES = {0, PCM, 2, IEEE_FLOAT, 6, 7, 0x11, 0x31, 0x55, EXTENSIBLE};

    @AfterContainer
    static void figures() {
        HostileInput.write("wav");
    }

    /** A RIFF chunk: its four-letter id, the size its header declares, and the bytes that follow. */
    private record Chunk(String id, long declaredSize, byte[] body) {
    }

    private static byte[] riff(long declaredRiffSize, String form, List<Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(le32(declaredRiffSize));
        out.writeBytes(form.getBytes(StandardCharsets.ISO_8859_1));
        for (Chunk c : chunks) {
            out.writeBytes(c.id().getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(le32(c.declaredSize()));
            out.writeBytes(c.body());
        }
        return out.toByteArray();
    }

    private static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    private static byte[] fmtBody(int code, int channels, int rate, int bits, int size, int subCode) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, 0)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] full = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) code).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * Math.max(bits / 8, 1)).putShort((short) (channels * Math.max(bits / 8, 1)))
                .putShort((short) bits).putShort((short) 22).putShort((short) bits).putInt(0)
                .putShort((short) subCode).put(new byte[14]).array();
        b.put(full, 0, Math.min(size, full.length));
        return b.array();
    }

    /** Interleaved samples of a half-scale tone in the given encoding. */
    private static byte[] tone(int frames, int channels, int bits, boolean floating) {
        ByteBuffer b = ByteBuffer.allocate(frames * channels * (bits / 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            double v = 0.5 * Math.sin(2 * Math.PI * i / 16.0);
            for (int c = 0; c < channels; c++) {
                if (floating) {
                    b.putFloat((float) v);
                } else {
                    switch (bits) {
                        case 8 -> b.put((byte) (Math.round(v * 127) + 128));
                        case 16 -> b.putShort((short) Math.round(v * 32767));
                        case 24 -> {
                            int s = (int) Math.round(v * 8388607);
                            b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                        }
                        default -> b.putInt((int) Math.round(v * 2147483647.0));
                    }
                }
            }
        }
        return b.array();
    }

    /** A valid file: {@code frames} frames of a tone, optionally in an extensible header and after unknown chunks. */
    private static byte[] valid(int code, int channels, int rate, int bits, int frames, boolean extensible, boolean extraChunks) {
        List<Chunk> chunks = new ArrayList<>();
        if (extraChunks) {
            chunks.add(new Chunk("LIST", 5, new byte[] {'I', 'N', 'F', 'O', 'x', 0})); // odd size, padded
        }
        int size = extensible ? 40 : 16;
        chunks.add(new Chunk("fmt ", size, fmtBody(extensible ? EXTENSIBLE : code, channels, rate, bits, size, code)));
        if (extraChunks) {
            chunks.add(new Chunk("fact", 4, le32(frames)));
        }
        byte[] data = tone(frames, channels, bits, code == IEEE_FLOAT && bits == 32);
        chunks.add(new Chunk("data", data.length, data));
        return riff(4 + chunks.stream().mapToLong(c -> 8 + c.body().length).sum(), "WAVE", chunks);
    }

    /** A file built chunk by chunk from one seed, with whatever a writer or a disk can get wrong. */
    private static byte[] built(int code, int channels, int rate, int bits, long seed) {
        Random r = new Random(seed);
        List<Chunk> chunks = new ArrayList<>();
        for (int i = r.nextInt(3) == 0 ? r.nextInt(3) + 1 : 0; i > 0; i--) { // unknown chunks, odd sizes too
            byte[] body = new byte[r.nextInt(9)];
            r.nextBytes(body);
            chunks.add(new Chunk(r.nextBoolean() ? "LIST" : "junk", body.length - (r.nextInt(4) == 0 ? 1 : 0), body));
        }
        int fmtSize = switch (r.nextInt(6)) {
            case 0 -> r.nextInt(41);              // too short or odd
            case 1 -> 18;                           // with a cbSize field
            default -> code == EXTENSIBLE ? 40 : 16;
        };
        byte[] fmt = fmtBody(code, channels, rate, bits, fmtSize, KNOWN_CODES[r.nextInt(KNOWN_CODES.length)]);
        long fmtDeclared = switch (r.nextInt(8)) {
            case 0 -> 0xFFFFFFFFL;                  // 4 GiB declared
            case 1 -> fmtSize + 1 + r.nextInt(100); // more than follows
            case 2 -> r.nextInt(Math.max(1, fmtSize)); // less than written
            default -> fmtSize;
        };
        Chunk fmtChunk = new Chunk("fmt ", fmtDeclared, fmt);
        // up to 65,535 channels of 8,191 bytes: a frame can be half a gigabyte, so sizes are capped at 200,000 bytes
        int frameBytes = (int) Math.min(200_000L, Math.max(1L, (long) channels * Math.max(1, bits / 8)));
        long wanted = switch (r.nextInt(5)) {
            case 0 -> 0;
            case 1 -> r.nextInt(frameBytes + 1);    // less than one frame
            default -> (long) frameBytes * (1 + r.nextInt(64)) + (r.nextInt(4) == 0 ? 1 : 0);
        };
        int dataBytes = (int) Math.min(wanted, 200_000L);
        byte[] data = new byte[dataBytes];
        r.nextBytes(data);
        long dataDeclared = switch (r.nextInt(8)) {
            case 0 -> 0xFFFFFFFFL;
            case 1 -> 0x7FFFFFFFL + r.nextInt(1000);
            case 2 -> dataBytes + 1 + r.nextInt(1000);
            case 3 -> r.nextInt(dataBytes + 1);
            default -> dataBytes;
        };
        Chunk dataChunk = new Chunk("data", dataDeclared, data);
        switch (r.nextInt(10)) {
            case 0 -> chunks.add(dataChunk);                    // no fmt at all
            case 1 -> { chunks.add(dataChunk); chunks.add(fmtChunk); } // data first
            case 2 -> chunks.add(fmtChunk);                      // no data
            case 3 -> { chunks.add(fmtChunk); chunks.add(fmtChunk); chunks.add(dataChunk); } // fmt twice
            default -> { chunks.add(fmtChunk); chunks.add(dataChunk); }
        }
        String form = r.nextInt(20) == 0 ? "AVI " : "WAVE";
        long riffSize = r.nextInt(6) == 0 ? r.nextLong() & 0xFFFFFFFFL : 4 + chunks.stream().mapToLong(c -> 8 + c.body().length).sum();
        byte[] bytes = riff(riffSize, form, chunks);
        if (r.nextInt(4) == 0) { // truncated anywhere
            bytes = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length + 1));
        }
        return bytes;
    }

    @Provide
    Arbitrary<byte[]> builtFiles() {
        Arbitrary<Integer> codes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(KNOWN_CODES[0], KNOWN_CODES[1], KNOWN_CODES[2], KNOWN_CODES[3], KNOWN_CODES[4],
                        KNOWN_CODES[5], KNOWN_CODES[6], KNOWN_CODES[7], KNOWN_CODES[8], KNOWN_CODES[9])),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0xFFFF)));
        Arbitrary<Integer> channels = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(1, 2)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 8)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0xFFFF)));
        Arbitrary<Integer> rates = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(8000, 16000, 22050, 44100, 48000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 768_000, 768_001)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers()));
        Arbitrary<Integer> bits = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(8, 16, 24, 32)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0, 1, 4, 12, 20, 64, 0xFFFF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0xFFFF)));
        return Combinators.combine(codes, channels, rates, bits, Arbitraries.longs()).as(WavReaderPropertyTest::built);
    }

    @Property
    void everyBuiltFileDecodesOrIsOneUserError(@ForAll("builtFiles") byte[] input) {
        HostileInput.check("wav", input, bytes -> WavReader.parse(bytes, "in.wav", 10));
    }

    @Provide
    Arbitrary<byte[]> mutatedFiles() {
        return HostileInput.aroundBytes("RIFFWAVEfmt data\u0000\u0001\u0010\u00ff",
                valid(PCM, 1, 16000, 16, 400, false, false), valid(PCM, 2, 8000, 8, 300, true, true),
                valid(IEEE_FLOAT, 1, 44100, 32, 200, true, false), valid(PCM, 3, 22050, 24, 100, false, true));
    }

    @Property
    void everyMutatedFileDecodesOrIsOneUserErrorAlsoThroughTheFile(@ForAll("mutatedFiles") byte[] input) throws IOException {
        Path file = Files.createTempFile("hostile", ".wav");
        try {
            HostileInput.checkFile("wav", file, input, f -> WavReader.read(f, 10));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A valid file and what it holds. */
    private record ValidFile(byte[] bytes, int frames, int rate) {
    }

    @Provide
    Arbitrary<ValidFile> validFiles() {
        Arbitrary<int[]> encodings = Arbitraries.of(new int[] {PCM, 8}, new int[] {PCM, 16}, new int[] {PCM, 24}, new int[] {PCM, 32},
                new int[] {IEEE_FLOAT, 32});
        return Combinators.combine(encodings, Arbitraries.integers().between(1, 6), Arbitraries.of(8000, 11025, 16000, 44100, 48000),
                Arbitraries.integers().between(2, 3000), Arbitraries.of(false, true), Arbitraries.of(false, true))
                .as((e, channels, rate, frames, extensible, extra) ->
                        new ValidFile(valid(e[0], channels, rate, e[1], frames, extensible, extra), frames, rate));
    }

    @Property(tries = 100)
    void everySupportedEncodingDecodesToItsSamples(@ForAll("validFiles") ValidFile input) {
        Audio audio = HostileInput.mustLoad("wav-valid", input.bytes(), bytes -> WavReader.parse(bytes, "valid.wav", 0));
        assertEquals(input.frames(), audio.samples().length);
        assertEquals(input.rate(), audio.sampleRate());
        int at = Math.min(4, input.frames() - 1);
        assertEquals(0.5 * Math.sin(2 * Math.PI * at / 16.0), audio.samples()[at], 0.01, "sample " + at + " of the tone");
        assertTrue(audio.peak() <= 0.51, "half scale: " + audio.peak());
    }

    /**
     * Every one of the 65,536 format codes in a plain header at 16 bits, and the known codes and every
     * 97th other inside an extensible header at 32 bits (which reads its sub-format code the same way;
     * the supported codes at every depth are {@link #everySupportedEncodingDecodesToItsSamples}).
     */
    @Example
    void everyFormatCodeDecodesOnlyWhenSupportedAndIsOtherwiseOneLineNamingIt() throws InterruptedException {
        List<String> wrong = new ArrayList<>();
        int[] loaded = {0};
        // a thread of its own: each refusal's stack trace is then a few frames, not the test runner's hundred
        Thread sweep = new Thread(() -> {
            for (boolean extensible : new boolean[] {false, true}) {
                int bits = extensible ? 32 : 16;
                // one file, its code patched in place: the 'fmt ' body starts at byte 20, an extensible
                // header's sub-format code 24 bytes into it
                byte[] file = valid(PCM, 1, 16000, bits, 16, extensible, false);
                int at = extensible ? 44 : 20;
                for (int code = 0; code <= 0xFFFF; code++) {
                    if (extensible && code % 97 != 0 && !known(code)) {
                        continue;
                    }
                    file[at] = (byte) code;
                    file[at + 1] = (byte) (code >> 8);
                    boolean supported = code == PCM || (code == IEEE_FLOAT && bits == 32);
                    try {
                        WavReader.parse(file, "code.wav", 10);
                        loaded[0]++;
                        if (!supported) {
                            wrong.add("format code " + code + (extensible ? " (extensible)" : "") + " decoded");
                        }
                    } catch (UserInputException e) {
                        String m = e.getMessage();
                        boolean named = m.startsWith("code.wav: unsupported encoding ")
                                || (code == EXTENSIBLE && m.contains("an extensible format needs 40 bytes"))
                                || (code == EXTENSIBLE && extensible && m.contains("unsupported encoding"));
                        if (supported || !named || m.length() > 200 || m.contains("\n")) {
                            wrong.add("format code " + code + (extensible ? " (extensible)" : "") + ": " + m);
                        }
                    } catch (RuntimeException e) {
                        wrong.add("format code " + code + ": " + e);
                    }
                }
            }
        }, "every-format-code");
        sweep.start();
        sweep.join();
        assertEquals(List.of(), wrong.size() > 20 ? wrong.subList(0, 20) : wrong);
        assertEquals(3, loaded[0], "PCM at 16 bits; PCM and float at 32 bits in an extensible header");
    }

    private static boolean known(int code) {
        for (int c : KNOWN_CODES) {
            if (c == code) {
                return true;
            }
        }
        return false;
    }

    @Example
    void aFileTooLargeForOneArrayIsOneLineWithoutReadingIt() throws IOException {
        Path file = Files.createTempFile("huge", ".wav");
        try {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.write(valid(PCM, 1, 16000, 16, 16, false, false));
                raf.setLength(3L << 30); // 3 GiB, sparse: nothing is written
            }
            UserInputException e = assertThrows(UserInputException.class, () -> WavReader.read(file, 10));
            assertTrue(e.getMessage().contains("too large"), e.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Example
    void aRateBeyondAnyAudioIsACorruptHeaderNotAHugeAllocation() {
        byte[] eightBit = valid(PCM, 1, 768_001, 8, 64, false, false);
        UserInputException e = assertThrows(UserInputException.class, () -> WavReader.parse(eightBit, "fast.wav", 0));
        assertTrue(e.getMessage().startsWith("fast.wav: corrupt 'fmt ' chunk (768001 Hz"), e.getMessage());
        assertEquals(64, WavReader.parse(valid(PCM, 1, 768_000, 8, 64, false, false), "ok.wav", 0).samples().length);
    }
}
