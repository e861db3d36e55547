package org.minyi.scoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.minyi.org.AgeGroup;
import org.minyi.org.Gender;
import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.security.DataScope;
import org.minyi.scoring.estimation.Estimate;
import org.minyi.scoring.estimation.Rankings;
import org.minyi.survey.InstrumentCatalog;
import org.minyi.survey.InstrumentDefinition;
import org.minyi.survey.ResponseOutcome;
import org.minyi.survey.ResponseReader;
import org.minyi.survey.RoundClosed;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundView;
import org.minyi.survey.Target;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores a round: reads its complete responses, weights them by township (design weight
 * N_h/n_h from the township's adult population, with the finite population correction), rakes the
 * weights to the district's gender and age-group figures from {@code org}, and stores
 * a snapshot with every indicator for the district and each township — official-style and
 * weighted with SE and 95 % interval — and the townships' ranks with rank sets and the probability
 * of meeting their score targets; each political-legal department with the indicator its settings
 * name, ranked among the departments. Runs when a round closes, and on demand.
 */
@Service
@Transactional
public class RoundScoring {

	private final ResponseReader responses;

	private final RoundManagement rounds;

	private final InstrumentCatalog instruments;

	private final UnitManagement units;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final ScoringSettingsStore settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RoundScoring(ResponseReader responses, RoundManagement rounds, InstrumentCatalog instruments, UnitManagement units,
			ScoringSettingsStore settings, JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events, Clock clock) {
		this.responses = responses;
		this.settings = settings;
		this.rounds = rounds;
		this.instruments = instruments;
		this.units = units;
		this.jdbc = jdbc;
		this.batch = batch;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(RoundClosed closed) {
		if (closed.kind().isFielded()) {
			compute(closed.roundId());
		}
	}

	private static Set<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
	}

	public ScoreSnapshot compute(long roundId) {
		RoundView round = rounds.find(roundId).orElseThrow(() -> new RecordNotFoundException("round", roundId));
		Map<Long, UnitView> townships = new LinkedHashMap<>();
		for (UnitView unit : units.list(DataScope.wholeDistrict())) {
			if (unit.kind() == UnitKind.TOWNSHIP && round.targets().stream().anyMatch(t -> t.unitId() == unit.id())) {
				townships.put(unit.id(), unit);
			}
		}
		ScoringInput input = input(round, townships.keySet());
		Map<Long, Double> population = new HashMap<>();
		townships.values().forEach(t -> {
			if (t.populationTotal() != null) {
				population.put(t.id(), t.populationTotal().doubleValue());
			}
		});
		Map<String, Double> genderTotals = new HashMap<>();
		Map<String, Double> ageTotals = new HashMap<>();
		units.populationByUnit(DataScope.wholeDistrict()).forEach((unit, cells) -> {
			if (townships.containsKey(unit)) {
				cells.forEach((cell, count) -> {
					genderTotals.merge(cell.gender().name(), count.doubleValue(), Double::sum);
					ageTotals.merge(cell.ageGroup().name(), count.doubleValue(), Double::sum);
				});
			}
		});
		ScoringSettings chosen = settings.of(roundId);
		ScoringInput.Designed designed = input.design(population, genderTotals, ageTotals, chosen);
		List<ScoreRow> rows = score(input, designed, new ArrayList<>(townships.keySet()), round);
		rows.addAll(departments(input, designed, chosen, round));
		return store(round, input.size(), rows, input.mainIndicator(), designed.weighting().encode());
	}

	/** The round's complete responses from the given townships, as arrays to estimate on. */
	ScoringInput input(RoundView round, Set<Long> townships) {
		InstrumentDefinition definition = instruments.find(round.instrumentVersionId()).orElseThrow().definition();
		ScoringInput input = ScoringInput.of(definition, names(Gender.values()), names(AgeGroup.values()));
		responses.forEach(round.id(), response -> {
			if (response.outcome() == ResponseOutcome.COMPLETE && townships.contains(response.stratumUnitId())) {
				input.add(response.stratumUnitId(), response.communityUnitId(), response.answers());
			}
		});
		return input;
	}

	/** Whether the round has results, without loading them. */
	@Transactional(readOnly = true)
	public boolean scored(long roundId) {
		return jdbc.sql("select count(*) from score_snapshot where survey_round = :round").param("round", roundId).query(Long.class).single() > 0;
	}

	@Transactional(readOnly = true)
	public Optional<ScoreSnapshot> latest(long roundId) {
		return jdbc.sql("select * from score_snapshot where survey_round = :round order by id desc")
			.param("round", roundId)
			.query((rs, n) -> rs.getLong("id"))
			.stream()
			.findFirst()
			.map(this::load);
	}

	/** Townships without a valid main answer get numbers of "none" and take no part in the ranking. */
	private List<ScoreRow> score(ScoringInput input, ScoringInput.Designed designed, List<Long> townships, RoundView round) {
		long district = round.targets().stream()
			.map(Target::unitId)
			.filter(id -> units.findById(id).map(u -> u.kind() == UnitKind.DISTRICT).orElse(false))
			.findFirst()
			.orElseThrow();
		List<ScoreRow> rows = new ArrayList<>();
		for (String indicator : input.indicators()) {
			rows.add(row(district, indicator, designed, null, null));
		}
		Map<Long, Estimate> mains = new LinkedHashMap<>();
		for (long township : townships) {
			Estimate main = designed.estimate(input.mainIndicator(), township);
			if (main.n() > 0) {
				mains.put(township, main);
			}
		}
		List<Long> ranked = new ArrayList<>(mains.keySet());
		List<Rankings.Rank> ranks = Rankings.rank(mains.values().stream().mapToDouble(Estimate::value).toArray(),
				mains.values().stream().mapToDouble(Estimate::se).toArray(), 0.05);
		for (long township : townships) {
			int position = ranked.indexOf(township);
			Double target = scoreTarget(round, township);
			for (String indicator : input.indicators()) {
				boolean main = indicator.equals(input.mainIndicator());
				rows.add(row(township, indicator, designed, main && position >= 0 ? ranks.get(position) : null, main ? target : null));
			}
		}
		return rows;
	}

	/**
	 * Each political-legal department is scored by its own indicator over the whole district, and ranked
	 * among the departments with the SE of each pairwise difference (the same respondents rate them all).
	 */
	private static List<ScoreRow> departments(ScoringInput input, ScoringInput.Designed designed, ScoringSettings chosen,
			RoundView round) {
		Map<Long, String> scored = new LinkedHashMap<>();
		List<Double> estimates = new ArrayList<>();
		chosen.departmentIndicators().forEach((unit, indicator) -> {
			if (input.indicators().contains(indicator) && round.targets().stream().anyMatch(t -> t.unitId() == unit)) {
				Estimate estimate = designed.estimate(indicator, null);
				if (estimate.n() > 0) {
					scored.put(unit, indicator);
					estimates.add(estimate.value());
				}
			}
		});
		List<String> indicators = new ArrayList<>(scored.values());
		int p = indicators.size();
		double[] theta = estimates.stream().mapToDouble(Double::doubleValue).toArray();
		double[][] differenceSe = new double[p][p];
		for (int j = 0; j < p; j++) {
			for (int k = j + 1; k < p; k++) {
				differenceSe[j][k] = designed.difference(indicators.get(j), indicators.get(k)).se();
				differenceSe[k][j] = differenceSe[j][k];
			}
		}
		List<Rankings.Rank> ranks = Rankings.rank(theta, differenceSe, 0.05);
		List<ScoreRow> rows = new ArrayList<>();
		int j = 0;
		for (Map.Entry<Long, String> department : scored.entrySet()) {
			rows.add(row(department.getKey(), department.getValue(), designed, ranks.get(j++), scoreTarget(round, department.getKey())));
		}
		return rows;
	}

	private static Double scoreTarget(RoundView round, long unit) {
		return round.targets().stream()
			.filter(x -> x.unitId() == unit && x.scoreTarget() != null)
			.map(x -> x.scoreTarget().doubleValue())
			.findFirst()
			.orElse(null);
	}

	private static ScoreRow row(long unit, String indicator, ScoringInput.Designed designed, Rankings.Rank rank, Double target) {
		Long domain = designed.isDistrict(unit) ? null : unit;
		Estimate estimate = designed.estimate(indicator, domain);
		if (estimate.n() == 0) {
			return new ScoreRow(unit, indicator, null, null, null, null, null, 0, null, null, null, null);
		}
		double[] interval = estimate.waldInterval();
		Double probability = target == null || Double.isNaN(estimate.se()) ? null : Rankings.targetProbability(estimate, target);
		return new ScoreRow(unit, indicator, designed.official(indicator, domain), estimate.value(), estimate.se(),
				Math.max(0, interval[0]), Math.min(100, interval[1]), estimate.n(), rank == null ? null : rank.rank(),
				rank == null ? null : rank.lower(), rank == null ? null : rank.upper(), probability);
	}

	private ScoreSnapshot store(RoundView round, int respondents, List<ScoreRow> rows, String main, String settings) {
		Instant now = clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into score_snapshot (survey_round, computed_at, response_count, instrument_version_id, settings, main_indicator)
				values (:round, :at, :count, :version, :settings, :main)""")
			.param("round", round.id())
			.param("at", SqlTimes.bind(now))
			.param("count", respondents)
			.param("version", round.instrumentVersionId())
			.param("settings", settings)
			.param("main", main)
			.update(key, "id");
		long id = key.getKey().longValue();
		batch.batchUpdate("""
				insert into score_result (snapshot_id, unit_id, indicator, official, estimate, se, ci_low, ci_high, respondents,
				  rank_position, rank_lower, rank_upper, target_probability) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				rows.stream().map(r -> new Object[] { id, r.unitId(), r.indicator(), r.official(), r.estimate(), r.se(), r.ciLow(),
						r.ciHigh(), r.respondents(), r.rank(), r.rankLower(), r.rankUpper(), r.targetProbability() }).toList());
		events.publishEvent(AuditEvent.of("scoring.compute", "round", round.id(), "snapshot=" + id + ", responses=" + respondents));
		return load(id);
	}

	private ScoreSnapshot load(long id) {
		List<ScoreRow> rows = jdbc.sql("select * from score_result where snapshot_id = :id order by unit_id, indicator")
			.param("id", id)
			.query(RoundScoring::resultRow)
			.list();
		return jdbc.sql("select * from score_snapshot where id = :id").param("id", id)
			.query((rs, n) -> new ScoreSnapshot(id, rs.getLong("survey_round"), SqlTimes.instant(rs, "computed_at"),
					rs.getInt("response_count"), rs.getLong("instrument_version_id"), rs.getString("settings"),
					rs.getString("main_indicator"), rows))
			.single();
	}

	private static ScoreRow resultRow(ResultSet rs, int n) throws SQLException {
		return new ScoreRow(rs.getLong("unit_id"), rs.getString("indicator"), rs.getObject("official", Double.class),
				rs.getObject("estimate", Double.class), rs.getObject("se", Double.class), rs.getObject("ci_low", Double.class),
				rs.getObject("ci_high", Double.class), rs.getInt("respondents"), rs.getObject("rank_position", Integer.class),
				rs.getObject("rank_lower", Integer.class), rs.getObject("rank_upper", Integer.class),
				rs.getObject("target_probability", Double.class));
	}
}
