package org.minyi.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.minyi.scoring.estimation.Diagnosis;
import org.minyi.scoring.estimation.Diagnosis.GroupEffect;
import org.minyi.scoring.estimation.Estimate;
import org.minyi.scoring.estimation.Rankings;
import org.minyi.survey.OfficialResult;
import org.minyi.survey.OfficialResults;
import org.minyi.survey.RoundKind;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundView;
import org.minyi.survey.Target;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds a {@link UnitReport} from a round's latest snapshot, its responses and the earlier rounds. */
@Service
@Transactional(readOnly = true)
public class UnitReports {

	/** The what-if moves a "not very satisfied" answer (30 points) to "satisfied" (80 points). */
	private static final double FROM_POINTS = 30;

	private static final double TO_POINTS = 80;

	private final RoundScoring scoring;

	private final RoundManagement rounds;

	private final UnitManagement units;

	private final OfficialResults officialResults;

	UnitReports(RoundScoring scoring, RoundManagement rounds, UnitManagement units, OfficialResults officialResults) {
		this.scoring = scoring;
		this.rounds = rounds;
		this.units = units;
		this.officialResults = officialResults;
	}

	/** Empty when the round has no results for the unit. */
	public Optional<UnitReport> of(long roundId, long unitId) {
		RoundView round = rounds.find(roundId).orElseThrow(() -> new RecordNotFoundException("round", roundId));
		UnitView unit = units.findById(unitId).orElseThrow(() -> new RecordNotFoundException("unit", unitId));
		Optional<ScoreSnapshot> latest = scoring.latest(roundId);
		if (latest.isEmpty() || rowsOf(latest.get(), unitId).isEmpty()) {
			return Optional.empty();
		}
		ScoreSnapshot snapshot = latest.get();
		Map<String, ScoreRow> rows = rowsOf(snapshot, unitId);
		String main = unit.kind() == UnitKind.POLITICAL_LEGAL ? rows.keySet().iterator().next() : snapshot.mainIndicator();
		Map<String, ScoreRow> district = rowsOf(snapshot, districtOf(round));
		Double target = round.targets().stream()
			.filter(t -> t.unitId() == unitId && t.scoreTarget() != null)
			.map(t -> t.scoreTarget().doubleValue())
			.findFirst()
			.orElse(null);
		Set<Long> scored = snapshot.rows().stream().map(ScoreRow::unitId).collect(Collectors.toSet());
		Set<Long> townships = units.list(DataScope.wholeDistrict()).stream()
			.filter(u -> u.kind() == UnitKind.TOWNSHIP && scored.contains(u.id()))
			.map(UnitView::id)
			.collect(Collectors.toSet());
		ScoringInput input = scoring.input(round, townships);
		boolean[] respondents = unit.kind() == UnitKind.TOWNSHIP ? input.inTownship(unitId) : null;
		return Optional.of(new UnitReport(round, unit, main, rows, district, previous(round, unitId, rows.get(main)),
				ledger(round, unitId), gaps(input, main, rows, district, unit), groups(input, main, respondents),
				unit.kind() == UnitKind.TOWNSHIP ? whatIf(input, main, rows.get(main), target, unitId) : List.of(), target,
				trend(round, unitId, main)));
	}

	private static Map<String, ScoreRow> rowsOf(ScoreSnapshot snapshot, long unitId) {
		Map<String, ScoreRow> rows = new LinkedHashMap<>();
		snapshot.rows().stream().filter(r -> r.unitId() == unitId).forEach(r -> rows.put(r.indicator(), r));
		return rows;
	}

	private long districtOf(RoundView round) {
		return round.targets().stream().map(Target::unitId)
			.filter(id -> units.findById(id).map(u -> u.kind() == UnitKind.DISTRICT).orElse(false))
			.findFirst()
			.orElseThrow();
	}

	/** The fielded rounds before this one, by period, nearest first. */
	private List<RoundView> earlierFielded(RoundView round) {
		return rounds.list().stream()
			.filter(r -> r.kind().isFielded() && r.periodStart().isBefore(round.periodStart()))
			.sorted(Comparator.comparing(RoundView::periodStart).reversed())
			.toList();
	}

	private UnitReport.Previous previous(RoundView round, long unitId, ScoreRow main) {
		for (RoundView earlier : earlierFielded(round)) {
			Map<String, ScoreRow> rows = scoring.latest(earlier.id()).map(s -> rowsOf(s, unitId)).orElse(Map.of());
			ScoreRow before = main == null ? null : rows.get(main.indicator());
			if (before != null && before.estimate() != null) {
				Rankings.Change change = main.estimate() == null ? null
						: Rankings.change(new Estimate(before.estimate(), before.se(), before.respondents()),
								new Estimate(main.estimate(), main.se(), main.respondents()));
				return new UnitReport.Previous(earlier, rows, change);
			}
		}
		return null;
	}

	private UnitReport.Ledger ledger(RoundView round, long unitId) {
		return rounds.list().stream()
			.filter(r -> r.kind() == RoundKind.OFFICIAL && !r.periodStart().isAfter(round.periodEnd()))
			.sorted(Comparator.comparing(RoundView::periodStart).reversed())
			.map(r -> {
				OfficialResult result = officialResults.of(r.id()).get(unitId);
				return result == null ? null : new UnitReport.Ledger(r, result);
			})
			.filter(l -> l != null)
			.findFirst()
			.orElse(null);
	}

	/**
	 * λⱼ·(unitⱼ − districtⱼ) on official-style numbers, for a township only: the district has no gap to
	 * itself, and a department's score is the district's own answers about it.
	 */
	private static Map<String, Double> gaps(ScoringInput input, String main, Map<String, ScoreRow> rows,
			Map<String, ScoreRow> district, UnitView unit) {
		if (unit.kind() != UnitKind.TOWNSHIP) {
			return Map.of();
		}
		Map<String, Double> lambda = new LinkedHashMap<>();
		Map<String, Double> ours = new LinkedHashMap<>();
		Map<String, Double> reference = new LinkedHashMap<>();
		input.weightsOf(main).forEach((indicator, weight) -> {
			ScoreRow own = rows.get(indicator);
			ScoreRow all = district.get(indicator);
			if (own != null && own.official() != null && all != null && all.official() != null) {
				lambda.put(indicator, weight);
				ours.put(indicator, own.official());
				reference.put(indicator, all.official());
			}
		});
		return Diagnosis.indicatorGaps(lambda, ours, reference);
	}

	private static Map<String, List<GroupEffect>> groups(ScoringInput input, String main, boolean[] respondents) {
		double[] scores = input.respondentScores(main);
		Map<String, List<GroupEffect>> groups = new LinkedHashMap<>();
		input.groupings().forEach((grouping, labels) -> {
			boolean[] included = new boolean[scores.length];
			boolean any = false;
			for (int i = 0; i < scores.length; i++) {
				included[i] = (respondents == null || respondents[i]) && !Double.isNaN(scores[i]) && labels[i] != null;
				any |= included[i];
			}
			if (any) {
				groups.put(grouping, Diagnosis.groupEffects(labels, scores, included));
			}
		});
		return groups;
	}

	private static List<UnitReport.WhatIf> whatIf(ScoringInput input, String main, ScoreRow row, Double target, long unitId) {
		if (target == null || row == null || row.official() == null) {
			return List.of();
		}
		List<UnitReport.WhatIf> answers = new ArrayList<>();
		input.weightsOf(main).forEach((indicator, lambda) -> {
			int[] counts = input.validAndNegative(indicator, unitId);
			OptionalInt needed = Diagnosis.answersToReachTarget(row.official(), counts[0], target, 0,
					lambda * (TO_POINTS - FROM_POINTS), counts[1]);
			answers.add(new UnitReport.WhatIf(indicator, counts[0], counts[1], needed.isPresent() ? needed.getAsInt() : null));
		});
		return answers;
	}

	/** Every round up to this one, oldest first: our results for the unit, or what the province published. */
	private List<UnitReport.TrendPoint> trend(RoundView round, long unitId, String main) {
		List<UnitReport.TrendPoint> points = new ArrayList<>();
		rounds.list().stream()
			.filter(r -> !r.periodStart().isAfter(round.periodStart()))
			.sorted(Comparator.comparing(RoundView::periodStart))
			.forEach(r -> {
				if (r.kind() == RoundKind.OFFICIAL) {
					OfficialResult result = officialResults.of(r.id()).get(unitId);
					if (result != null && result.overallScore() != null) {
						points.add(new UnitReport.TrendPoint(r.name(), null, null, null, null, result.overallScore().doubleValue()));
					}
					return;
				}
				scoring.latest(r.id()).map(s -> rowsOf(s, unitId).get(main)).filter(x -> x.estimate() != null)
					.ifPresent(x -> points.add(new UnitReport.TrendPoint(r.name(), x.official(), x.estimate(), x.ciLow(), x.ciHigh(), null)));
			});
		return points;
	}
}
