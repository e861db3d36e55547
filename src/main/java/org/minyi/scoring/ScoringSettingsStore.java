package org.minyi.scoring;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.scoring.ScoringSettings.CalibrationMargin;
import org.minyi.survey.InstrumentCatalog;
import org.minyi.survey.Question;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundView;
import org.minyi.survey.Target;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes a round's {@link ScoringSettings}; changes are checked and audited. */
@Service
@Transactional
public class ScoringSettingsStore {

	private final JdbcClient jdbc;

	private final RoundManagement rounds;

	private final InstrumentCatalog instruments;

	private final UnitManagement units;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ScoringSettingsStore(JdbcClient jdbc, RoundManagement rounds, InstrumentCatalog instruments, UnitManagement units,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.instruments = instruments;
		this.units = units;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public ScoringSettings of(long roundId) {
		Map<Long, String> departments = new LinkedHashMap<>();
		jdbc.sql("select unit_id, indicator from department_indicator where survey_round = :round order by unit_id")
			.param("round", roundId)
			.query(rs -> {
				departments.put(rs.getLong("unit_id"), rs.getString("indicator"));
			});
		return jdbc.sql("select margins, trim_low, trim_high from scoring_settings where survey_round = :round")
			.param("round", roundId)
			.query((rs, n) -> new ScoringSettings(margins(rs.getString("margins")), rs.getObject("trim_low", Double.class),
					rs.getObject("trim_high", Double.class), departments))
			.optional()
			.orElseGet(() -> new ScoringSettings(ScoringSettings.defaults().margins(), null, null, departments));
	}

	/**
	 * Saves the settings; they apply from the next computation. Trimming needs a margin to re-rake to,
	 * a lower bound above 0 and at most 1 and an upper bound of at least 1, as multiples of the mean weight;
	 * departments must be political-legal units of the round and indicators scores of its instrument.
	 */
	public void save(long roundId, ScoringSettings settings) {
		RoundView round = rounds.find(roundId).orElseThrow(() -> new RecordNotFoundException("round", roundId));
		checkTrimming(settings);
		checkDepartments(round, settings.departmentIndicators());
		jdbc.sql("delete from scoring_settings where survey_round = :round").param("round", roundId).update();
		jdbc.sql("""
				insert into scoring_settings (survey_round, margins, trim_low, trim_high, updated_at)
				values (:round, :margins, :low, :high, :at)""")
			.param("round", roundId)
			.param("margins", settings.margins().stream().map(Enum::name).collect(Collectors.joining(",")))
			.param("low", settings.trimLow())
			.param("high", settings.trimHigh())
			.param("at", SqlTimes.bind(clock.instant()))
			.update();
		jdbc.sql("delete from department_indicator where survey_round = :round").param("round", roundId).update();
		settings.departmentIndicators().forEach((unit, indicator) -> jdbc
			.sql("insert into department_indicator (survey_round, unit_id, indicator) values (:round, :unit, :indicator)")
			.param("round", roundId)
			.param("unit", unit)
			.param("indicator", indicator)
			.update());
		events.publishEvent(AuditEvent.of("scoring.settings", "round", roundId, "margins=" + settings.margins() + ", trim="
				+ settings.trimLow() + ".." + settings.trimHigh() + ", departments=" + settings.departmentIndicators()));
	}

	private static void checkTrimming(ScoringSettings settings) {
		if (!settings.trimmed()) {
			return;
		}
		if (settings.margins().isEmpty()) {
			throw new BusinessRuleException("trimLow", "scoring.settings.error.trimWithoutMargins");
		}
		if (settings.trimLow() != null && !(settings.trimLow() > 0 && settings.trimLow() <= 1)) {
			throw new BusinessRuleException("trimLow", "scoring.settings.error.trimLow");
		}
		if (settings.trimHigh() != null && !(settings.trimHigh() >= 1 && Double.isFinite(settings.trimHigh()))) {
			throw new BusinessRuleException("trimHigh", "scoring.settings.error.trimHigh");
		}
	}

	/** The round's score indicators, in question order: what a department can be scored on. */
	@Transactional(readOnly = true)
	public List<String> scoreIndicators(RoundView round) {
		return instruments.find(round.instrumentVersionId()).orElseThrow().definition().questions().stream()
			.filter(Question::isScored)
			.map(Question::indicator)
			.distinct()
			.toList();
	}

	private void checkDepartments(RoundView round, Map<Long, String> departments) {
		Set<Long> inScope = round.targets().stream().map(Target::unitId).collect(Collectors.toSet());
		List<String> scores = scoreIndicators(round);
		departments.forEach((unit, indicator) -> {
			boolean department = inScope.contains(unit)
					&& units.findById(unit).map(u -> u.kind() == UnitKind.POLITICAL_LEGAL).orElse(false);
			if (!department || !scores.contains(indicator)) {
				throw BusinessRuleException.of("scoring.settings.error.department");
			}
		});
	}

	private static Set<CalibrationMargin> margins(String stored) {
		Set<CalibrationMargin> margins = EnumSet.noneOf(CalibrationMargin.class);
		Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).map(CalibrationMargin::valueOf).forEach(margins::add);
		return margins;
	}
}
