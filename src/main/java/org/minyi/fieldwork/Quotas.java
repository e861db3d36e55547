package org.minyi.fieldwork;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.minyi.org.AgeGroup;
import org.minyi.org.Gender;
import org.minyi.org.PopulationCell;
import org.minyi.org.UnitManagement;
import org.minyi.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotas of completes per township × gender × age group, planned from the township's population
 * figures. An interview that passes screening reserves a place; completing turns the reservation
 * into a complete, any other ending gives it back. A hard quota admits an interview only while
 * completes + reservations are below the target — one conditional UPDATE, so fifty interviewers
 * screening at the same moment never over-fill it. A soft quota admits anyway and shows the excess.
 */
@Service
@Transactional
public class Quotas {

	public enum Admission {
		/** No quota for this cell: nothing to reserve. */
		NO_QUOTA,
		/** A place was reserved. */
		ADMITTED,
		/** A soft quota is already full; the interview goes on over quota. */
		OVER_SOFT_QUOTA,
		/** A hard quota is full: screen the respondent out politely. */
		FULL
	}

	public record QuotaCell(long townshipId, Gender gender, AgeGroup ageGroup, int target, boolean hard, int completed,
			int reserved) {

		public int fillPercent() {
			return target == 0 ? 100 : Math.round(100f * completed / target);
		}
	}

	private final JdbcClient jdbc;

	private final UnitManagement units;

	Quotas(JdbcClient jdbc, UnitManagement units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	/**
	 * Sets each township's quotas to its completes split over the eight cells in proportion to its
	 * adult population (largest remainders, so the cells add up to the completes). Townships without
	 * population figures get no quotas. Completes already counted are kept.
	 */
	public void plan(long roundId, Map<Long, Integer> completesByTownship, boolean hard) {
		Map<Long, Map<PopulationCell, Integer>> population = units.populationByUnit(DataScope.wholeDistrict());
		completesByTownship.forEach((township, completes) -> {
			Map<PopulationCell, Integer> cells = population.get(township);
			if (cells == null || cells.values().stream().mapToInt(Integer::intValue).sum() == 0) {
				return;
			}
			int[] targets = apportion(completes, PopulationCell.all().stream().mapToInt(c -> cells.getOrDefault(c, 0)).toArray());
			List<PopulationCell> all = PopulationCell.all();
			for (int i = 0; i < all.size(); i++) {
				int updated = jdbc.sql("""
						update quota set target = :target, hard = :hard
						where survey_round = :round and township_id = :township and gender = :gender and age_group = :age""")
					.param("target", targets[i]).param("hard", hard).param("round", roundId).param("township", township)
					.param("gender", all.get(i).gender().name()).param("age", all.get(i).ageGroup().name())
					.update();
				if (updated == 0) {
					jdbc.sql("""
							insert into quota (survey_round, township_id, gender, age_group, target, hard, completed, reserved)
							values (:round, :township, :gender, :age, :target, :hard, 0, 0)""")
						.param("target", targets[i]).param("hard", hard).param("round", roundId).param("township", township)
						.param("gender", all.get(i).gender().name()).param("age", all.get(i).ageGroup().name())
						.update();
				}
			}
		});
	}

	/** {@code total} split in proportion to {@code weights} by largest remainders; the parts add up to {@code total}. */
	static int[] apportion(int total, int[] weights) {
		long sum = 0;
		for (int w : weights) {
			sum += w;
		}
		int[] parts = new int[weights.length];
		double[] remainders = new double[weights.length];
		int given = 0;
		for (int i = 0; i < weights.length; i++) {
			double exact = (double) total * weights[i] / sum;
			parts[i] = (int) Math.floor(exact);
			remainders[i] = exact - parts[i];
			given += parts[i];
		}
		List<Integer> byRemainder = new ArrayList<>();
		for (int i = 0; i < weights.length; i++) {
			byRemainder.add(i);
		}
		byRemainder.sort(Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
		for (int k = 0; given < total; k++, given++) {
			parts[byRemainder.get(k)]++;
		}
		return parts;
	}

	/** Tries to reserve a place for a screened respondent. */
	Admission reserve(long roundId, long townshipId, Gender gender, AgeGroup ageGroup) {
		int reserved = jdbc.sql("""
				update quota set reserved = reserved + 1
				where survey_round = :round and township_id = :township and gender = :gender and age_group = :age
				  and (hard = false or completed + reserved < target)""")
			.param("round", roundId).param("township", townshipId).param("gender", gender.name()).param("age", ageGroup.name())
			.update();
		if (reserved == 1) {
			QuotaCell cell = cell(roundId, townshipId, gender, ageGroup);
			return cell.completed() + cell.reserved() > cell.target() ? Admission.OVER_SOFT_QUOTA : Admission.ADMITTED;
		}
		boolean exists = jdbc.sql("""
				select count(*) from quota where survey_round = :round and township_id = :township and gender = :gender and age_group = :age""")
			.param("round", roundId).param("township", townshipId).param("gender", gender.name()).param("age", ageGroup.name())
			.query(Long.class)
			.single() > 0;
		return exists ? Admission.FULL : Admission.NO_QUOTA;
	}

	/** A reserved interview ended: as a complete, or given back. */
	void settle(long roundId, long townshipId, String gender, String ageGroup, boolean completed) {
		jdbc.sql("""
				update quota set reserved = reserved - 1, completed = completed + :completed
				where survey_round = :round and township_id = :township and gender = :gender and age_group = :age and reserved > 0""")
			.param("completed", completed ? 1 : 0)
			.param("round", roundId).param("township", townshipId).param("gender", gender).param("age", ageGroup)
			.update();
	}

	/** Takes back a complete that was invalidated, so that its place can be filled by a genuine interview. */
	void withdrawComplete(long roundId, long townshipId, String gender, String ageGroup) {
		jdbc.sql("""
				update quota set completed = completed - 1
				where survey_round = :round and township_id = :township and gender = :gender and age_group = :age and completed > 0""")
			.param("round", roundId).param("township", townshipId).param("gender", gender).param("age", ageGroup)
			.update();
	}

	@Transactional(readOnly = true)
	public List<QuotaCell> list(long roundId) {
		return jdbc.sql("select * from quota where survey_round = :round order by township_id, gender, age_group")
			.param("round", roundId)
			.query((rs, n) -> new QuotaCell(rs.getLong("township_id"), Gender.valueOf(rs.getString("gender")),
					AgeGroup.valueOf(rs.getString("age_group")), rs.getInt("target"), rs.getBoolean("hard"), rs.getInt("completed"),
					rs.getInt("reserved")))
			.list();
	}

	private QuotaCell cell(long roundId, long townshipId, Gender gender, AgeGroup ageGroup) {
		return list(roundId).stream()
			.filter(c -> c.townshipId() == townshipId && c.gender() == gender && c.ageGroup() == ageGroup)
			.findFirst()
			.orElseThrow();
	}
}
