package io.rnnsuite.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.forecast.ForecastApp;
import io.rnnsuite.forecast.ForecastConfig;
import io.rnnsuite.forecast.FutureForecast;
import io.rnnsuite.forecast.data.ForecastData;
import io.rnnsuite.forecast.data.Series;
import io.rnnsuite.forecast.data.SeriesCsvReader;
import io.rnnsuite.forecast.data.SeriesSource;
import io.rnnsuite.forecast.model.ForecastModel;
import io.rnnsuite.forecast.model.Forecaster;
import io.rnnsuite.forecast.model.LinearAutoregressiveForecaster;
import io.rnnsuite.forecast.model.PersistenceForecaster;
import io.rnnsuite.forecast.model.SeasonalNaiveForecaster;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forecaster's playground: {@code forecast} continues the model's own series, or an uploaded
 * CSV with the model's columns, by the first {@code horizon} of its H steps, beside persistence,
 * seasonal naive and (fitted once on the model's own training rows) the linear autoregression,
 * with the series' recent history for plotting.
 */
final class ForecastEndpoints implements AppEndpoints {

    private final Map<String, Optional<LinearAutoregressiveForecaster>> autoregressions = new ConcurrentHashMap<>();

    @Override
    public boolean serves(ServedModel<?, ?> model) {
        return model.app() instanceof ForecastApp;
    }

    @Override
    public List<String> actions() {
        return List.of("forecast");
    }

    @Override
    public boolean predictTakesInputs(ServedModel<?, ?> model) {
        return false;
    }

    @SuppressWarnings("unchecked")
    private static ServedModel<ForecastConfig, ForecastModel> typed(ServedModel<?, ?> model) {
        return (ServedModel<ForecastConfig, ForecastModel>) model;
    }

    @Override
    public ObjectNode describe(ServedModel<?, ?> model) {
        ForecastConfig config = typed(model).read(ForecastModel::config);
        ObjectNode out = Responses.object();
        out.put("horizon", config.horizon());
        out.put("lookback", config.lookback());
        out.put("season", config.season());
        out.put("series", config.sourceName());
        out.put("target", config.target());
        return out;
    }

    @Override
    public List<BenchRequest> benchRequests(ServedModel<?, ?> model) {
        return List.of(new BenchRequest("forecast", "{}"));
    }

    @Override
    public void handle(String action, Request request, ServedModel<?, ?> served) throws Exception {
        if (!action.equals("forecast")) {
            throw HttpError.notFound("no action '" + action + "' for a forecasting model");
        }
        ServedModel<ForecastConfig, ForecastModel> model = typed(served);
        // the model's own configuration is the resolved one (app-config.json keeps 0 for "automatic")
        ForecastConfig config = model.read(ForecastModel::config);
        int horizon = request.integer("horizon", config.horizon(), 1, config.horizon());
        JsonNode csv = request.json().get("csv");
        Series series;
        if (csv == null || csv.isNull()) {
            series = SeriesSource.read(config);
        } else if (!csv.isTextual()) {
            throw HttpError.badRequest("field 'csv' must be the CSV file's text, got " + csv.getNodeType());
        } else {
            series = parse(csv.asText());
        }
        Optional<LinearAutoregressiveForecaster> autoregression = autoregressions.computeIfAbsent(served.name(),
                name -> fitAutoregression(config));
        ObjectNode out = model.use(request.limits().modelWait(), m -> {
            FutureForecast future = FutureForecast.of(m, series);
            ForecastData data = ForecastData.withNormalizer(series, m.config(), m.normalizer());
            ObjectNode answer = Responses.object();
            answer.put("series", series.source());
            answer.put("target", future.target());
            answer.put("horizon", horizon);
            int shown = Math.min(series.length(), Math.max(4 * config.horizon(), 2 * config.lookback()));
            ObjectNode history = answer.putObject("history");
            List<String> labels = series.timeLabels().subList(series.length() - shown, series.length());
            labels.forEach(history.putArray("labels")::add);
            double[] target = data.target();
            ArrayNode values = history.putArray("values");
            for (int t = series.length() - shown; t < series.length(); t++) {
                values.add(target[t]);
            }
            future.timeLabels().subList(0, horizon).forEach(answer.putArray("labels")::add);
            ArrayNode forecasts = answer.putArray("forecasts");
            add(forecasts, m.forecaster().name(), false, Arrays.copyOf(future.values(), horizon));
            List<Forecaster> baselines = new ArrayList<>(List.of(new PersistenceForecaster(),
                    new SeasonalNaiveForecaster(config.season())));
            autoregression.ifPresent(baselines::add);
            for (Forecaster baseline : baselines) {
                add(forecasts, baseline.name(), true,
                        Arrays.copyOf(baseline.forecast(data, List.of(series.length()))[0], horizon));
            }
            return answer;
        });
        Responses.json(request.exchange(), 200, out);
    }

    private static Series parse(String text) {
        try {
            return SeriesCsvReader.parse(text.getBytes(StandardCharsets.UTF_8), "uploaded CSV");
        } catch (UserInputException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    private static Optional<LinearAutoregressiveForecaster> fitAutoregression(ForecastConfig config) {
        try {
            return Optional.of(LinearAutoregressiveForecaster.fit(SeriesSource.prepare(config).data()));
        } catch (RuntimeException e) {
            return Optional.empty(); // the training file has moved: the baselines that need no fitting remain
        }
    }

    private static void add(ArrayNode forecasts, String name, boolean baseline, double[] values) {
        ObjectNode f = forecasts.addObject().put("name", name).put("baseline", baseline);
        ArrayNode v = f.putArray("values");
        for (double value : values) {
            v.add(value);
        }
    }
}
