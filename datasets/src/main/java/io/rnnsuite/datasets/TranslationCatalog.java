package io.rnnsuite.datasets;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import io.rnnsuite.common.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * English → French sentence pairs generated at run time with ICU4J, so nothing is committed or
 * downloaded and any number of pairs can be drawn for a seed.
 *
 * <ul>
 *   <li>{@value #NUMBERS}: integers 0–{@value #MAX_NUMBER} spelled out
 *       ({@code RuleBasedNumberFormat.SPELLOUT}): "three hundred forty-two" → "trois cent quarante-deux".</li>
 *   <li>{@value #DATES}: days 1900–2099 in the full date style:
 *       "Thursday, March 14, 2024" → "jeudi 14 mars 2024" (reordering and agreement).</li>
 *   <li>{@value #MIXED}: the two alternately.</li>
 * </ul>
 * Sources are distinct within one draw, so a split of the list never shows a test source in training.
 */
public final class TranslationCatalog {

    public static final String NUMBERS = "numbers-en-fr";
    public static final String DATES = "dates-en-fr";
    public static final String MIXED = "mixed-en-fr";
    /** Largest number spelled out by {@value #NUMBERS}. */
    public static final int MAX_NUMBER = 9_999;

    private static final String LICENCE = "Unicode licence (ICU4J / CLDR data); generated text";
    private static final int FIRST_YEAR = 1900;
    private static final int YEARS = 200;

    private TranslationCatalog() {
    }

    static List<DatasetInfo> entries() {
        return List.of(
                generated(NUMBERS, "English → French spelled-out integers 0–" + MAX_NUMBER
                        + " (\"three hundred forty-two\" → \"trois cent quarante-deux\")"),
                generated(DATES, "English → French full dates 1900–2099 (\"Thursday, March 14, 2024\" → \"jeudi 14 mars 2024\")"),
                generated(MIXED, "numbers-en-fr and dates-en-fr alternately"));
    }

    private static DatasetInfo generated(String name, String description) {
        return new DatasetInfo(name, DatasetKind.TRANSLATION_PAIRS, description, LICENCE,
                "generated at run time with com.ibm.icu:icu4j (RuleBasedNumberFormat SPELLOUT, DateFormat FULL)",
                null, null, null);
    }

    /**
     * {@code count} pairs with distinct sources, the same list for the same name, count and seed.
     *
     * @throws UserInputException for an unknown name or more pairs than the generator can make distinct
     */
    public static List<SentencePair> generate(String name, int count, long seed) {
        DatasetInfo info = DatasetRegistry.get(name, DatasetKind.TRANSLATION_PAIRS);
        int available = switch (info.name()) {
            case NUMBERS -> MAX_NUMBER + 1;
            case DATES -> YEARS * 365;
            default -> MAX_NUMBER + 1 + YEARS * 365;
        };
        if (count < 1 || count > available) {
            throw new UserInputException("--pairs-count for " + info.name() + " must be in 1.." + available + ", got " + count);
        }
        Generator generator = new Generator();
        Random random = new Random(seed);
        Map<String, SentencePair> bySource = new LinkedHashMap<>();
        for (long attempt = 0; bySource.size() < count; attempt++) {
            boolean number = info.name().equals(NUMBERS) || (info.name().equals(MIXED) && attempt % 2 == 0);
            SentencePair pair = number ? generator.number(random.nextInt(MAX_NUMBER + 1))
                    : generator.date(random.nextInt(YEARS * 365));
            bySource.putIfAbsent(pair.source(), pair);
        }
        return new ArrayList<>(bySource.values());
    }

    /** ICU formatters are not thread-safe: one set per draw. */
    private static final class Generator {
        private final RuleBasedNumberFormat english = new RuleBasedNumberFormat(ULocale.ENGLISH, RuleBasedNumberFormat.SPELLOUT);
        private final RuleBasedNumberFormat french = new RuleBasedNumberFormat(ULocale.FRENCH, RuleBasedNumberFormat.SPELLOUT);
        private final DateFormat englishDate = DateFormat.getDateInstance(DateFormat.FULL, ULocale.ENGLISH);
        private final DateFormat frenchDate = DateFormat.getDateInstance(DateFormat.FULL, ULocale.FRENCH);
        private final GregorianCalendar calendar = new GregorianCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);

        Generator() {
            englishDate.setTimeZone(TimeZone.GMT_ZONE);
            frenchDate.setTimeZone(TimeZone.GMT_ZONE);
        }

        SentencePair number(int n) {
            return new SentencePair(english.format(n), french.format(n));
        }

        SentencePair date(int dayOffset) {
            calendar.clear();
            calendar.set(FIRST_YEAR, 0, 1);
            calendar.add(GregorianCalendar.DAY_OF_YEAR, dayOffset);
            var date = calendar.getTime();
            return new SentencePair(englishDate.format(date), frenchDate.format(date));
        }
    }
}
