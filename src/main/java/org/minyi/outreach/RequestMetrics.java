package org.minyi.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.minyi.org.UnitManagement;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.security.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How units handle citizen requests over a period (by the day received): received, owed an answer
 * by now, answered, answered within the deadline, closed, followed up, and residents satisfied on the follow-up;
 * per unit, in total, and month by month. A unit officer sees their subtree.
 */
@Service
@Transactional(readOnly = true)
public class RequestMetrics {

	/**
	 * Counts of one unit (or of all, with unit id 0), and the rates that matter.
	 *
	 * @param owed requests whose answer is owed by now: answered, or past the deadline (dismissed ones are not owed)
	 */
	public record Counts(long unitId, long received, long owed, long answered, long answeredInTime, long closed, long followedUp,
			long satisfied) {

		/** Answered within the deadline, of those that had to be answered by now (open ones not yet due are left out). */
		public Double inTimeRate() {
			return rate(answeredInTime, owed);
		}

		/** Satisfied or basically satisfied, of those followed up. */
		public Double satisfactionRate() {
			return rate(satisfied, followedUp);
		}

		/** The sum, under this one's unit. */
		Counts plus(Counts other) {
			return new Counts(unitId, received + other.received, owed + other.owed, answered + other.answered, answeredInTime + other.answeredInTime,
					closed + other.closed, followedUp + other.followedUp, satisfied + other.satisfied);
		}

		private static Double rate(long part, long whole) {
			return whole == 0 ? null : (double) part / whole;
		}
	}

	public record MonthCounts(YearMonth month, Counts counts) {
	}

	public record Metrics(LocalDate from, LocalDate to, List<Counts> units, Counts total, List<MonthCounts> trend) {
	}

	private static final String COUNTS = """
			count(*), sum(case when status <> 'DISMISSED' and (first_resolved_at is not null or due_date < :today) then 1 else 0 end),
			sum(case when first_resolved_at is not null then 1 else 0 end),
			sum(case when answered_in_time then 1 else 0 end), sum(case when status = 'CLOSED' then 1 else 0 end),
			sum(case when followed_up_at is not null then 1 else 0 end),
			sum(case when satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') then 1 else 0 end)""";

	private final JdbcClient jdbc;

	private final UnitManagement units;

	private final Clock clock;

	RequestMetrics(JdbcClient jdbc, UnitManagement units, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.clock = clock;
	}

	/** Requests received from {@code from} to {@code to} (both included, district days). */
	public Metrics metrics(LocalDate from, LocalDate to, DataScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("from", SqlTimes.bind(from.atStartOfDay(CitizenRequests.DISTRICT_ZONE).toInstant()))
			.addValue("to", SqlTimes.bind(to.plusDays(1).atStartOfDay(CitizenRequests.DISTRICT_ZONE).toInstant()))
			.addValue("today", LocalDate.now(clock.withZone(CitizenRequests.DISTRICT_ZONE)));
		String where = " where received_at >= :from and received_at < :to";
		if (!scope.districtWide()) {
			where += " and unit_id in (:units)";
			params.addValue("units", units.subtreeIds(scope));
		}
		// one pass over the period, by unit and month; the two views and the total are sums of its rows
		Map<Long, Counts> byUnit = new HashMap<>();
		Map<YearMonth, Counts> byMonth = new TreeMap<>();
		jdbc.sql("select coalesce(unit_id, 0), received_month, " + COUNTS + " from citizen_request" + where + " group by unit_id, received_month")
			.paramSource(params)
			.query(rs -> {
				long unit = rs.getLong(1);
				int month = rs.getInt(2);
				byUnit.merge(unit, counts(rs, unit), Counts::plus);
				byMonth.merge(YearMonth.of(month / 100, month % 100), counts(rs, 0), Counts::plus);
			});
		List<Counts> sorted = new ArrayList<>(byUnit.values());
		sorted.sort(Comparator.comparingLong(Counts::received).reversed().thenComparingLong(Counts::unitId));
		Counts total = sorted.stream().reduce(new Counts(0, 0, 0, 0, 0, 0, 0, 0), Counts::plus);
		List<MonthCounts> trend = byMonth.entrySet().stream().map(e -> new MonthCounts(e.getKey(), e.getValue())).toList();
		return new Metrics(from, to, sorted, total, trend);
	}

	/** Counts from the columns after the unit and month. */
	private static Counts counts(ResultSet rs, long unit) throws SQLException {
		return new Counts(unit, rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
	}
}
