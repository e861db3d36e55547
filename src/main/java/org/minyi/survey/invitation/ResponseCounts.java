package org.minyi.survey.invitation;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How fieldwork stands: responses per township, invitations issued and used, answers in progress. */
@Service
@Transactional(readOnly = true)
public class ResponseCounts {

	/** Counts for one township (or, with a null id, responses whose township is unknown). */
	public record StratumCount(Long unitId, long complete, long screenedOut, long openLink, long issued, long used) {
	}

	public record RoundCounts(Map<Long, StratumCount> byStratum, long inProgress) {

		public long complete() {
			return byStratum.values().stream().mapToLong(StratumCount::complete).sum();
		}

		public long screenedOut() {
			return byStratum.values().stream().mapToLong(StratumCount::screenedOut).sum();
		}

		public long issued() {
			return byStratum.values().stream().mapToLong(StratumCount::issued).sum();
		}
	}

	private final JdbcClient jdbc;

	ResponseCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public RoundCounts of(long roundId) {
		Map<Long, long[]> counts = new HashMap<>();
		jdbc.sql("""
				select stratum_unit_id,
				  sum(case when outcome = 'COMPLETE' then 1 else 0 end),
				  sum(case when outcome = 'SCREENED_OUT' then 1 else 0 end),
				  sum(case when channel = 'OPEN_LINK' then 1 else 0 end)
				from survey_response r where survey_round = :round
				  and not exists (select 1 from response_invalidation v where v.response_id = r.id)
				group by stratum_unit_id""")
			.param("round", roundId)
			.query(rs -> {
				long[] c = counts.computeIfAbsent(rs.getObject(1, Long.class), k -> new long[5]);
				c[0] = rs.getLong(2);
				c[1] = rs.getLong(3);
				c[2] = rs.getLong(4);
			});
		jdbc.sql("""
				select b.township_id, count(*), count(i.used_at)
				from invitation i join invitation_batch b on b.id = i.batch_id
				where i.survey_round = :round group by b.township_id""")
			.param("round", roundId)
			.query(rs -> {
				long[] c = counts.computeIfAbsent(rs.getLong(1), k -> new long[5]);
				c[3] = rs.getLong(2);
				c[4] = rs.getLong(3);
			});
		Map<Long, StratumCount> byStratum = new HashMap<>();
		counts.forEach((unit, c) -> byStratum.put(unit, new StratumCount(unit, c[0], c[1], c[2], c[3], c[4])));
		long inProgress = jdbc.sql("select count(*) from response_draft where survey_round = :round").param("round", roundId)
			.query(Long.class)
			.single();
		return new RoundCounts(byStratum, inProgress);
	}
}
