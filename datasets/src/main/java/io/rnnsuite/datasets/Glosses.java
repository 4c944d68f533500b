package io.rnnsuite.datasets;

/**
 * WordNet-style glosses: a definition followed by quoted usage examples after semicolons
 * ({@code a domesticated carnivorous mammal; "the dog barked all night"}).
 */
final class Glosses {

    private Glosses() {
    }

    /**
     * The gloss with or without its usage examples. Without: everything from the first
     * {@code ;} that is followed by a quote is cut; a gloss that is only examples is kept whole.
     */
    static String clean(String gloss, boolean keepUsageExamples) {
        String text = gloss.strip();
        if (keepUsageExamples) {
            return text;
        }
        int cut = text.indexOf(';');
        while (cut >= 0) {
            String rest = text.substring(cut + 1).stripLeading();
            if (rest.startsWith("\"") || rest.startsWith("`")) {
                String definition = text.substring(0, cut).strip();
                return definition.isEmpty() ? text : definition;
            }
            cut = text.indexOf(';', cut + 1);
        }
        return text;
    }
}
