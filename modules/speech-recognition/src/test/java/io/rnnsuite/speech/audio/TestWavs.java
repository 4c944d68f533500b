package io.rnnsuite.speech.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** WAV files of any encoding built in code, for the reader's tests. */
public final class TestWavs {

    private TestWavs() {
    }

    /** A tone of {@code hz} at amplitude 0.5, {@code seconds} long. */
    public static float[] tone(double hz, int rate, double seconds) {
        float[] s = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /** A WAV file: {@code code} (1 PCM, 3 float, ...), {@code bits}, {@code channels}; the data written by {@code data}. */
    public static byte[] wav(int code, int channels, int rate, int bits, byte[] data) {
        ByteBuffer out = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = channels * bits / 8;
        out.put(ascii("RIFF")).putInt(36 + data.length).put(ascii("WAVE"))
                .put(ascii("fmt ")).putInt(16).putShort((short) code).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits)
                .put(ascii("data")).putInt(data.length).put(data);
        return out.array();
    }

    /** Interleaved samples, each channel given, encoded as {@code bits}-bit PCM (8 unsigned) or float (bits 32, floating). */
    public static byte[] encode(float[][] channels, int bits, boolean floating) {
        int frames = channels[0].length;
        ByteBuffer out = ByteBuffer.allocate(frames * channels.length * bits / 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (float[] channel : channels) {
                float v = channel[i];
                if (floating) {
                    out.putFloat(v);
                } else if (bits == 8) {
                    out.put((byte) (Math.round(v * 127) + 128));
                } else {
                    out.putShort((short) Math.round(v * 32767));
                }
            }
        }
        return out.array();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
