package org.minyi.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MinyiTest
class PersonalDataTests {

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aValueIsStoredSealedFoundByItsHashAndEveryRevealIsAudited() {
		PersonalData.Protected stored = personalData.protect("13812341234");
		PersonalData.Protected again = personalData.protect("13812341234");
		assertThat(stored.sealed()).doesNotContain("13812341234").isNotEqualTo(again.sealed());
		assertThat(stored.hash()).as("the same number is recognised again").isEqualTo(again.hash())
			.isEqualTo(personalData.hash("13812341234")).isNotEqualTo(personalData.hash("13812341235")).hasSize(64);
		long targetId = System.nanoTime();
		assertThat(personalData.reveal(stored.sealed(), "frame_number", targetId, "call")).isEqualTo("13812341234");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'personal.reveal' and target_id = :id")
			.param("id", String.valueOf(targetId)).query(Long.class).single()).isEqualTo(1);
	}
}
