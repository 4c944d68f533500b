package io.rnnsuite.forecast.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rnnsuite.common.fuzz.HostileInput;
import io.rnnsuite.forecast.ForecastApp;
import io.rnnsuite.forecast.ForecastConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** Generated hostile CSV series: the forecast app loads each or refuses it with one user error. */
class SeriesCsvPropertyTest {

    private static final String MONTHLY = series(120, false);
    private static final String QUOTED = series(110, true);

    private static String series(int rows, boolean quoted) {
        StringBuilder sb = new StringBuilder(quoted ? "\"month\",\"value\",\"other, quoted\"\n" : "month,value,other\n");
        for (int i = 0; i < rows; i++) {
            String label = String.format(Locale.ROOT, "%d-%02d", 2000 + i / 12, i % 12 + 1);
            sb.append(quoted ? "\"" + label + "\"" : label).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", 100 + 10 * Math.sin(i / 2.0) + i)).append(',')
                    .append(quoted ? "\"" + (i % 7) + "\"" : String.valueOf(i % 7)).append('\n');
        }
        return sb.toString();
    }

    @AfterContainer
    static void figures() {
        HostileInput.write("forecast-csv");
    }

    @Provide
    Arbitrary<byte[]> hostile() {
        return HostileInput.around("month,value\"\n\r 0123456789.-eENaInfity", MONTHLY, QUOTED, "t,v\n1,2\n");
    }

    @Property
    void everyInputLoadsOrIsOneUserError(@ForAll("hostile") byte[] input) throws IOException {
        Path file = Files.createTempFile("series", ".csv");
        try {
            ForecastConfig d = ForecastConfig.defaults("airpassengers");
            ForecastConfig config = new ForecastConfig(null, file.toString(), "value", d.features(), 0, 0, 0,
                    d.validationFraction(), d.testFraction(), false, true, d.recurrent(), null, d.training());
            HostileInput.checkFile("forecast-csv", file, input, f -> new ForecastApp().load(config));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<byte[]> valid() {
        return HostileInput.validVariants(MONTHLY, QUOTED);
    }

    @Property(tries = 12)
    void aByteOrderMarkCrlfAndQuotedFieldsLoad(@ForAll("valid") byte[] input) {
        Series series = HostileInput.mustLoad("forecast-csv", input, b -> SeriesCsvReader.parse(b, "valid.csv"));
        assertEquals("month", series.timeColumn());
        assertEquals(2, series.columnNames().size(), series.columnNames().toString());
    }
}
