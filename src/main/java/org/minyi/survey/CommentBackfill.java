package org.minyi.survey;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.minyi.survey.instrumentfile.InstrumentFiles;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 29: keeps apart the comments of responses stored before comments were (V28), the
 * same way {@link ResponseIntake} does for new ones. One streaming pass over the responses with
 * batched inserts, in Flyway's transaction; a database without responses passes through at once.
 * Responses that already have comments are passed over, so running it again adds nothing.
 * A Spring bean, which Spring Boot hands to Flyway with the SQL migrations.
 */
@Component
class CommentBackfill implements JavaMigration {

	private static final TypeReference<Map<String, List<String>>> ANSWER_MAP = new TypeReference<>() {
	};

	private static final int BATCH = 1_000;

	private final ObjectMapper json = JsonMapper.builder().build();

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("29");
	}

	@Override
	public String getDescription() {
		return "survey comments of earlier responses";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		migrate(context.getConnection());
	}

	/** The pass itself, on the caller's connection and transaction. */
	void migrate(Connection connection) throws Exception {
		Map<Long, InstrumentDefinition> definitions = definitions(connection);
		try (PreparedStatement read = connection.prepareStatement("""
				select id, survey_round, instrument_version_id, stratum_unit_id, community_unit_id, submitted_at, answers,
				  exists (select 1 from response_invalidation v where v.response_id = r.id)
				from survey_response r
				where not exists (select 1 from response_comment c where c.response_id = r.id) order by id""");
				PreparedStatement insert = connection.prepareStatement("""
						insert into response_comment (response_id, survey_round, question_code, stratum_unit_id, community_unit_id,
						  submitted_at, text, status, invalidated)
						values (?, ?, ?, ?, ?, ?, ?, 'NEW', ?)""")) {
			read.setFetchSize(BATCH);
			int pending = 0;
			try (ResultSet rs = read.executeQuery()) {
				while (rs.next()) {
					pending += addComments(rs, definitions, insert);
					if (pending >= BATCH) {
						insert.executeBatch();
						pending = 0;
					}
				}
			}
			if (pending > 0) {
				insert.executeBatch();
			}
		}
	}

	private int addComments(ResultSet rs, Map<Long, InstrumentDefinition> definitions, PreparedStatement insert) throws SQLException {
		InstrumentDefinition definition = definitions.get(rs.getLong(3));
		if (definition == null) {
			return 0;
		}
		Map<String, String> texts = SurveyComments.textAnswers(definition, Answers.of(json.readValue(rs.getString(7), ANSWER_MAP)));
		for (Map.Entry<String, String> text : texts.entrySet()) {
			insert.setLong(1, rs.getLong(1));
			insert.setLong(2, rs.getLong(2));
			insert.setString(3, text.getKey());
			insert.setObject(4, rs.getObject(4, Long.class));
			insert.setObject(5, rs.getObject(5, Long.class));
			insert.setTimestamp(6, rs.getTimestamp(6));
			insert.setString(7, text.getValue());
			insert.setBoolean(8, rs.getBoolean(8));
			insert.addBatch();
		}
		return texts.size();
	}

	/** The definitions that have text questions, by instrument version. */
	private static Map<Long, InstrumentDefinition> definitions(Connection connection) throws Exception {
		Map<Long, InstrumentDefinition> definitions = new HashMap<>();
		try (PreparedStatement read = connection.prepareStatement("select id, definition from instrument_version");
				ResultSet rs = read.executeQuery()) {
			while (rs.next()) {
				InstrumentDefinition definition = InstrumentFiles
					.read(new ByteArrayInputStream(rs.getString(2).getBytes(StandardCharsets.UTF_8)));
				if (definition.questions().stream().anyMatch(question -> question.type() == QuestionType.TEXT)) {
					definitions.put(rs.getLong(1), definition);
				}
			}
		}
		return definitions;
	}
}
