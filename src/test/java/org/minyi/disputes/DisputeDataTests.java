package org.minyi.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.MinyiTest;
import org.minyi.disputes.Disputes.DisputeFilter;
import org.minyi.disputes.Disputes.DisputeView;
import org.minyi.disputes.Disputes.NewDispute;
import org.minyi.disputes.Disputes.Party;
import org.minyi.org.TestUnits;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.PageRequest;
import org.minyi.platform.personal.PersonalData;
import org.minyi.platform.personal.TestPersonalData;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What the module keeps beyond single cases: parties' names and phones follow a key rotation; the demo has a case in every state. */
@MinyiTest
class DisputeDataTests {

	@Autowired
	Disputes disputes;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate batch;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Environment environment;

	@TempDir
	Path dataDir;

	/**
	 * Re-sealed under a new key, a party's name and phone still open; done in a transaction that is
	 * rolled back, so the shared database keeps every other test's parties under the usual key.
	 */
	@Test
	void aKeyRotationReSealsBothTheNameAndThePhoneOfEveryParty() {
		UnitView town = TestUnits.township(units, "sealed town");
		DisputeView dispute = disputes.receive(new NewDispute(town.id(), Disputes.Source.WALK_IN, DisputeType.NEIGHBOUR, RiskLevel.LOW, null, "邻里",
				"基本情况", List.of(new Party("APPLICANT", "吴桂英", "13805720055"), new Party("RESPONDENT", "郑国强", null))),
				DataScope.wholeDistrict());
		String newKey = Base64.getEncoder().encodeToString("n".repeat(32).getBytes());
		String lookup = environment.getRequiredProperty("minyi.keys.lookup");
		PersonalData rotating = TestPersonalData.of(Map.of("minyi.keys.personal", newKey, "minyi.keys.personal-previous",
				environment.getRequiredProperty("minyi.keys.personal"), "minyi.keys.lookup", lookup), dataDir);
		PersonalData afterwards = TestPersonalData.of(Map.of("minyi.keys.personal", newKey, "minyi.keys.lookup", lookup), dataDir);
		transaction.executeWithoutResult(status -> {
			int parties = jdbc.sql("select count(*) from dispute_party").query(Integer.class).single();
			int phones = jdbc.sql("select count(*) from dispute_party where phone_sealed is not null").query(Integer.class).single();
			assertThat(new PartySeals(jdbc, batch).reseal(rotating)).as("every name and every phone (and any another context adds meanwhile)")
				.isGreaterThanOrEqualTo(parties + phones);
			List<String[]> sealed = jdbc.sql("select name_sealed, phone_sealed from dispute_party where dispute_id = :id order by id")
				.param("id", dispute.id())
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
				.list();
			assertThat(afterwards.reveal(sealed.get(0)[0], "dispute", dispute.id(), "test")).isEqualTo("吴桂英");
			assertThat(afterwards.reveal(sealed.get(0)[1], "dispute", dispute.id(), "test")).isEqualTo("13805720055");
			assertThat(afterwards.reveal(sealed.get(1)[0], "dispute", dispute.id(), "test")).isEqualTo("郑国强");
			assertThat(sealed.get(1)[1]).isNull();
			status.setRollbackOnly();
		});
		assertThat(disputes.revealParty(dispute.id(), disputes.parties(dispute.id(), DataScope.wholeDistrict()).get(0).id(),
				DataScope.wholeDistrict()).name()).as("rolled back: the usual key opens it").isEqualTo("吴桂英");
	}

	@Test
	void theDemoHasCasesInEveryState() {
		for (DisputeStatus status : DisputeStatus.values()) {
			assertThat(disputes.list(new DisputeFilter(status, null, null, null, false), DataScope.wholeDistrict(), PageRequest.of(0, 1, null, null))
				.total()).as("%s", status).isPositive();
		}
	}
}
