package org.minyi.scoring;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.scoring.estimation.Diagnosis.GroupEffect;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where work would raise a round's results most: the lowest-scoring townships, the indicators that
 * pull each down against the district, and the communities whose residents pull it down. A read API
 * for the modules that act on it (outreach plans visits from it).
 */
@Service
@Transactional(readOnly = true)
public class FocusAreas {

	/** A community and how much its residents lower the township's main score (negative), with how many answered. */
	public record WeakCommunity(long unitId, int respondents, double contribution) {
	}

	/**
	 * @param weakIndicators indicators whose gap to the district lowers the main score, most harmful first
	 */
	public record Focus(long townshipId, Double score, Integer rank, List<String> weakIndicators, List<WeakCommunity> communities) {
	}

	private static final int INDICATORS_SHOWN = 3;

	private static final int COMMUNITIES_SHOWN = 5;

	private final RoundScoring scoring;

	private final UnitReports reports;

	private final UnitManagement units;

	FocusAreas(RoundScoring scoring, UnitReports reports, UnitManagement units) {
		this.scoring = scoring;
		this.reports = reports;
		this.units = units;
	}

	/** Whether the round has results to choose from. */
	public boolean available(long roundId) {
		return scoring.scored(roundId);
	}

	/** The {@code count} townships with the lowest main estimate in the round's latest results; empty before scoring. */
	public List<Focus> lowestTownships(long roundId, int count) {
		return scoring.latest(roundId).map(snapshot -> snapshot.rows().stream()
			.filter(row -> row.indicator().equals(snapshot.mainIndicator()) && row.estimate() != null)
			.filter(row -> units.findById(row.unitId()).map(u -> u.kind() == UnitKind.TOWNSHIP).orElse(false))
			.sorted(Comparator.comparing(ScoreRow::estimate))
			.limit(count)
			.map(row -> focus(roundId, row))
			.filter(Objects::nonNull)
			.toList()).orElse(List.of());
	}

	private Focus focus(long roundId, ScoreRow row) {
		return reports.of(roundId, row.unitId()).map(report -> new Focus(row.unitId(), row.estimate(), row.rank(),
				report.indicatorGaps().entrySet().stream().filter(gap -> gap.getValue() != null && gap.getValue() < 0)
					.sorted(Map.Entry.comparingByValue()).limit(INDICATORS_SHOWN).map(Map.Entry::getKey).toList(),
				report.groups().getOrDefault("COMMUNITY", List.of()).stream().filter(effect -> effect.contribution() < 0)
					.sorted(Comparator.comparingDouble(GroupEffect::contribution)).limit(COMMUNITIES_SHOWN)
					.map(effect -> new WeakCommunity(Long.parseLong(effect.group()), effect.n(), effect.contribution())).toList()))
			.orElse(null);
	}
}
