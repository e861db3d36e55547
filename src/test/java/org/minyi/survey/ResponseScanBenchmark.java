package org.minyi.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.ObjectMapper;

/**
 * Scoring's read of a round at scale (ADR 0005): stores 1,000,000 responses of the standard
 * instrument and times one streaming pass over them with every answer parsed. Not part of the
 * normal build: {@code mvn test -Dtest=ResponseScanBenchmark -Dtest.excludedGroups=} (add
 * {@code SPRING_DATASOURCE_URL=...} for PostgreSQL); figures go to bench/RESULTS.md.
 */
@Tag("bench")
@MinyiTest
class ResponseScanBenchmark {

	private static final int RESPONSES = 1_000_000;

	@Autowired
	ResponseReader reader;

	@Autowired
	RoundManagement rounds;

	@Autowired
	InstrumentCatalog instruments;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void oneMillionResponsesAreReadInOnePass() {
		RoundView created = TestRounds.create(rounds, instruments, "scan benchmark", RoundKind.MOCK, Set.of(Mode.WEB));
		long round = created.id();
		long standard = created.instrumentVersionId();
		String answers = json.writeValueAsString(StandardAnswers.complete());
		long insertStart = System.nanoTime();
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < RESPONSES; i++) {
			rows.add(new Object[] { round, standard, i % 8L, now, answers });
			if (rows.size() == 10_000) {
				insert(rows);
			}
		}
		double insertSeconds = (System.nanoTime() - insertStart) / 1e9;

		AtomicLong answered = new AtomicLong();
		long scanStart = System.nanoTime();
		reader.forEach(round, response -> answered.addAndGet(response.answers().questions().size()));
		double scanSeconds = (System.nanoTime() - scanStart) / 1e9;

		assertThat(answered.get()).isEqualTo((long) RESPONSES * StandardAnswers.complete().size());
		System.out.printf("survey.responses.scan: %d responses (%d answers) inserted in %.1f s, read and parsed in %.1f s = %.0f responses/s%n",
				RESPONSES, answered.get(), insertSeconds, scanSeconds, RESPONSES / scanSeconds);
	}

	private void insert(List<Object[]> rows) {
		jdbc.batchUpdate("""
				insert into survey_response (survey_round, instrument_version_id, mode, channel, outcome, stratum_unit_id,
				  submitted_at, answers) values (?, ?, 'WEB', 'INVITATION', 'COMPLETE', ?, ?, ?)""", rows);
		rows.clear();
	}
}
