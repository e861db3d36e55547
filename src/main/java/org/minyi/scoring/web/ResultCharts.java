package org.minyi.scoring.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.minyi.scoring.ScoreRow;
import org.minyi.scoring.UnitReport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * The data of the results pages' charts as JSON for a {@code data-chart} attribute; {@code /js/charts.js}
 * turns it into ECharts options (the Content-Security-Policy allows no inline script).
 */
@Component
class ResultCharts {

	private final ObjectMapper json;

	private final MessageSource messages;

	ResultCharts(ObjectMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	/** Townships in rank order: estimate with its 95 % interval as an error bar, official-style value and target. */
	String ranking(List<ResultsController.Line> townships) {
		Map<String, Object> data = chart("ranking", "results.estimate.value", "results.ciShort", "results.official", "official.target");
		List<Object> names = new ArrayList<>();
		List<Object> estimate = new ArrayList<>();
		List<Object> low = new ArrayList<>();
		List<Object> high = new ArrayList<>();
		List<Object> official = new ArrayList<>();
		List<Object> target = new ArrayList<>();
		for (ResultsController.Line line : townships) {
			ScoreRow main = line.main();
			if (main == null || main.estimate() == null) {
				continue;
			}
			names.add(line.unit().name());
			estimate.add(round(main.estimate()));
			low.add(round(main.ciLow()));
			high.add(round(main.ciHigh()));
			official.add(round(main.official()));
			target.add(line.target() == null || line.target().scoreTarget() == null ? null : line.target().scoreTarget());
		}
		data.putAll(Map.of("names", names, "estimate", estimate, "low", low, "high", high, "official", official));
		data.put("target", target);
		return json.writeValueAsString(data);
	}

	/** The unit's and the district's estimate of every indicator (0–100), in the order of {@code rows}. */
	String radar(Map<String, ScoreRow> rows, UnitReport report, Map<String, String> titles) {
		Map<String, Object> data = chart("radar");
		List<Object> indicators = new ArrayList<>();
		List<Object> unit = new ArrayList<>();
		List<Object> district = new ArrayList<>();
		rows.forEach((indicator, row) -> {
			ScoreRow all = report.district().get(indicator);
			if (row.estimate() != null && all != null && all.estimate() != null) {
				indicators.add(Map.of("name", label(indicator, titles), "max", 100));
				unit.add(round(row.estimate()));
				district.add(round(all.estimate()));
			}
		});
		data.put("indicators", indicators);
		data.put("series", List.of(Map.of("name", report.unit().name(), "value", unit),
				Map.of("name", messages.getMessage("results.districtLevel", null, LocaleContextHolder.getLocale()), "value", district)));
		return json.writeValueAsString(data);
	}

	/** The unit's main score over the rounds: estimate with interval, official-style, and what the province published. */
	String trend(UnitReport report) {
		Map<String, Object> data = chart("trend", "results.estimate.value", "results.ciShort", "results.official", "results.published");
		data.put("rounds", report.trend().stream().map(UnitReport.TrendPoint::round).toList());
		data.put("estimate", report.trend().stream().map(p -> round(p.estimate())).toList());
		data.put("low", report.trend().stream().map(p -> round(p.low())).toList());
		data.put("high", report.trend().stream().map(p -> round(p.high())).toList());
		data.put("official", report.trend().stream().map(p -> round(p.official())).toList());
		data.put("published", report.trend().stream().map(p -> round(p.published())).toList());
		return json.writeValueAsString(data);
	}

	private Map<String, Object> chart(String kind, String... labelKeys) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("kind", kind);
		List<String> labels = new ArrayList<>();
		for (String key : labelKeys) {
			labels.add(messages.getMessage(key, null, LocaleContextHolder.getLocale()));
		}
		data.put("labels", labels);
		return data;
	}

	private String label(String indicator, Map<String, String> titles) {
		return messages.getMessage("indicator." + indicator, null, titles.getOrDefault(indicator, indicator), LocaleContextHolder.getLocale());
	}

	private static Double round(Double value) {
		return value == null ? null : Math.round(value * 100) / 100.0;
	}
}
