package org.minyi.scoring.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.platform.web.Flash;
import org.minyi.scoring.RoundScoring;
import org.minyi.scoring.ScoreRow;
import org.minyi.scoring.ScoreSnapshot;
import org.minyi.scoring.UnitReport;
import org.minyi.scoring.UnitReports;
import org.minyi.scoring.Weighting;
import org.minyi.scoring.estimation.Diagnosis;
import org.minyi.survey.InstrumentCatalog;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundView;
import org.minyi.survey.Target;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A round's results: the district and every township, with intervals, rank sets and target chances. */
@Controller
@RequestMapping("/scoring/rounds/{id}")
@PreAuthorize(ResultsController.VIEW)
class ResultsController {

	static final String VIEW = "hasAnyRole('DISTRICT_ADMIN','SURVEY_SUPERVISOR','LEADER','UNIT_OFFICER')";

	/** Cells with fewer respondents are not shown to unit officers (anonymity, STATISTICS.md §3). */
	static final int MINIMUM_CELL = 10;

	/** A unit's line: its main row, every indicator's row, and its targets. */
	record Line(UnitView unit, ScoreRow main, Map<String, ScoreRow> byIndicator, Target target) {
	}

	private final RoundScoring scoring;

	private final RoundManagement rounds;

	private final InstrumentCatalog instruments;

	private final UnitManagement units;

	private final UnitReports reports;

	private final ResultCharts charts;

	private final Flash flash;

	private final MessageSource messages;

	ResultsController(RoundScoring scoring, UnitReports reports, ResultCharts charts, RoundManagement rounds,
			InstrumentCatalog instruments, UnitManagement units, Flash flash, MessageSource messages) {
		this.scoring = scoring;
		this.reports = reports;
		this.charts = charts;
		this.rounds = rounds;
		this.instruments = instruments;
		this.units = units;
		this.flash = flash;
		this.messages = messages;
	}

	@GetMapping
	String results(@PathVariable long id, Model model) {
		RoundView round = rounds.find(id).orElseThrow(() -> new RecordNotFoundException("round", id));
		model.addAttribute("round", round);
		scoring.latest(id).ifPresent(snapshot -> {
			List<Line> lines = lines(snapshot, round);
			model.addAttribute("snapshot", snapshot);
			model.addAttribute("lines", lines.stream().filter(l -> l.unit().kind() != UnitKind.POLITICAL_LEGAL).toList());
			model.addAttribute("departments", lines.stream().filter(l -> l.unit().kind() == UnitKind.POLITICAL_LEGAL).toList());
			model.addAttribute("rankingChart", charts.ranking(lines.stream().filter(l -> l.unit().kind() == UnitKind.TOWNSHIP).toList()));
			Map<String, String> titles = titles(round);
			List<String> computed = snapshot.rows().stream().map(ScoreRow::indicator).distinct().toList();
			model.addAttribute("indicators", titles.keySet().stream().filter(computed::contains).toList());
			model.addAttribute("titles", titles);
			model.addAttribute("weightingText", weightingText(snapshot, LocaleContextHolder.getLocale()));
		});
		return "scoring/results";
	}

	/** Every number of the snapshot, one row per unit and indicator, for analysts and reports. */
	@GetMapping("/export")
	void export(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
		RoundView round = rounds.find(id).orElseThrow(() -> new RecordNotFoundException("round", id));
		ScoreSnapshot snapshot = scoring.latest(id).orElseThrow(() -> new RecordNotFoundException("results", id));
		List<String> headers = Stream.of("unit.name", "results.indicator", "results.official", "results.estimate.value",
				"results.se", "results.ciLow", "results.ciHigh", "results.n", "results.rank", "results.rankLower", "results.rankUpper",
				"results.probability").map(key -> messages.getMessage(key, null, locale)).toList();
		ExcelDownload.send(response, "results-" + id, messages.getMessage("results.title", null, locale), headers,
				sheet -> lines(snapshot, round).forEach(line -> line.byIndicator().values().forEach(r -> sheet.row(Arrays.asList(
						line.unit().name(), messages.getMessage("indicator." + r.indicator(), null, r.indicator(), locale), r.official(),
						r.estimate(), r.se(), r.ciLow(), r.ciHigh(), r.respondents(), r.rank(), r.rankLower(), r.rankUpper(),
						r.targetProbability())))));
	}

	@PostMapping("/compute")
	@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','SURVEY_SUPERVISOR')")
	String compute(@PathVariable long id, RedirectAttributes redirect) {
		ScoreSnapshot snapshot = scoring.compute(id);
		flash.success(redirect, "results.computed", snapshot.responseCount());
		return "redirect:/scoring/rounds/" + id;
	}

	/** The district first, then townships by rank, then departments by rank. */
	private List<Line> lines(ScoreSnapshot snapshot, RoundView round) {
		Map<Long, UnitView> unitById = units.list(DataScope.wholeDistrict()).stream()
			.collect(Collectors.toMap(UnitView::id, Function.identity()));
		Map<Long, Map<String, ScoreRow>> byUnit = new LinkedHashMap<>();
		snapshot.rows().forEach(r -> byUnit.computeIfAbsent(r.unitId(), u -> new LinkedHashMap<>()).put(r.indicator(), r));
		DataScope scope = CurrentUser.required().dataScope();
		return byUnit.entrySet().stream()
			.filter(e -> unitById.containsKey(e.getKey()) && scope.covers(unitById.get(e.getKey()).path()))
			.map(e -> Map.entry(e.getKey(), scope.districtWide() ? e.getValue() : withoutSmallCells(e.getValue())))
			.map(e -> new Line(unitById.get(e.getKey()), mainRow(unitById.get(e.getKey()), e.getValue(), snapshot), e.getValue(),
					round.targets().stream().filter(t -> t.unitId() == e.getKey()).findFirst().orElse(null)))
			.sorted(Comparator.comparing((Line l) -> l.unit().kind() != UnitKind.DISTRICT)
				.thenComparing(l -> l.unit().kind() == UnitKind.POLITICAL_LEGAL)
				.thenComparingInt(ResultsController::rankOf))
			.toList();
	}

	/** A department is ranked on its own indicator, every other unit on the round's main indicator. */
	private static ScoreRow mainRow(UnitView unit, Map<String, ScoreRow> rows, ScoreSnapshot snapshot) {
		return unit.kind() == UnitKind.POLITICAL_LEGAL ? rows.values().iterator().next() : rows.get(snapshot.mainIndicator());
	}

	/** One unit's results with diagnosis; a unit outside the user's data scope does not exist for them. */
	@GetMapping("/units/{unitId}")
	String unit(@PathVariable long id, @PathVariable long unitId, Model model) {
		DataScope scope = CurrentUser.required().dataScope();
		UnitView unit = units.findById(unitId).filter(u -> scope.covers(u.path()))
			.orElseThrow(() -> new RecordNotFoundException("unit", unitId));
		UnitReport report = reports.of(id, unitId).orElseThrow(() -> new RecordNotFoundException("results", unitId));
		UnitReport shown = scope.districtWide() ? report : withoutSmallGroups(report);
		Map<String, String> titles = titles(report.round());
		Map<String, ScoreRow> ordered = new LinkedHashMap<>();
		titles.keySet().stream().filter(shown.rows()::containsKey).forEach(i -> ordered.put(i, shown.rows().get(i)));
		model.addAttribute("report", shown);
		model.addAttribute("orderedRows", ordered);
		model.addAttribute("titles", titles);
		model.addAttribute("officerView", !scope.districtWide());
		model.addAttribute("radarChart", charts.radar(ordered, shown, titles));
		model.addAttribute("trendChart", charts.trend(report));
		model.addAttribute("communities", units.list(DataScope.wholeDistrict()).stream()
			.filter(u -> u.kind() == UnitKind.COMMUNITY)
			.collect(Collectors.toMap(u -> String.valueOf(u.id()), UnitView::name)));
		model.addAttribute("unitName", unit.name());
		return "scoring/unit";
	}

	/** Unit officers see no group of fewer than {@link #MINIMUM_CELL} respondents. */
	private static UnitReport withoutSmallGroups(UnitReport report) {
		Map<String, List<Diagnosis.GroupEffect>> groups = new LinkedHashMap<>();
		report.groups().forEach((grouping, effects) -> groups.put(grouping,
				effects.stream().filter(e -> e.n() >= MINIMUM_CELL).toList()));
		return new UnitReport(report.round(), report.unit(), report.mainIndicator(), withoutSmallCells(report.rows()),
				report.district(), report.previous(), report.ledger(), report.indicatorGaps(), groups, report.whatIf(), report.target(),
				report.trend());
	}

	/** A unit officer sees no number resting on fewer than {@link #MINIMUM_CELL} respondents. */
	private static Map<String, ScoreRow> withoutSmallCells(Map<String, ScoreRow> rows) {
		Map<String, ScoreRow> shown = new LinkedHashMap<>();
		rows.forEach((indicator, r) -> shown.put(indicator, r.respondents() >= MINIMUM_CELL ? r
				: new ScoreRow(r.unitId(), indicator, null, null, null, null, null, r.respondents(), null, null, null, null)));
		return shown;
	}

	private static int rankOf(Line line) {
		return line.main() == null || line.main().rank() == null ? Integer.MAX_VALUE : line.main().rank();
	}

	/** The snapshot's weighting in words; text recorded before weightings were structured is shown as it is. */
	private String weightingText(ScoreSnapshot snapshot, Locale locale) {
		return snapshot.weighting().map(w -> {
			if (w.margins().isEmpty()) {
				return messages.getMessage("results.weighting.none", new Object[] { deff(w) }, locale);
			}
			String margins = w.margins().stream()
				.map(m -> messages.getMessage("scoring.margin." + m, null, locale))
				.collect(Collectors.joining(messages.getMessage("results.weighting.and", null, locale)));
			if (!w.converged()) {
				return messages.getMessage("results.weighting.notConverged", new Object[] { margins }, locale);
			}
			String trim = w.trimmed() ? messages.getMessage("results.weighting.trim", new Object[] {
					w.trimLow() == null ? "0" : w.trimLow(), w.trimHigh() == null ? "∞" : w.trimHigh() }, locale) : "";
			return messages.getMessage("results.weighting.raked", new Object[] { margins, w.iterations(), trim, deff(w) }, locale);
		}).orElse(snapshot.settings());
	}

	private static String deff(Weighting weighting) {
		return String.format(Locale.ROOT, "%.2f", weighting.kishDeff());
	}

	/** Indicator codes in instrument order (questions, then composites), to their codes or composite titles. */
	private Map<String, String> titles(RoundView round) {
		Map<String, String> titles = new LinkedHashMap<>();
		instruments.find(round.instrumentVersionId()).ifPresent(version -> {
			version.definition().questions().stream().filter(q -> q.indicator() != null)
				.forEach(q -> titles.putIfAbsent(q.indicator(), q.indicator()));
			version.definition().composites().forEach(c -> titles.put(c.code(), c.title()));
		});
		return titles;
	}
}
