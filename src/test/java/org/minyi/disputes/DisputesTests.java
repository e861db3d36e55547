package org.minyi.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.Message;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.NoticesDelivered;
import org.minyi.TestMailServer;
import org.minyi.access.AccountManagement;
import org.minyi.access.Role;
import org.minyi.disputes.Disputes.DisputeView;
import org.minyi.disputes.Disputes.NewDispute;
import org.minyi.disputes.Disputes.Party;
import org.minyi.disputes.Disputes.Step;
import org.minyi.notices.Notices;
import org.minyi.org.TestUnits;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.StatusHistory;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.mail.MailOutbox;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Disputes over the real database: intake to a kept agreement, escalation of high risk, refusals, scope, sealed parties, figures. */
@MinyiTest
class DisputesTests {

	private static final DataScope DISTRICT = DataScope.wholeDistrict();

	@Autowired
	Disputes disputes;

	@Autowired
	DisputeMetrics metrics;

	@Autowired
	UnitManagement units;

	@Autowired
	AccountManagement accounts;

	@Autowired
	MailOutbox outbox;

	@Autowired
	Notices notices;

	@Autowired
	JdbcClient jdbc;

	UnitView town;

	DataScope officer;

	@BeforeEach
	void township() {
		town = TestUnits.township(units, "dispute town");
		officer = TestUnits.officerOf(town);
	}

	@Test
	void aDisputeIsMediatedToAnAgreementThatIsKept() {
		DisputeView dispute = disputes.receive(dispute(RiskLevel.LOW, "楼上漏水"), officer);
		assertThat(dispute.status()).isEqualTo(DisputeStatus.RECEIVED);
		assertThat(dispute.reference()).matches("MJ\\d{8}-[2-9A-Z]{5}");
		assertThat(dispute.escalatedAt()).isNull();
		assertThatThrownBy(() -> act(dispute, DisputeAction.START_MEDIATION, new Step(null, "张调解员", null, null, null)))
			.hasMessage("disputes.error.mediationType");
		DisputeView mediating = act(dispute, DisputeAction.START_MEDIATION, new Step(MediationType.PEOPLES, "张调解员", null, null, null));
		assertThatThrownBy(() -> disputes.addSession(dispute.id(), dispute.receivedOn().minusDays(1), "双方", "记录", officer))
			.as("a session before the case came in").hasMessage("disputes.error.day");
		disputes.addSession(dispute.id(), disputes.today(), "双方及调解员", "释法明理，双方同意协商", officer);
		assertThatThrownBy(() -> act(mediating, DisputeAction.AGREE, new Step(null, null, null, disputes.today(), " ")))
			.hasMessage("disputes.error.comment");
		assertThatThrownBy(() -> act(mediating, DisputeAction.AGREE, new Step(null, null, null, disputes.today().plusDays(1), "x")))
			.hasMessage("disputes.error.day");
		DisputeView agreed = act(mediating, DisputeAction.AGREE, new Step(null, null, null, disputes.today(), "赔偿1500元"));
		assertThat(agreed.outcome()).isEqualTo("AGREEMENT");
		assertThatThrownBy(() -> disputes.addSession(dispute.id(), disputes.today(), "x", "y", officer)).hasMessage("disputes.error.notMediating");
		DisputeView closed = act(agreed, DisputeAction.CONFIRM_FULFILMENT, new Step(null, null, null, disputes.today(), null));
		assertThat(closed.status()).isEqualTo(DisputeStatus.CLOSED);
		assertThat(disputes.history(dispute.id(), officer)).extracting(StatusHistory.Entry::action)
			.containsExactly("RECEIVE", "START_MEDIATION", "SESSION", "AGREE", "CONFIRM_FULFILMENT");
		assertThatThrownBy(() -> disputes.act(dispute.id(), DisputeAction.REFER, new Step(null, null, Referral.LITIGATION, null, "x"),
				agreed.version(), officer)).as("a step on a stale copy").isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void aHighRiskDisputeIsToldToTheDistrictAtOnce() throws Exception {
		String address = "district-" + UUID.randomUUID() + "@example.gov.cn";
		long districtId = accounts.list(Role.SECURITY_ADMIN, "district", PageRequest.of(0, 10, null, null)).items().stream()
			.filter(a -> a.username().equals("district")).findFirst().orElseThrow().id();
		accounts.changeOwnEmail(districtId, address);
		notices.chooseEmailedKinds("district", Set.of(DisputeNotices.HIGH_RISK));
		DisputeView dispute = disputes.receive(dispute(RiskLevel.HIGH, "工地欠薪工人聚集"), officer);
		assertThat(dispute.escalatedAt()).isNotNull();
		assertThat(disputes.list(new Disputes.DisputeFilter(null, null, null, null, true), DISTRICT, PageRequest.of(0, 200, null, null)).items())
			.extracting(DisputeView::id).contains(dispute.id());
		NoticesDelivered.await(jdbc);
		outbox.deliver();
		assertThat(Arrays.stream(TestMailServer.server().getReceivedMessages()).filter(m -> {
			try {
				return address.equals(m.getRecipients(Message.RecipientType.TO)[0].toString()) && m.getSubject().contains("工地欠薪工人聚集");
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		})).hasSize(1);
		assertThat(notices.recent("district", 20)).filteredOn(n -> n.link().equals("/disputes/" + dispute.id()))
			.singleElement().satisfies(n -> {
				assertThat(n.kind()).isEqualTo(DisputeNotices.HIGH_RISK.name());
				assertThat(n.read()).isFalse();
			});
		act(dispute, DisputeAction.WITHDRAW, new Step(null, null, null, disputes.today(), "工资已结清，双方撤回"));
		NoticesDelivered.await(jdbc);
		assertThat(notices.recent("district", 20)).filteredOn(n -> n.link().equals("/disputes/" + dispute.id()))
			.singleElement().satisfies(n -> assertThat(n.read()).as("an ended case needs no more watching").isTrue());
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'disputes.escalate' and target_id = :id")
			.param("id", String.valueOf(dispute.id())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void badIntakeIsRefusedAndAnotherTownshipCannotReachTheCase() {
		long before = jdbc.sql("select count(*) from dispute").query(Long.class).single();
		assertRefused(new NewDispute(town.id(), Disputes.Source.WALK_IN, DisputeType.NEIGHBOUR, RiskLevel.LOW, null, "s", "d",
				List.of(new Party("APPLICANT", "张三", null))), "disputes.error.parties");
		assertRefused(new NewDispute(town.id(), Disputes.Source.WALK_IN, DisputeType.NEIGHBOUR, RiskLevel.LOW, new BigDecimal("-1"), "s", "d",
				parties()), "disputes.error.amount");
		assertRefused(new NewDispute(town.id(), Disputes.Source.WALK_IN, null, RiskLevel.LOW, null, "s", "d", parties()), "disputes.error.choice");
		assertRefused(new NewDispute(town.id(), Disputes.Source.WALK_IN, DisputeType.NEIGHBOUR, RiskLevel.LOW, null, "s", "d",
				List.of(new Party("APPLICANT", "张三", "12345"), new Party("RESPONDENT", "李四", null))), "phone.error.invalid");
		assertThat(jdbc.sql("select count(*) from dispute").query(Long.class).single()).isEqualTo(before);

		DisputeView dispute = disputes.receive(dispute(RiskLevel.LOW, "邻里"), officer);
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		DataScope other = DataScope.subtree(chengguan.id(), chengguan.path());
		assertThatThrownBy(() -> disputes.find(dispute.id(), other)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> disputes.parties(dispute.id(), other)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> disputes.act(dispute.id(), DisputeAction.WITHDRAW, new Step(null, null, null, null, "x"), dispute.version(),
				other)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> disputes.receive(dispute(RiskLevel.LOW, "x"), other)).hasMessage("disputes.error.unit");

		List<Disputes.PartyView> parties = disputes.parties(dispute.id(), officer);
		assertThat(parties).extracting(Disputes.PartyView::nameMasked, Disputes.PartyView::phoneMasked)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("李**", "138****0001"), org.assertj.core.groups.Tuple.tuple("王**", null));
		assertThat(disputes.revealParty(dispute.id(), parties.get(0).id(), officer).phone()).isEqualTo("13805720001");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'personal.reveal' and target_type = 'dispute' and target_id = :id")
			.param("id", String.valueOf(dispute.id())).query(Long.class).single()).as("name and phone read").isEqualTo(2);
	}

	@Test
	void figuresCountOutcomesSuccessAndDaysToSettle() {
		LocalDate today = disputes.today();
		DisputeView first = disputes.receive(dispute(RiskLevel.LOW, "a"), officer);
		jdbc.sql("update dispute set received_on = :d where id = :id").param("d", today.minusDays(10)).param("id", first.id()).update();
		act(disputes.find(first.id(), officer), DisputeAction.START_MEDIATION, new Step(MediationType.PEOPLES, "m", null, null, null));
		act(disputes.find(first.id(), officer), DisputeAction.AGREE, new Step(null, null, null, today.minusDays(4), "terms"));
		DisputeView second = disputes.receive(dispute(RiskLevel.MEDIUM, "b"), officer);
		jdbc.sql("update dispute set received_on = :d where id = :id").param("d", today.minusDays(5)).param("id", second.id()).update();
		act(disputes.find(second.id(), officer), DisputeAction.START_MEDIATION, new Step(MediationType.JUDICIAL, "m", null, null, null));
		act(disputes.find(second.id(), officer), DisputeAction.REFER, new Step(null, null, Referral.LITIGATION, null, "调解不成"));
		disputes.receive(dispute(RiskLevel.HIGH, "c"), officer);

		DisputeMetrics.Metrics figures = metrics.metrics(today.minusDays(30), today, officer);
		assertThat(figures.byUnit()).singleElement().satisfies(c -> {
			assertThat(c.key()).isEqualTo(String.valueOf(town.id()));
			assertThat(c.cases()).isEqualTo(3);
			assertThat(c.agreements()).isEqualTo(1);
			assertThat(c.failed()).isEqualTo(1);
			assertThat(c.highRiskOpen()).isEqualTo(1);
			assertThat(c.successRate()).isEqualTo(0.5);
			assertThat(c.averageDaysToSettle()).isEqualTo(6.0);
		});
		assertThat(figures.byType()).singleElement().satisfies(c -> assertThat(c.key()).isEqualTo("NEIGHBOUR"));
		assertThat(metrics.metrics(today, today, officer).total().averageDaysToSettle()).as("nothing settled among today's").isNull();
		assertThat(metrics.metrics(today.minusDays(7), today, officer).total().cases()).as("the first came in before").isEqualTo(2);
	}

	private DisputeView act(DisputeView dispute, DisputeAction action, Step step) {
		return disputes.act(dispute.id(), action, step, dispute.version(), officer);
	}

	private void assertRefused(NewDispute dispute, String messageKey) {
		assertThatThrownBy(() -> disputes.receive(dispute, officer)).isInstanceOfSatisfying(BusinessRuleException.class,
				e -> assertThat(e.messageKey()).isEqualTo(messageKey));
	}

	private NewDispute dispute(RiskLevel risk, String summary) {
		return new NewDispute(town.id(), Disputes.Source.WALK_IN, DisputeType.NEIGHBOUR, risk, new BigDecimal("1500.00"), summary, "基本情况",
				parties());
	}

	private static List<Party> parties() {
		return List.of(new Party("APPLICANT", "李秀英", "13805720001"), new Party("RESPONDENT", "王建华", ""));
	}
}
