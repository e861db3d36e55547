package org.minyi.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.minyi.disputes.Disputes.Step;
import org.minyi.platform.BusinessRuleException;
import org.springframework.test.util.ReflectionTestUtils;

/** The dispute aggregate's steps, without a database: what each records and which event it returns. */
class DisputeTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

	/** A case received ten days ago, in the given status, at version 3. */
	static Dispute dispute(DisputeStatus status) {
		Dispute dispute = new Dispute();
		ReflectionTestUtils.setField(dispute, "id", 7L);
		ReflectionTestUtils.setField(dispute, "receivedOn", TODAY.minusDays(10));
		ReflectionTestUtils.setField(dispute, "status", status);
		ReflectionTestUtils.setField(dispute, "version", 3);
		return dispute;
	}

	@Test
	void mediationNeedsItsTypeAndAMediatorAndRaisesNoEvent() {
		Dispute dispute = dispute(DisputeStatus.RECEIVED);
		assertThatThrownBy(() -> dispute.act(DisputeAction.START_MEDIATION, new Step(null, "张调解员", null, null, null), TODAY, NOW))
			.hasMessage("disputes.error.mediationType");
		assertThatThrownBy(() -> dispute.act(DisputeAction.START_MEDIATION, new Step(MediationType.PEOPLES, " ", null, null, null), TODAY, NOW))
			.hasMessage("disputes.error.required");
		assertThat(dispute.status()).as("a refused step changes nothing").isEqualTo(DisputeStatus.RECEIVED);
		assertThat(dispute.act(DisputeAction.START_MEDIATION, new Step(MediationType.PEOPLES, " 张调解员 ", null, null, null), TODAY, NOW))
			.isNull();
		assertThat(dispute.status()).isEqualTo(DisputeStatus.MEDIATING);
		assertThat(dispute.mediator()).isEqualTo("张调解员");
	}

	@Test
	void anAgreementRecordsItsTermsDayAndDaysTaken() {
		Dispute dispute = dispute(DisputeStatus.MEDIATING);
		assertThatThrownBy(() -> dispute.act(DisputeAction.AGREE, new Step(null, null, null, TODAY, null), TODAY, NOW))
			.hasMessage("disputes.error.comment");
		assertThatThrownBy(() -> dispute.act(DisputeAction.AGREE, new Step(null, null, null, TODAY.plusDays(1), "x"), TODAY, NOW))
			.as("not in the future").hasMessage("disputes.error.day");
		assertThatThrownBy(() -> dispute.act(DisputeAction.AGREE, new Step(null, null, null, TODAY.minusDays(11), "x"), TODAY, NOW))
			.as("not before the case came in").hasMessage("disputes.error.day");
		assertThat(dispute.act(DisputeAction.AGREE_IN_PART, new Step(null, null, null, TODAY.minusDays(4), " 赔偿1500元 "), TODAY, NOW))
			.as("an agreement is followed up: the case has not ended").isNull();
		assertThat(dispute.status()).isEqualTo(DisputeStatus.PARTIALLY_AGREED);
		assertThat(ReflectionTestUtils.getField(dispute, "outcome")).isEqualTo("PARTIAL");
		assertThat(ReflectionTestUtils.getField(dispute, "daysToSettle")).isEqualTo(6);
		assertThat(ReflectionTestUtils.getField(dispute, "terms")).isEqualTo("赔偿1500元");
	}

	@Test
	void aBrokenAgreementReferredKeepsItsOutcomeAndEndsTheCase() {
		Dispute failed = dispute(DisputeStatus.MEDIATING);
		assertThatThrownBy(() -> failed.act(DisputeAction.REFER, new Step(null, null, null, null, "起诉"), TODAY, NOW))
			.hasMessage("disputes.error.referral");
		assertThat(failed.act(DisputeAction.REFER, new Step(null, null, Referral.LITIGATION, null, "起诉"), TODAY, NOW))
			.isEqualTo(new DisputeEnded(7, DisputeStatus.REFERRED));
		assertThat(ReflectionTestUtils.getField(failed, "outcome")).as("mediation failed").isEqualTo("FAILED");
		assertThat(ReflectionTestUtils.getField(failed, "closedAt")).isEqualTo(NOW);

		Dispute broken = dispute(DisputeStatus.AGREED);
		ReflectionTestUtils.setField(broken, "outcome", "AGREEMENT");
		broken.act(DisputeAction.REFER, new Step(null, null, Referral.ARBITRATION, null, "一方未履行"), TODAY, NOW);
		assertThat(ReflectionTestUtils.getField(broken, "outcome")).isEqualTo("AGREEMENT");
	}

	@Test
	void aKeptAgreementOrAWithdrawalEndsTheCase() {
		Dispute kept = dispute(DisputeStatus.AGREED);
		assertThat(kept.act(DisputeAction.CONFIRM_FULFILMENT, new Step(null, null, null, TODAY, null), TODAY, NOW))
			.isEqualTo(new DisputeEnded(7, DisputeStatus.CLOSED));
		assertThat(ReflectionTestUtils.getField(kept, "fulfilledOn")).isEqualTo(TODAY);
		Dispute withdrawn = dispute(DisputeStatus.RECEIVED);
		assertThatThrownBy(() -> withdrawn.act(DisputeAction.WITHDRAW, new Step(null, null, null, null, ""), TODAY, NOW))
			.as("the reason is written down").hasMessage("disputes.error.comment");
		assertThat(withdrawn.act(DisputeAction.WITHDRAW, new Step(null, null, null, null, "双方和解"), TODAY, NOW))
			.isEqualTo(new DisputeEnded(7, DisputeStatus.WITHDRAWN));
	}

	@Test
	void anAgreementIsKeptNoEarlierThanItWasMade() {
		Dispute agreed = dispute(DisputeStatus.AGREED);
		ReflectionTestUtils.setField(agreed, "settledOn", TODAY.minusDays(2));
		assertThatThrownBy(() -> agreed.act(DisputeAction.CONFIRM_FULFILMENT, new Step(null, null, null, TODAY.minusDays(3), null), TODAY, NOW))
			.hasMessage("disputes.error.day");
		assertThat(agreed.status()).isEqualTo(DisputeStatus.AGREED);
		agreed.act(DisputeAction.CONFIRM_FULFILMENT, new Step(null, null, null, TODAY.minusDays(2), null), TODAY, NOW);
		assertThat(ReflectionTestUtils.getField(agreed, "fulfilledOn")).isEqualTo(TODAY.minusDays(2));
	}

	@Test
	void illegalStepsAndStaleCopiesAreRefused() {
		Dispute closed = dispute(DisputeStatus.CLOSED);
		assertThatThrownBy(() -> closed.act(DisputeAction.WITHDRAW, new Step(null, null, null, null, "x"), TODAY, NOW))
			.hasMessage("disputes.error.transition");
		assertThatThrownBy(() -> closed.expectVersion(2)).isInstanceOf(BusinessRuleException.class).hasMessage("disputes.error.stale");
		closed.expectVersion(3);
		String tooLong = "长".repeat(4001);
		assertThatThrownBy(() -> dispute(DisputeStatus.MEDIATING).act(DisputeAction.AGREE, new Step(null, null, null, TODAY, tooLong), TODAY, NOW))
			.hasMessage("input.error.tooLong");
	}
}
