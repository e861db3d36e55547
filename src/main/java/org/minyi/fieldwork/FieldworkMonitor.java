package org.minyi.fieldwork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.minyi.platform.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's live view of a round's telephone fieldwork: per township the sample released
 * and in reserve, cases attempted, completes against the target, each case's current disposition,
 * the AAPOR rates (STATISTICS.md §6) — released cases never dialled count as "not attempted"
 * (3.11, unknown eligibility) — and the Chinese "success rate" (completes ÷ cases where someone answered,
 * not an AAPOR rate); and per interviewer their productivity.
 */
@Service
@Transactional(readOnly = true)
public class FieldworkMonitor {

	public record Progress(Long townshipId, int target, long released, long reserve, long attempted, long connected,
			Map<Disposition, Long> dispositions) {

		public long completes() {
			return dispositions.getOrDefault(Disposition.COMPLETE, 0L);
		}

		public AaporRates rates() {
			Map<AaporGroup, Long> groups = new EnumMap<>(AaporGroup.class);
			dispositions.forEach((d, n) -> groups.merge(d.group(), n, Long::sum));
			return AaporRates.of(groups);
		}

		/** The Chinese success rate: completes ÷ cases where a person answered; NaN before any contact. */
		public double successRate() {
			return (double) completes() / connected;
		}

		public int completesPercent() {
			return target == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * completes() / target));
		}

		Progress plus(Progress other) {
			Map<Disposition, Long> sum = new EnumMap<>(Disposition.class);
			sum.putAll(dispositions);
			other.dispositions.forEach((d, n) -> sum.merge(d, n, Long::sum));
			return new Progress(null, target + other.target, released + other.released, reserve + other.reserve,
					attempted + other.attempted, connected + other.connected, sum);
		}
	}

	/**
	 * @param hours time from first to last attempt of each day worked, added up
	 */
	public record Productivity(String interviewer, long calls, long completes, long refusals, long connected, double hours,
			Double averageInterviewMinutes) {

		public double callsPerHour() {
			return hours == 0 ? Double.NaN : calls / hours;
		}

		/** Refusals and break-offs among the calls where someone answered. */
		public double refusalRate() {
			return (double) refusals / connected;
		}
	}

	public record Monitor(List<Progress> townships, Progress total, List<Quotas.QuotaCell> quotas, List<Productivity> interviewers) {
	}

	private static final String CONNECTED = connectedList();

	private final JdbcClient jdbc;

	private final Quotas quotas;

	FieldworkMonitor(JdbcClient jdbc, Quotas quotas) {
		this.jdbc = jdbc;
		this.quotas = quotas;
	}

	public Monitor monitor(long roundId) {
		Map<Long, Integer> targets = new TreeMap<>();
		jdbc.sql("""
				select t.township_id, sum(t.completes) from draw_target t join sample_draw d on d.id = t.draw_id
				where d.survey_round = :round group by t.township_id""")
			.param("round", roundId)
			.query(rs -> {
				targets.put(rs.getLong(1), rs.getInt(2));
			});
		Map<Long, long[]> counts = new TreeMap<>();
		jdbc.sql("""
				select township_id, sum(case when status = 'RESERVE' then 1 else 0 end),
				  sum(case when status <> 'RESERVE' then 1 else 0 end), sum(case when attempts > 0 then 1 else 0 end)
				from call_case where survey_round = :round group by township_id""")
			.param("round", roundId)
			.query(rs -> {
				counts.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), 0 });
			});
		jdbc.sql("select c.township_id, count(distinct a.case_id) from call_attempt a join call_case c on c.id = a.case_id "
				+ "where c.survey_round = :round and a.disposition in (" + CONNECTED + ") group by c.township_id")
			.param("round", roundId)
			.query(rs -> {
				counts.computeIfAbsent(rs.getLong(1), t -> new long[4])[3] = rs.getLong(2);
			});
		Map<Long, Map<Disposition, Long>> dispositions = new TreeMap<>();
		jdbc.sql("""
				select township_id, coalesce(last_disposition, 'NOT_ATTEMPTED'), count(*) from call_case
				where survey_round = :round and status <> 'RESERVE' group by township_id, coalesce(last_disposition, 'NOT_ATTEMPTED')""")
			.param("round", roundId)
			.query(rs -> {
				dispositions.computeIfAbsent(rs.getLong(1), t -> new EnumMap<>(Disposition.class))
					.put(Disposition.valueOf(rs.getString(2)), rs.getLong(3));
			});
		List<Progress> townships = new ArrayList<>();
		Progress total = new Progress(null, 0, 0, 0, 0, 0, new EnumMap<>(Disposition.class));
		for (Long township : union(targets.keySet(), counts.keySet())) {
			long[] c = counts.getOrDefault(township, new long[4]);
			Progress progress = new Progress(township, targets.getOrDefault(township, 0), c[1], c[0], c[2], c[3],
					dispositions.getOrDefault(township, new EnumMap<>(Disposition.class)));
			townships.add(progress);
			total = total.plus(progress);
		}
		return new Monitor(townships, total, quotas.list(roundId), productivity(roundId));
	}

	/** Interviewer productivity alone (the export of that table needs nothing else). */
	public List<Productivity> productivity(long roundId) {
		Map<String, Double> hours = new TreeMap<>();
		jdbc.sql("""
				select a.interviewer, min(a.started_at) as first_at, max(a.ended_at) as last_at
				from call_attempt a join call_case c on c.id = a.case_id
				where c.survey_round = :round group by a.interviewer, cast(a.started_at as date)""")
			.param("round", roundId)
			.query(rs -> {
				Duration worked = Duration.between(SqlTimes.instant(rs, "first_at"), SqlTimes.instant(rs, "last_at"));
				hours.merge(rs.getString(1), worked.toSeconds() / 3600.0, Double::sum);
			});
		return jdbc.sql("select a.interviewer, count(*), "
				+ "sum(case when a.disposition = 'COMPLETE' and a.invalidated_at is null then 1 else 0 end), "
				+ "sum(case when a.disposition in ('REFUSAL', 'SOFT_REFUSAL', 'BREAK_OFF') then 1 else 0 end), "
				+ "sum(case when a.disposition in (" + CONNECTED + ") then 1 else 0 end), "
				+ "avg(case when a.disposition = 'COMPLETE' and a.invalidated_at is null then a.interview_seconds end) "
				+ "from call_attempt a join call_case c on c.id = a.case_id where c.survey_round = :round "
				+ "group by a.interviewer order by a.interviewer")
			.param("round", roundId)
			.query((rs, n) -> {
				double average = rs.getDouble(6);
				return new Productivity(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						hours.getOrDefault(rs.getString(1), 0.0), rs.wasNull() ? null : average / 60);
			})
			.list();
	}

	private static List<Long> union(Set<Long> a, Set<Long> b) {
		TreeSet<Long> all = new TreeSet<>(a);
		all.addAll(b);
		return new ArrayList<>(all);
	}

	/** The dispositions where a person answered, as an SQL list of literals (enum names only, never user input). */
	private static String connectedList() {
		return Arrays.stream(Disposition.values())
			.filter(Disposition::connected)
			.map(d -> "'" + d.name() + "'")
			.collect(Collectors.joining(", "));
	}
}
