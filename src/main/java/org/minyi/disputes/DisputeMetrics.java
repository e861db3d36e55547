package org.minyi.disputes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.minyi.org.UnitManagement;
import org.minyi.platform.security.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dispute figures over a period (by the day received), by unit and by type: cases, outcomes of
 * mediation, the success rate (full agreements of the cases mediation ended), the average days from
 * intake to an agreement, and the high-risk cases still open.
 */
@Service
@Transactional(readOnly = true)
public class DisputeMetrics {

	/** @param key the unit id, or the type's name */
	public record Counts(String key, long cases, long agreements, long partial, long failed, long highRiskOpen, Double averageDaysToSettle) {

		/** Full agreements of the cases whose mediation has an outcome. */
		public Double successRate() {
			long ended = agreements + partial + failed;
			return ended == 0 ? null : (double) agreements / ended;
		}
	}

	public record Metrics(LocalDate from, LocalDate to, List<Counts> byUnit, List<Counts> byType, Counts total) {
	}

	private static final String COUNTS = """
			count(*), sum(case when outcome = 'AGREEMENT' then 1 else 0 end), sum(case when outcome = 'PARTIAL' then 1 else 0 end),
			sum(case when outcome = 'FAILED' then 1 else 0 end),
			sum(case when risk = 'HIGH' and status in ('RECEIVED', 'MEDIATING', 'AGREED', 'PARTIALLY_AGREED') then 1 else 0 end),
			avg(cast(days_to_settle as double precision))""";

	private final JdbcClient jdbc;

	private final UnitManagement units;

	DisputeMetrics(JdbcClient jdbc, UnitManagement units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	public Metrics metrics(LocalDate from, LocalDate to, DataScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = DisputeQueries.where(Disputes.DisputeFilter.none(), scope, params, units) + " and received_on between :from and :to";
		params.addValue("from", from).addValue("to", to);
		List<Counts> byUnit = jdbc.sql("select cast(unit_id as varchar(20)), " + COUNTS + " from dispute" + where + " group by unit_id order by 2 desc")
			.paramSource(params)
			.query(DisputeMetrics::counts)
			.list();
		List<Counts> byType = jdbc.sql("select dispute_type, " + COUNTS + " from dispute" + where + " group by dispute_type order by 2 desc")
			.paramSource(params)
			.query(DisputeMetrics::counts)
			.list();
		Counts total = jdbc.sql("select 'total', " + COUNTS + " from dispute" + where).paramSource(params).query(DisputeMetrics::counts).single();
		return new Metrics(from, to, byUnit, byType, total);
	}

	private static Counts counts(ResultSet rs, int n) throws SQLException {
		Object average = rs.getObject(7);
		return new Counts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
				average == null ? null : ((Number) average).doubleValue());
	}
}
