package io.rnnsuite.speech.audio;

import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads RIFF/WAVE files: integer PCM of 8 (unsigned), 16, 24 or 32 bits and IEEE float of 32 bits,
 * plain or in a {@code WAVE_FORMAT_EXTENSIBLE} header, any number of channels (averaged to mono),
 * any rate up to 768 kHz. Everything a file can get wrong is a {@link UserInputException} naming the file and
 * what was expected: not a WAV file, a truncated or corrupt header, an unsupported encoding (by
 * name), no samples, only silence, more seconds than allowed.
 */
public final class WavReader {

    /** A peak below this (about -80 dBFS) counts as silence: nothing to recognise. */
    public static final double SILENCE_PEAK = 1e-4;

    private static final int PCM = 1;
    private static final int IEEE_FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;
    /** The highest sample rate accepted (the highest in use, 768 kHz); a larger one is a corrupt header. */
    static final int MAX_RATE = 768_000;
    /** The largest file read: one Java array. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8L;

    private WavReader() {
    }

    /** Reads {@code file}; longer than {@code maxSeconds} (0 = no limit) is refused. */
    public static Audio read(Path file, double maxSeconds) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new UserInputException(String.format(Locale.ROOT, "%s: %,d bytes is too large for a WAV file to read"
                        + " (at most %,d)", file, size, MAX_BYTES));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read the file (" + e.getMessage() + ")");
        }
        return parse(bytes, file.toString(), maxSeconds);
    }

    /** Parses the bytes of a WAV file; {@code where} names it in messages. */
    public static Audio parse(byte[] bytes, String where, double maxSeconds) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !tag(bytes, 0).equals("RIFF") || !tag(bytes, 8).equals("WAVE")) {
            throw new UserInputException(where + ": not a WAV file (expected a RIFF/WAVE header)");
        }
        Format format = null;
        int position = 12;
        while (true) {
            if (position + 8 > bytes.length) {
                throw new UserInputException(where + ": truncated WAV header: " + (format == null ? "no 'fmt ' chunk"
                        : "no 'data' chunk") + " before the end of the file");
            }
            String id = tag(bytes, position);
            long size = Integer.toUnsignedLong(in.getInt(position + 4));
            int body = position + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + size > bytes.length) {
                    throw new UserInputException(where + ": corrupt 'fmt ' chunk (" + size + " bytes declared, "
                            + Math.max(0, bytes.length - body) + " present; expected at least 16)");
                }
                format = Format.parse(in, body, (int) size, where);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new UserInputException(where + ": corrupt WAV header: the 'data' chunk comes before 'fmt '");
                }
                if (body + size > bytes.length) {
                    throw new UserInputException(where + ": truncated WAV file: the 'data' chunk declares " + size
                            + " bytes but only " + (bytes.length - body) + " follow");
                }
                return decode(in, body, (int) size, format, where, maxSeconds);
            }
            position = (int) Math.min(Integer.MAX_VALUE - 8L, body + size + (size & 1)); // chunks are word-aligned
        }
    }

    private static Audio decode(ByteBuffer in, int start, int size, Format f, String where, double maxSeconds) {
        int frameBytes = f.channels * (f.bits / 8);
        int frames = size / frameBytes;
        if (frames == 0) {
            throw new UserInputException(where + ": no audio samples (the 'data' chunk is empty)");
        }
        double seconds = frames / (double) f.rate;
        if (maxSeconds > 0 && seconds > maxSeconds) {
            throw new UserInputException(String.format(Locale.ROOT, "%s: %.2f s of audio is longer than the maximum "
                    + "%.2f s (--max-seconds)", where, seconds, maxSeconds));
        }
        float[] mono = new float[frames];
        int p = start;
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            for (int c = 0; c < f.channels; c++) {
                sum += sample(in, p, f);
                p += f.bits / 8;
            }
            mono[i] = (float) (sum / f.channels);
        }
        Audio audio = new Audio(mono, f.rate);
        if (audio.peak() < SILENCE_PEAK) {
            throw new UserInputException(String.format(Locale.ROOT, "%s: the audio is silent (peak amplitude %.1e, "
                    + "expected speech above %.0e)", where, audio.peak(), SILENCE_PEAK));
        }
        return audio;
    }

    private static double sample(ByteBuffer in, int p, Format f) {
        if (f.floating) {
            float v = in.getFloat(p);
            return Float.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
        }
        switch (f.bits) {
            case 8:
                return ((in.get(p) & 0xFF) - 128) / 128.0; // 8-bit WAV is unsigned
            case 16:
                return in.getShort(p) / 32768.0;
            case 24:
                int v = (in.get(p) & 0xFF) | (in.get(p + 1) & 0xFF) << 8 | in.get(p + 2) << 16;
                return v / 8388608.0;
            default:
                return in.getInt(p) / 2147483648.0;
        }
    }

    private static String tag(byte[] bytes, int at) {
        return at + 4 <= bytes.length ? new String(bytes, at, 4, StandardCharsets.ISO_8859_1) : "";
    }

    /** The decoded 'fmt ' chunk. */
    private record Format(int channels, int rate, int bits, boolean floating) {

        static Format parse(ByteBuffer in, int at, int size, String where) {
            int code = in.getShort(at) & 0xFFFF;
            int channels = in.getShort(at + 2) & 0xFFFF;
            int rate = in.getInt(at + 4);
            int bits = in.getShort(at + 14) & 0xFFFF;
            if (code == EXTENSIBLE) {
                if (size < 40) {
                    throw new UserInputException(where + ": corrupt 'fmt ' chunk (an extensible format needs 40 bytes, has "
                            + size + ")");
                }
                code = in.getShort(at + 24) & 0xFFFF; // the first two bytes of the sub-format GUID
            }
            if (channels < 1 || rate < 1) {
                throw new UserInputException(where + ": corrupt 'fmt ' chunk (" + channels + " channels at " + rate
                        + " Hz; expected at least 1 channel and a positive rate)");
            }
            if (rate > MAX_RATE) {
                throw new UserInputException(where + ": corrupt 'fmt ' chunk (" + rate + " Hz; expected a sample rate of 1 to "
                        + MAX_RATE + " Hz)");
            }
            boolean pcm = code == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
            boolean floating = code == IEEE_FLOAT && bits == 32;
            if (!pcm && !floating) {
                throw new UserInputException(where + ": unsupported encoding " + encodingName(code, bits)
                        + "; expected PCM (8, 16, 24 or 32-bit) or 32-bit IEEE float");
            }
            return new Format(channels, rate, bits, floating);
        }
    }

    /** A readable name for a WAV format code. */
    static String encodingName(int code, int bits) {
        switch (code) {
            case PCM:
                return bits + "-bit PCM";
            case 2:
                return "Microsoft ADPCM";
            case IEEE_FLOAT:
                return bits + "-bit IEEE float";
            case 6:
                return "A-law";
            case 7:
                return "µ-law";
            case 0x11:
                return "IMA ADPCM";
            case 0x31:
                return "GSM 6.10";
            case 0x55:
                return "MPEG layer 3";
            default:
                return String.format(Locale.ROOT, "format code 0x%04x", code);
        }
    }
}
