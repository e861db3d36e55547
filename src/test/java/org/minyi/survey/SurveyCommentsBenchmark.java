package org.minyi.survey;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.bench.PageTimings;
import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.platform.Database;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.ObjectMapper;

/**
 * The survey-comment page with a round of 1,000,000 responses (issue 7: within 200 ms). Responses
 * are inserted directly, one in seven with a comment, over the district's townships; the comments
 * are then kept apart by the backfill migration (its time is the upgrade's cost), a few responses
 * invalidated and some comments decided on. Each page (20 comments) goes through the whole web stack. Not part
 * of the normal build: {@code bench/survey-comments.sh h2|pg}.
 */
@Tag("bench")
@MinyiTest
class SurveyCommentsBenchmark {

	private static final int RESPONSES = Integer.getInteger("bench.responses", 1_000_000);

	@Autowired
	RoundManagement rounds;

	@Autowired
	InstrumentCatalog instruments;

	@Autowired
	CommentBackfill backfill;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ObjectMapper json;

	@Autowired
	Database database;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void commentsOfARoundOfAMillionResponses() throws Exception {
		RoundView round = TestRounds.create(rounds, instruments, "comment benchmark", RoundKind.MOCK, Set.of(Mode.WEB));
		List<Long> townships = units.list(DataScope.wholeDistrict()).stream().filter(u -> u.kind() == UnitKind.TOWNSHIP)
			.map(u -> u.id()).toList();
		Random random = new Random(11);
		Timestamp now = Timestamp.from(Instant.now());
		long start = System.nanoTime();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < RESPONSES; i++) {
			var answers = StandardAnswers.complete();
			if (i % 7 == 0) {
				answers.put("Q12", List.of("bench comment " + i + ": streetlights at the north gate have been out for weeks"));
			}
			rows.add(new Object[] { round.id(), round.instrumentVersionId(), townships.get(random.nextInt(townships.size())), now,
					json.writeValueAsString(answers) });
			if (rows.size() == 10_000) {
				insert(rows);
			}
		}
		insert(rows);
		System.out.printf("BENCH inserted %d responses in %.1f s%n", RESPONSES, (System.nanoTime() - start) / 1e9);

		long backfillStart = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			backfill.migrate(connection);
			connection.commit();
		}
		Integer kept = jdbc.queryForObject("select count(*) from response_comment where survey_round = ?", Integer.class, round.id());
		System.out.printf("BENCH backfill kept %d comments of %d responses in %.1f s%n", kept, RESPONSES, (System.nanoTime() - backfillStart) / 1e9);

		jdbc.update("""
				insert into response_invalidation (response_id, reason, invalidated_at)
				select id, 'bench', submitted_at from survey_response where survey_round = ? and mod(id, 100) = 0""", round.id());
		jdbc.update("update response_comment set status = 'TAKEN_UP', reference = 'SQ-BENCH' where survey_round = ? and mod(id, 10) = 1",
				round.id());
		jdbc.update("update response_comment set status = 'SET_ASIDE' where survey_round = ? and mod(id, 10) = 2", round.id());
		// what autovacuum does after a bulk load on PostgreSQL (the visibility map lets counts read the index only)
		jdbc.execute(database.embedded() ? "analyze" : "vacuum analyze response_comment");

		RequestPostProcessor district = user(users.loadUserByUsername("district"));
		String base = "/outreach/comments?round=" + round.id();
		PageTimings.measure(mvc, "survey comments, new, all townships", base, district);
		PageTimings.measure(mvc, "survey comments, new, one township", base + "&township=" + townships.get(0), district);
		PageTimings.measure(mvc, "survey comments, taken up, one township", base + "&status=TAKEN_UP&township=" + townships.get(1), district);
		PageTimings.measure(mvc, "survey comments, new, all townships, page 100", base + "&page=100", district);
	}

	private void insert(List<Object[]> rows) {
		jdbc.batchUpdate("""
				insert into survey_response (survey_round, instrument_version_id, mode, channel, outcome, stratum_unit_id,
				  submitted_at, answers) values (?, ?, 'WEB', 'INVITATION', 'COMPLETE', ?, ?, ?)""", rows);
		rows.clear();
	}
}
