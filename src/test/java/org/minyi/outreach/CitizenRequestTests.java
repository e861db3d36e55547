package org.minyi.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The citizen-request aggregate's steps, without a database: what each records and which event it returns. */
class CitizenRequestTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	private static final LocalDate DUE = TODAY.plusDays(2);

	private static final LocalDate REOPENED_DUE = TODAY.plusDays(5);

	private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

	/** Request 9 (SQ-1, 路灯不亮) of unit 4, at version 2, with a phone to call back unless anonymous. */
	static CitizenRequest request(RequestStatus status, boolean contactable) {
		CitizenRequest request = new CitizenRequest();
		ReflectionTestUtils.setField(request, "id", 9L);
		ReflectionTestUtils.setField(request, "reference", "SQ-1");
		ReflectionTestUtils.setField(request, "title", "路灯不亮");
		ReflectionTestUtils.setField(request, "contactPhoneSealed", contactable ? "sealed" : null);
		ReflectionTestUtils.setField(request, "unitId", status == RequestStatus.RECEIVED ? null : 4L);
		ReflectionTestUtils.setField(request, "status", status);
		ReflectionTestUtils.setField(request, "dueDate", DUE);
		ReflectionTestUtils.setField(request, "version", 2);
		return request;
	}

	private static RequestNoticeEvent act(CitizenRequest request, RequestAction action, Long unitId, String comment, Satisfaction satisfaction) {
		return request.act(action, unitId, comment, satisfaction, TODAY, REOPENED_DUE, NOW);
	}

	@Test
	void assigningNeedsAUnitAndAReasonToTakeItFromAnother() {
		CitizenRequest received = request(RequestStatus.RECEIVED, true);
		assertThatThrownBy(() -> act(received, RequestAction.ASSIGN, null, null, null)).hasMessage("outreach.request.error.unit");
		assertThat(act(received, RequestAction.ASSIGN, 5L, null, null))
			.isEqualTo(new RequestAssigned(new RequestRef(9, "SQ-1", "路灯不亮", 5L, DUE, 3)));
		CitizenRequest assigned = request(RequestStatus.IN_PROGRESS, true);
		assertThatThrownBy(() -> act(assigned, RequestAction.ASSIGN, 5L, " ", null)).hasMessage("outreach.request.error.comment");
		act(assigned, RequestAction.ASSIGN, 5L, "不属本单位职责", null);
		assertThat(assigned.unitId()).isEqualTo(5L);
		assertThat(assigned.status()).isEqualTo(RequestStatus.ASSIGNED);
	}

	@Test
	void theFirstAnswerDecidesWhetherItWasInTime() {
		CitizenRequest request = request(RequestStatus.IN_PROGRESS, true);
		assertThatThrownBy(() -> act(request, RequestAction.RESOLVE, null, null, null)).hasMessage("outreach.request.error.comment");
		assertThatThrownBy(() -> act(request, RequestAction.RESOLVE, null, "长".repeat(2001), null))
			.hasMessage("outreach.request.error.commentLength");
		assertThat(act(request, RequestAction.RESOLVE, null, " 已修复 ", null)).isInstanceOf(RequestAnswered.class);
		assertThat(ReflectionTestUtils.getField(request, "resolution")).isEqualTo("已修复");
		assertThat(ReflectionTestUtils.getField(request, "answeredInTime")).isEqualTo(true);

		ReflectionTestUtils.setField(request, "dueDate", TODAY.minusDays(1));
		act(request, RequestAction.FOLLOW_UP, null, null, Satisfaction.DISSATISFIED);
		act(request, RequestAction.RESOLVE, null, "再次修复", null);
		assertThat(ReflectionTestUtils.getField(request, "answeredInTime")).as("the first answer counts").isEqualTo(true);
	}

	@Test
	void anAnonymousRequestClosesWithItsAnswer() {
		CitizenRequest anonymous = request(RequestStatus.ASSIGNED, false);
		assertThat(act(anonymous, RequestAction.RESOLVE, null, "已修复", null))
			.isEqualTo(new RequestClosed(new RequestRef(9, "SQ-1", "路灯不亮", 4L, DUE, 3), RequestStatus.CLOSED));
		assertThat(ReflectionTestUtils.getField(anonymous, "closedAt")).isEqualTo(NOW);
	}

	@Test
	void anUnsatisfiedResidentReopensTheRequestWithANewDeadline() {
		CitizenRequest request = request(RequestStatus.RESOLVED, true);
		assertThatThrownBy(() -> act(request, RequestAction.FOLLOW_UP, null, null, null)).hasMessage("outreach.request.error.satisfaction");
		assertThat(act(request, RequestAction.FOLLOW_UP, null, "还是不亮", Satisfaction.DISSATISFIED))
			.isEqualTo(new RequestReopened(new RequestRef(9, "SQ-1", "路灯不亮", 4L, REOPENED_DUE, 3)));
		assertThat(ReflectionTestUtils.getField(request, "reopened")).isEqualTo(1);
		assertThat(ReflectionTestUtils.getField(request, "satisfaction")).isEqualTo(Satisfaction.DISSATISFIED);

		CitizenRequest content = request(RequestStatus.RESOLVED, true);
		assertThat(act(content, RequestAction.FOLLOW_UP, null, null, Satisfaction.SATISFIED)).isInstanceOf(RequestClosed.class);
		assertThat(ReflectionTestUtils.getField(content, "dueDate")).isEqualTo(DUE);
	}

	@Test
	void acceptingRaisesNoEventAndIllegalStepsOrStaleCopiesAreRefused() {
		CitizenRequest request = request(RequestStatus.ASSIGNED, true);
		assertThat(act(request, RequestAction.ACCEPT, null, null, null)).isNull();
		assertThat(request.status()).isEqualTo(RequestStatus.IN_PROGRESS);
		assertThatThrownBy(() -> act(request, RequestAction.FOLLOW_UP, null, null, Satisfaction.SATISFIED))
			.hasMessage("outreach.request.error.transition");
		assertThatThrownBy(() -> request.expectVersion(1)).hasMessage("outreach.request.error.stale");
		CitizenRequest dismissed = request(RequestStatus.RECEIVED, true);
		assertThat(act(dismissed, RequestAction.DISMISS, null, "重复诉求", null)).isInstanceOf(RequestClosed.class);
		assertThat(dismissed.status()).isEqualTo(RequestStatus.DISMISSED);
	}
}
