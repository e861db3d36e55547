package org.minyi.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.minyi.disputes.Disputes.Step;
import org.minyi.notices.Announcement;
import org.minyi.platform.BusinessRuleException;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * More of the dispute aggregate's rules without a database: the limits on days, the comments each
 * step needs, the mediator's length, and that a refused step changes nothing.
 */
class DisputeStepTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

	@Test
	void exactlyAgreementsReferralsAndWithdrawalsNeedAComment() {
		Set<DisputeAction> needing = EnumSet.noneOf(DisputeAction.class);
		for (DisputeAction action : DisputeAction.values()) {
			if (action.needsComment()) {
				needing.add(action);
			}
		}
		assertThat(needing).containsExactlyInAnyOrder(DisputeAction.AGREE, DisputeAction.AGREE_IN_PART, DisputeAction.REFER, DisputeAction.WITHDRAW);
		Dispute referred = dispute(DisputeStatus.MEDIATING, TODAY.minusDays(3));
		assertThatThrownBy(() -> referred.act(DisputeAction.REFER, new Step(null, null, Referral.LITIGATION, null, "  "), TODAY, NOW))
			.as("what became of the case is written down").hasMessage("disputes.error.comment");
		assertThat(referred.status()).isEqualTo(DisputeStatus.MEDIATING);
		Dispute started = dispute(DisputeStatus.RECEIVED, TODAY.minusDays(3));
		started.act(DisputeAction.START_MEDIATION, new Step(MediationType.ADMINISTRATIVE, "调解员", null, null, null), TODAY, NOW);
		assertThat(started.status()).as("starting needs no comment").isEqualTo(DisputeStatus.MEDIATING);
		Dispute kept = dispute(DisputeStatus.PARTIALLY_AGREED, TODAY.minusDays(3));
		kept.act(DisputeAction.CONFIRM_FULFILMENT, new Step(null, null, null, TODAY, null), TODAY, NOW);
		assertThat(kept.status()).as("confirming needs no comment").isEqualTo(DisputeStatus.CLOSED);
	}

	@Test
	void theMediatorsNameIsAtMostFiftyCharacters() {
		Dispute dispute = dispute(DisputeStatus.RECEIVED, TODAY);
		assertThatThrownBy(() -> dispute.act(DisputeAction.START_MEDIATION, new Step(MediationType.PEOPLES, "调".repeat(51), null, null, null),
				TODAY, NOW)).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
					assertThat(e.messageKey()).isEqualTo("input.error.tooLong");
					assertThat(e.field()).isEqualTo("mediator");
					assertThat(e.arguments()).containsExactly("50");
				});
		assertThat(dispute.status()).isEqualTo(DisputeStatus.RECEIVED);
		dispute.act(DisputeAction.START_MEDIATION, new Step(MediationType.PEOPLES, "调".repeat(50), null, null, null), TODAY, NOW);
		assertThat(dispute.mediator()).hasSize(50);
	}

	@Test
	void anAgreementDayIsGivenAndAtMostFiveYearsBack() {
		Dispute old = dispute(DisputeStatus.MEDIATING, TODAY.minusYears(6));
		assertThatThrownBy(() -> old.act(DisputeAction.AGREE, new Step(null, null, null, null, "x"), TODAY, NOW))
			.hasMessage("disputes.error.day");
		assertThatThrownBy(() -> old.act(DisputeAction.AGREE, new Step(null, null, null, TODAY.minusYears(5).minusDays(1), "x"), TODAY, NOW))
			.hasMessage("disputes.error.day");
		assertThat(old.status()).isEqualTo(DisputeStatus.MEDIATING);
		assertThat(ReflectionTestUtils.getField(old, "outcome")).as("a refused step records nothing").isNull();
		old.act(DisputeAction.AGREE, new Step(null, null, null, TODAY.minusYears(5), "x"), TODAY, NOW);
		assertThat(ReflectionTestUtils.getField(old, "settledOn")).isEqualTo(TODAY.minusYears(5));
		assertThat(ReflectionTestUtils.getField(old, "daysToSettle")).isEqualTo(365);
	}

	@Test
	void anAgreementOnTheDayTheCaseCameInTookNoDays() {
		Dispute dispute = dispute(DisputeStatus.MEDIATING, TODAY);
		dispute.act(DisputeAction.AGREE, new Step(null, null, null, TODAY, "当场和解"), TODAY, NOW);
		assertThat(ReflectionTestUtils.getField(dispute, "daysToSettle")).isEqualTo(0);
		assertThat(ReflectionTestUtils.getField(dispute, "outcome")).isEqualTo("AGREEMENT");
		assertThat(ReflectionTestUtils.getField(dispute, "closedAt")).as("an agreement is still followed up").isNull();
	}

	@Test
	void theDayAnAgreementWasKeptIsGivenAndNotInTheFuture() {
		Dispute dispute = dispute(DisputeStatus.AGREED, TODAY.minusDays(20));
		assertThatThrownBy(() -> dispute.act(DisputeAction.CONFIRM_FULFILMENT, new Step(null, null, null, null, null), TODAY, NOW))
			.hasMessage("disputes.error.day");
		assertThatThrownBy(() -> dispute.act(DisputeAction.CONFIRM_FULFILMENT, new Step(null, null, null, TODAY.plusDays(1), null), TODAY, NOW))
			.hasMessage("disputes.error.day");
		assertThat(dispute.status()).isEqualTo(DisputeStatus.AGREED);
		assertThat(ReflectionTestUtils.getField(dispute, "closedAt")).isNull();
	}

	@Test
	void aWithdrawalDuringMediationEndsTheCaseAtOnce() {
		Dispute dispute = dispute(DisputeStatus.MEDIATING, TODAY.minusDays(2));
		assertThat(dispute.act(DisputeAction.WITHDRAW, new Step(null, null, null, null, "已私下和解"), TODAY, NOW))
			.isEqualTo(new DisputeEnded(7, DisputeStatus.WITHDRAWN));
		assertThat(ReflectionTestUtils.getField(dispute, "closedAt")).isEqualTo(NOW);
		assertThat(ReflectionTestUtils.getField(dispute, "outcome")).as("a withdrawal is no outcome of mediation").isNull();
	}

	@Test
	void theStatusIsCheckedBeforeWhatTheStepRecords() {
		Dispute closed = dispute(DisputeStatus.CLOSED, TODAY.minusDays(2));
		assertThatThrownBy(() -> closed.act(DisputeAction.AGREE, new Step(null, null, null, null, null), TODAY, NOW))
			.hasMessage("disputes.error.transition");
		assertThatThrownBy(() -> closed.act(DisputeAction.START_MEDIATION, new Step(null, null, null, null, null), TODAY, NOW))
			.hasMessage("disputes.error.transition");
	}

	@Test
	void theDistrictHearsOfAHighRiskCaseUntilItEnds() {
		DisputeEscalated escalated = new DisputeEscalated(7, "MJ20261120-ABCDE", "工地欠薪", 3, TODAY);
		assertThat(escalated.announcement()).hasValueSatisfying(a -> {
			assertThat(a.kind()).isEqualTo(DisputeNotices.HIGH_RISK);
			assertThat(a.unitId()).isEqualTo(3L);
			assertThat(a.key()).isEqualTo("dispute:7:high-risk");
			assertThat(a.arguments()).isEqualTo(List.of("工地欠薪", "MJ20261120-ABCDE", Announcement.UNIT_NAME, "2026-11-20"));
		});
		assertThat(DisputeNotices.HIGH_RISK.audience()).isEqualTo(org.minyi.notices.NoticeKind.Audience.DISTRICT);
		assertThat(new DisputeEnded(7, DisputeStatus.CLOSED).settles()).containsExactly(DisputeNotices.HIGH_RISK);
		assertThat(new DisputeEnded(7, DisputeStatus.CLOSED).link()).isEqualTo("/disputes/7");
		for (DisputeStatus status : DisputeStatus.values()) {
			boolean ended = status == DisputeStatus.REFERRED || status == DisputeStatus.CLOSED || status == DisputeStatus.WITHDRAWN;
			assertThat(status.open()).as("%s", status).isEqualTo(!ended);
		}
	}

	private static Dispute dispute(DisputeStatus status, LocalDate receivedOn) {
		Dispute dispute = new Dispute();
		ReflectionTestUtils.setField(dispute, "id", 7L);
		ReflectionTestUtils.setField(dispute, "receivedOn", receivedOn);
		ReflectionTestUtils.setField(dispute, "status", status);
		ReflectionTestUtils.setField(dispute, "version", 0);
		return dispute;
	}
}
