package org.minyi.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.platform.audit.AuditEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tampering with the stored trail is detected. Each test tampers inside its own transaction,
 * which is rolled back, so the shared database keeps an intact chain.
 */
@MinyiTest
@Transactional
class AuditTrailTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	private long first;

	private long middle;

	private long last;

	@BeforeEach
	void appendThree() {
		trail.append(AuditEvent.of("test.one", "test", 1, "a"), null);
		trail.append(AuditEvent.of("test.two", "test", 2, "b"), null);
		trail.append(AuditEvent.of("test.three", "test", 3, "c"), null);
		last = jdbc.sql("select max(id) from audit_entry").query(Long.class).single();
		middle = jdbc.sql("select max(id) from audit_entry where id < :id").param("id", last).query(Long.class).single();
		first = jdbc.sql("select max(id) from audit_entry where id < :id").param("id", middle).query(Long.class).single();
	}

	@Test
	void intactChainVerifies() {
		ChainVerification result = trail.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.checked()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void alteredSummaryIsFound() {
		jdbc.sql("update audit_entry set summary = 'nothing happened' where id = :id").param("id", middle).update();
		assertThat(trail.verify()).extracting(ChainVerification::firstBrokenEntry, ChainVerification::reason)
			.containsExactly(middle, "audit.verify.altered");
	}

	@Test
	void alteredRowWithRecomputedPlainHashIsStillFound() {
		// an attacker without the key cannot produce a valid HMAC; a plain SHA-256 does not fit
		jdbc.sql("update audit_entry set username = 'someone', hash = :h where id = :id")
			.param("h", "ab".repeat(32)).param("id", last).update();
		assertThat(trail.verify().firstBrokenEntry()).isEqualTo(last);
	}

	@Test
	void removedRowIsFound() {
		jdbc.sql("delete from audit_entry where id = :id").param("id", middle).update();
		assertThat(trail.verify()).extracting(ChainVerification::firstBrokenEntry, ChainVerification::reason)
			.containsExactly(last, "audit.verify.missing");
	}

	@Test
	void removedNewestRowIsFound() {
		jdbc.sql("delete from audit_entry where id = :id").param("id", last).update();
		assertThat(trail.verify().reason()).isEqualTo("audit.verify.truncated");
	}

	@Test
	void entriesAreChainedInOrder() {
		String firstHash = jdbc.sql("select hash from audit_entry where id = :id").param("id", first).query(String.class).single();
		String middlePrevious = jdbc.sql("select previous_hash from audit_entry where id = :id").param("id", middle)
			.query(String.class).single();
		assertThat(middlePrevious).isEqualTo(firstHash);
	}

	@Test
	void purgeKeepsTheRemainingChainVerifiable() {
		jdbc.sql("update audit_entry set occurred_at = occurred_at - interval '400' day where id <= :id")
			.param("id", first).update();
		int purged = trail.purgeExpired();
		assertThat(purged).isGreaterThan(0);
		assertThat(jdbc.sql("select count(*) from audit_entry where id <= :id").param("id", first).query(Long.class).single())
			.isZero();
		assertThat(trail.verify().intact()).isTrue();
	}
}
