package org.minyi.survey;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads every submitted response of a round in one streaming pass, the way scoring consumes them
 * (ADR 0005): rows come from the database in chunks, so a million responses never sit in memory.
 */
@Service
public class ResponseReader {

	private static final TypeReference<Map<String, List<String>>> ANSWER_MAP = new TypeReference<>() {
	};

	private static final int FETCH_SIZE = 2_000;

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	ResponseReader(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A stored response; stratum and community are unit ids, null when unknown. */
	public record SubmittedResponse(long id, Mode mode, Channel channel, ResponseOutcome outcome, Long stratumUnitId,
			Long communityUnitId, Answers answers) {
	}

	/** Streams the round's responses in id order, leaving out invalidated ones (a transaction keeps PostgreSQL's cursor open). */
	@Transactional(readOnly = true)
	public void forEach(long roundId, Consumer<SubmittedResponse> consumer) {
		read(roundId, null, consumer);
	}

	/** {@link #forEach} for the responses that came through one channel (e.g. telephone interviews for quality control). */
	@Transactional(readOnly = true)
	public void forEach(long roundId, Channel channel, Consumer<SubmittedResponse> consumer) {
		read(roundId, channel, consumer);
	}

	private void read(long roundId, Channel channel, Consumer<SubmittedResponse> consumer) {
		jdbc.query(connection -> {
			var statement = connection.prepareStatement("""
					select r.id, r.mode, r.channel, r.outcome, r.stratum_unit_id, r.community_unit_id, r.answers
					from survey_response r where r.survey_round = ?
					  and not exists (select 1 from response_invalidation v where v.response_id = r.id)"""
					+ (channel == null ? "" : " and r.channel = ?") + " order by r.id");
			statement.setFetchSize(FETCH_SIZE);
			statement.setLong(1, roundId);
			if (channel != null) {
				statement.setString(2, channel.name());
			}
			return statement;
		}, rs -> {
			consumer.accept(new SubmittedResponse(rs.getLong(1), Mode.valueOf(rs.getString(2)), Channel.valueOf(rs.getString(3)),
					ResponseOutcome.valueOf(rs.getString(4)), rs.getObject(5, Long.class), rs.getObject(6, Long.class),
					Answers.of(json.readValue(rs.getString(7), ANSWER_MAP))));
		});
	}
}
