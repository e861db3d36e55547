package org.minyi.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.disputes.Disputes.DisputeView;
import org.minyi.disputes.Disputes.NewDispute;
import org.minyi.disputes.Disputes.Party;
import org.minyi.disputes.Disputes.Session;
import org.minyi.disputes.Disputes.Step;
import org.minyi.MinyiTest;
import org.minyi.org.TestUnits;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.StatusHistory;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Intake of a dispute and the work on it over the database: what intake checks (keeping nothing when
 * it refuses), the parties' sides, the sessions, the history and audit of each step, stale copies,
 * and that nothing of a case is reachable from another township.
 */
@MinyiTest
class DisputeIntakeTests {

	@Autowired
	Disputes disputes;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcClient jdbc;

	UnitView town;

	DataScope officer;

	@BeforeEach
	void township() {
		town = TestUnits.township(units, "intake town");
		officer = TestUnits.officerOf(town);
	}

	@Test
	void aCaseIsTakenInOnlyForAnActiveUnitInTheScope() {
		UnitView community = TestUnits.community(units, town, "closed");
		units.deactivate(community.id(), DataScope.wholeDistrict());
		assertRefused(intake(community.id(), RiskLevel.LOW, new BigDecimal("10")), "unitId", "disputes.error.unit");
		assertRefused(intake(Long.MAX_VALUE, RiskLevel.LOW, null), "unitId", "disputes.error.unit");
		UnitView other = TestUnits.township(units, "other intake town");
		assertRefused(intake(other.id(), RiskLevel.LOW, null), "unitId", "disputes.error.unit");
		assertThat(casesIn(community)).isZero();
		assertThat(casesIn(other)).isZero();
		assertThat(disputes.receive(intake(other.id(), RiskLevel.LOW, null), DataScope.wholeDistrict()).unitId())
			.as("the district takes cases in anywhere").isEqualTo(other.id());
	}

	@Test
	void sourceTypeAndRiskMustBeChosen() {
		List<Party> parties = parties();
		assertRefused(new NewDispute(town.id(), null, DisputeType.LAND, RiskLevel.LOW, null, "s", "d", parties), "type", "disputes.error.choice");
		assertRefused(new NewDispute(town.id(), Disputes.Source.HOTLINE, DisputeType.LAND, null, null, "s", "d", parties), "type",
				"disputes.error.choice");
		assertThat(casesIn(town)).isZero();
	}

	@Test
	void theSummaryAndDescriptionAreRequiredAndLimited() {
		assertRefused(text(" ", "d"), "summary", "disputes.error.required");
		assertRefused(text("s", null), "description", "disputes.error.required");
		assertRefused(text("摘".repeat(201), "d"), "summary", "input.error.tooLong");
		assertRefused(text("s", "述".repeat(4001)), "description", "input.error.tooLong");
		assertThat(casesIn(town)).isZero();
		DisputeView kept = disputes.receive(text("  摘要 ", "述".repeat(4000)), officer);
		assertThat(kept.summary()).isEqualTo("摘要");
		assertThat(kept.description()).hasSize(4000);
	}

	@Test
	void anAmountIsNotNegativeAtMostABillionAndInFen() {
		assertRefused(intake(town.id(), RiskLevel.LOW, new BigDecimal("1000000000.01")), "amount", "disputes.error.amount");
		assertRefused(intake(town.id(), RiskLevel.LOW, new BigDecimal("1.005")), "amount", "disputes.error.amount");
		assertThat(casesIn(town)).isZero();
		assertThat(disputes.receive(intake(town.id(), RiskLevel.LOW, new BigDecimal("1000000000")), officer).amount())
			.isEqualByComparingTo("1000000000");
		assertThat(disputes.receive(intake(town.id(), RiskLevel.LOW, BigDecimal.ZERO), officer).amount()).isEqualByComparingTo("0");
		assertThat(disputes.receive(intake(town.id(), RiskLevel.LOW, null), officer).amount()).isNull();
	}

	@Test
	void twoNamedPartiesAreNeededAndATooLongNameKeepsNothing() {
		assertRefused(withParties(List.of(new Party("APPLICANT", "张三", null), new Party("RESPONDENT", "  ", "13805720001"))), "parties",
				"disputes.error.parties");
		assertRefused(withParties(List.of(new Party("APPLICANT", "张三", null), new Party("RESPONDENT", "名".repeat(51), null))), "parties",
				"input.error.tooLong");
		assertThat(casesIn(town)).as("the case written before its parties is rolled back").isZero();
		assertThat(jdbc.sql("select count(*) from dispute_party p join dispute d on d.id = p.dispute_id where d.unit_id = :unit")
			.param("unit", town.id()).query(Long.class).single()).isZero();
	}

	@Test
	void aPartyIsARespondentOnlyWhenSaidSoAndEmptyNamesAreLeftOut() {
		DisputeView dispute = disputes.receive(withParties(List.of(new Party(null, "张三", null), new Party("RESPONDENT", "李四", null),
				new Party("whatever", "王五", null), new Party("RESPONDENT", "", null))), officer);
		assertThat(disputes.parties(dispute.id(), officer)).extracting(Disputes.PartyView::side, Disputes.PartyView::nameMasked)
			.containsExactly(tuple("APPLICANT", "张*"), tuple("RESPONDENT", "李*"), tuple("APPLICANT", "王*"));
	}

	@Test
	void aCaseIsReferencedByTheDayItCameInAndOnlyHighRiskIsEscalated() {
		DisputeView medium = disputes.receive(intake(town.id(), RiskLevel.MEDIUM, null), officer);
		assertThat(medium.reference()).startsWith("MJ" + disputes.today().format(DateTimeFormatter.BASIC_ISO_DATE) + "-");
		assertThat(medium.receivedOn()).isEqualTo(disputes.today());
		assertThat(medium.escalatedAt()).isNull();
		assertThat(medium.status()).isEqualTo(DisputeStatus.RECEIVED);
		assertThat(audits("disputes.receive", medium.id())).isEqualTo(1);
		assertThat(audits("disputes.escalate", medium.id())).isZero();
		DisputeView other = disputes.receive(intake(town.id(), RiskLevel.MEDIUM, null), officer);
		assertThat(other.reference()).isNotEqualTo(medium.reference());
	}

	@Test
	void everyStepIsAuditedAndWrittenInTheHistory() {
		DisputeView dispute = disputes.receive(intake(town.id(), RiskLevel.LOW, null), officer);
		DisputeView mediating = disputes.act(dispute.id(), DisputeAction.START_MEDIATION, new Step(MediationType.PEOPLES, " 周调解员 ", null, null, null),
				dispute.version(), officer);
		assertThat(mediating.mediationType()).isEqualTo(MediationType.PEOPLES);
		DisputeView referred = disputes.act(dispute.id(), DisputeAction.REFER, new Step(null, null, Referral.ARBITRATION, null, " 申请劳动仲裁 "),
				mediating.version(), officer);
		assertThat(referred.referral()).isEqualTo(Referral.ARBITRATION);
		assertThat(referred.outcome()).isEqualTo("FAILED");
		assertThat(disputes.history(dispute.id(), officer)).extracting(StatusHistory.Entry::action, StatusHistory.Entry::status,
				StatusHistory.Entry::comment)
			.containsExactly(tuple("RECEIVE", DisputeStatus.RECEIVED, null), tuple("START_MEDIATION", DisputeStatus.MEDIATING, "周调解员"),
					tuple("REFER", DisputeStatus.REFERRED, "申请劳动仲裁"));
		assertThat(audits("disputes.start_mediation", dispute.id())).isEqualTo(1);
		assertThat(audits("disputes.refer", dispute.id())).isEqualTo(1);
	}

	@Test
	void aStepOnAStaleCopyIsRefusedAndChangesNothing() {
		DisputeView dispute = disputes.receive(intake(town.id(), RiskLevel.LOW, null), officer);
		disputes.act(dispute.id(), DisputeAction.START_MEDIATION, new Step(MediationType.PEOPLES, "甲", null, null, null), dispute.version(), officer);
		assertThatThrownBy(() -> disputes.act(dispute.id(), DisputeAction.WITHDRAW, new Step(null, null, null, null, "撤回"), dispute.version(), officer))
			.hasMessage("disputes.error.stale");
		assertThat(disputes.find(dispute.id(), officer).status()).isEqualTo(DisputeStatus.MEDIATING);
		assertThat(disputes.history(dispute.id(), officer)).hasSize(2);
	}

	@Test
	void sessionsAreDatedWithinTheCaseNeedParticipantsAndNotesAndAreListedByDay() {
		DisputeView dispute = disputes.receive(intake(town.id(), RiskLevel.LOW, null), officer);
		// received three days ago, as the demo records its cases
		jdbc.sql("update dispute set received_on = :day where id = :id").param("day", disputes.today().minusDays(3)).param("id", dispute.id())
			.update();
		DisputeView mediating = disputes.act(dispute.id(), DisputeAction.START_MEDIATION, new Step(MediationType.PEOPLES, "甲", null, null, null),
				dispute.version(), officer);
		assertThatThrownBy(() -> disputes.addSession(dispute.id(), disputes.today().plusDays(1), "双方", "记录", officer)).hasMessage("disputes.error.day");
		assertThatThrownBy(() -> disputes.addSession(dispute.id(), null, "双方", "记录", officer)).hasMessage("disputes.error.day");
		assertThatThrownBy(() -> disputes.addSession(dispute.id(), disputes.today().minusDays(4), "双方", "记录", officer))
			.as("not before the case came in").hasMessage("disputes.error.day");
		assertThatThrownBy(() -> disputes.addSession(dispute.id(), disputes.today(), " ", "记录", officer)).hasMessage("disputes.error.required");
		assertThatThrownBy(() -> disputes.addSession(dispute.id(), disputes.today(), "双方", "", officer)).hasMessage("disputes.error.required");
		assertThatThrownBy(() -> disputes.addSession(dispute.id(), disputes.today(), "人".repeat(501), "记录", officer))
			.hasMessage("input.error.tooLong");
		assertThat(disputes.sessions(dispute.id(), officer)).isEmpty();
		disputes.addSession(dispute.id(), disputes.today(), "第二次", "再次调解", officer);
		disputes.addSession(dispute.id(), disputes.today().minusDays(2), " 第一次 ", "初次调解", officer);
		assertThat(disputes.sessions(dispute.id(), officer)).extracting(Session::heldOn, Session::participants)
			.containsExactly(tuple(disputes.today().minusDays(2), "第一次"), tuple(disputes.today(), "第二次"));
		assertThat(disputes.history(dispute.id(), officer)).extracting(StatusHistory.Entry::action).filteredOn("SESSION"::equals).hasSize(2);
		assertThat(disputes.find(dispute.id(), officer).version()).as("a session does not move the case").isEqualTo(mediating.version());
	}

	@Test
	void anotherTownshipReachesNothingOfTheCase() {
		DisputeView dispute = disputes.receive(intake(town.id(), RiskLevel.LOW, null), officer);
		disputes.act(dispute.id(), DisputeAction.START_MEDIATION, new Step(MediationType.PEOPLES, "甲", null, null, null), dispute.version(), officer);
		long party = disputes.parties(dispute.id(), officer).get(0).id();
		DataScope other = TestUnits.officerOf(TestUnits.township(units, "nosy town"));
		assertThatThrownBy(() -> disputes.sessions(dispute.id(), other)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> disputes.history(dispute.id(), other)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> disputes.revealParty(dispute.id(), party, other)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> disputes.addSession(dispute.id(), disputes.today(), "x", "y", other)).isInstanceOf(RecordNotFoundException.class);
		assertThat(disputes.sessions(dispute.id(), officer)).isEmpty();
		assertThat(audits("personal.reveal", dispute.id())).isZero();
		UnitView community = TestUnits.community(units, town, "below");
		assertThatThrownBy(() -> disputes.find(dispute.id(), TestUnits.officerOf(community))).as("nor does a unit below the case's")
			.isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void revealingAPartyReadsOnlyThatCasesPartiesAndAuditsWhatWasRead() {
		DisputeView dispute = disputes.receive(withParties(List.of(new Party("APPLICANT", "陈小明", null), new Party("RESPONDENT", "刘大伟",
				"13805720002"))), officer);
		DisputeView another = disputes.receive(intake(town.id(), RiskLevel.LOW, null), officer);
		long noPhone = disputes.parties(dispute.id(), officer).get(0).id();
		long foreignParty = disputes.parties(another.id(), officer).get(0).id();
		assertThatThrownBy(() -> disputes.revealParty(dispute.id(), foreignParty, officer)).isInstanceOf(RecordNotFoundException.class);
		assertThat(audits("personal.reveal", dispute.id())).isZero();
		Party revealed = disputes.revealParty(dispute.id(), noPhone, officer);
		assertThat(revealed.name()).isEqualTo("陈小明");
		assertThat(revealed.phone()).isEmpty();
		assertThat(audits("personal.reveal", dispute.id())).as("only the name was read").isEqualTo(1);
	}

	private long casesIn(UnitView unit) {
		return jdbc.sql("select count(*) from dispute where unit_id = :unit").param("unit", unit.id()).query(Long.class).single();
	}

	private long audits(String action, long id) {
		return jdbc.sql("select count(*) from audit_entry where action = :action and target_id = :id").param("action", action)
			.param("id", String.valueOf(id)).query(Long.class).single();
	}

	private void assertRefused(NewDispute dispute, String field, String messageKey) {
		assertThatThrownBy(() -> disputes.receive(dispute, officer)).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
			assertThat(e.messageKey()).isEqualTo(messageKey);
			assertThat(e.field()).isEqualTo(field);
		});
	}

	private NewDispute intake(long unit, RiskLevel risk, BigDecimal amount) {
		return new NewDispute(unit, Disputes.Source.VISIT, DisputeType.FAMILY, risk, amount, "赡养纠纷", "子女赡养费分担", parties());
	}

	private NewDispute text(String summary, String description) {
		return new NewDispute(town.id(), Disputes.Source.VISIT, DisputeType.FAMILY, RiskLevel.LOW, null, summary, description, parties());
	}

	private NewDispute withParties(List<Party> parties) {
		return new NewDispute(town.id(), Disputes.Source.WALK_IN, DisputeType.NEIGHBOUR, RiskLevel.LOW, null, "邻里", "基本情况", parties);
	}

	private static List<Party> parties() {
		return List.of(new Party("APPLICANT", "赵一", "13805720009"), new Party("RESPONDENT", "钱二", null));
	}
}
