package io.rnnsuite.datasets;

import java.util.List;

/** The seven committed series (datasets/timeseries/, see PROVENANCE.md). */
final class TimeSeriesCatalog {

    private static final String DIR = "io/rnnsuite/datasets/timeseries/";
    private static final String R_LICENCE = "GPL (R datasets); the figures are public facts";

    private TimeSeriesCatalog() {
    }

    static List<DatasetInfo> entries() {
        return List.of(
                series("airpassengers", "International airline passengers, thousands, monthly 1949–1960 (Box & Jenkins series G)",
                        R_LICENCE, "R datasets::AirPassengers", "airpassengers.csv",
                        "eda0181c2450975f5ad68556dcf14367541b22553f0c628b9747334cfdc6c96c",
                        new SeriesHints("month", "passengers_thousands", 12, "monthly")),
                series("co2", "Mauna Loa atmospheric CO2, ppm, monthly 1959–1997",
                        R_LICENCE, "R datasets::co2 (Scripps)", "co2_maunaloa_1959_1997.csv",
                        "787d2d3aac8ac0bfb083809a2c179586ef1733ff02c7b937a058d1d41b9e642f",
                        new SeriesHints("month", "co2_ppm", 12, "monthly")),
                series("sunspots", "Mean relative sunspot numbers, monthly 1749–1983 (~11-year cycle, no fixed season)",
                        R_LICENCE, "R datasets::sunspots", "sunspots_monthly_1749_1983.csv",
                        "0e7a8d9e0816667dee1fde33b239df88b6ec8a02d9d6b87ffd603ba45c084709",
                        new SeriesHints("month", "sunspot_number", 1, "monthly")),
                series("nottingham-temp", "Mean air temperature at Nottingham Castle, °F, monthly 1920–1939",
                        R_LICENCE, "R datasets::nottem", "nottingham_temp_1920_1939.csv",
                        "225caf2b9dd9fb04f2a23c313b9170588c69c8b2b6f501a8661d488445cb41b8",
                        new SeriesHints("month", "temp_f", 12, "monthly")),
                series("uk-driver-deaths", "UK car drivers killed or seriously injured, monthly 1969–1984",
                        R_LICENCE, "R datasets::UKDriverDeaths", "uk_driver_deaths.csv",
                        "2aada4ecf9159896e950abe26d207614682a90c99c51148db9047fde0ddc257b",
                        new SeriesHints("month", "deaths", 12, "monthly")),
                series("uk-seatbelts", "Multivariate UK road casualties 1969–1984: DriversKilled, drivers, front, rear, kms, "
                                + "PetrolPrice, VanKilled, law (seat-belt law dummy)",
                        R_LICENCE, "R datasets::Seatbelts", "uk_seatbelts_monthly_multivariate.csv",
                        "dd2610f26f0c140a264c8ebdd0fc77290bfb2b0322bfc6a46e2dfdc4d12cb647",
                        new SeriesHints("month", "DriversKilled", 12, "monthly")),
                series("electricity", "Electricity demand in England and Wales, MW, half-hourly over 12 weeks of 2000 (Taylor 2003)",
                        "GPL-3 (R package forecast); the figures are public facts", "R forecast::taylor",
                        "taylor_electricity_halfhourly.csv",
                        "fb84ac74528446cdaf727223318b44c12978f7876473936fc96906c6cfc0491c",
                        new SeriesHints("step", "demand_mw", 48, "half-hourly")));
    }

    private static DatasetInfo series(String name, String description, String licence, String origin, String file,
                                      String sha256, SeriesHints hints) {
        return new DatasetInfo(name, DatasetKind.TIME_SERIES, description, licence,
                origin + "; committed figures in datasets/timeseries/" + file, DIR + file, sha256, hints);
    }
}
