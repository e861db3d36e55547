package org.minyi.org;

import java.time.Instant;
import java.util.Map;

/**
 * A unit as other modules and pages see it.
 *
 * @param path       materialised path of ids, e.g. {@code /1/5/23/}
 * @param population figures by gender × age group; empty when only a total is known
 */
public record UnitView(long id, String code, String name, UnitKind kind, Long parentId, String path, String leaderName,
		String contactPhone, Integer populationTotal, Map<PopulationCell, Integer> population, boolean active,
		Instant updatedAt) {

	public UnitView {
		population = Map.copyOf(population);
	}

	/** Depth in the tree: the district is 0. */
	public int depth() {
		return (int) path.chars().filter(c -> c == '/').count() - 2;
	}

	public Integer populationOf(Gender gender, AgeGroup ageGroup) {
		return population.get(new PopulationCell(gender, ageGroup));
	}

	/** Sum of the breakdown, or null when there is none. */
	public Integer populationBreakdownSum() {
		return population.isEmpty() ? null : population.values().stream().mapToInt(Integer::intValue).sum();
	}
}
