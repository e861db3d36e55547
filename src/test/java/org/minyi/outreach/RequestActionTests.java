package org.minyi.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.minyi.platform.BusinessRuleException;

/** Every action from every status, for each answer on the follow-up call: the legal ones lead where issue 7 says, the others are refused. */
class RequestActionTests {

	/** The lifecycle written out: status → (action → next status); a follow-up is listed by its two outcomes below. */
	private static final Map<RequestStatus, Map<RequestAction, RequestStatus>> LEGAL = new EnumMap<>(RequestStatus.class);

	static {
		for (RequestStatus status : RequestStatus.values()) {
			LEGAL.put(status, new EnumMap<>(RequestAction.class));
		}
		LEGAL.get(RequestStatus.RECEIVED).putAll(Map.of(RequestAction.ASSIGN, RequestStatus.ASSIGNED, RequestAction.DISMISS,
				RequestStatus.DISMISSED));
		LEGAL.get(RequestStatus.ASSIGNED).putAll(Map.of(RequestAction.ASSIGN, RequestStatus.ASSIGNED, RequestAction.ACCEPT,
				RequestStatus.IN_PROGRESS, RequestAction.RESOLVE, RequestStatus.RESOLVED, RequestAction.DISMISS, RequestStatus.DISMISSED));
		LEGAL.get(RequestStatus.IN_PROGRESS).putAll(Map.of(RequestAction.ASSIGN, RequestStatus.ASSIGNED, RequestAction.RESOLVE,
				RequestStatus.RESOLVED));
		LEGAL.get(RequestStatus.REOPENED).putAll(Map.of(RequestAction.ASSIGN, RequestStatus.ASSIGNED, RequestAction.RESOLVE,
				RequestStatus.RESOLVED));
		LEGAL.get(RequestStatus.RESOLVED).put(RequestAction.FOLLOW_UP, null);
	}

	@Test
	void everyLegalTransitionLeadsWhereItShouldAndEveryOtherIsRefused() {
		int legal = 0;
		for (RequestStatus status : RequestStatus.values()) {
			for (RequestAction action : RequestAction.values()) {
				for (Satisfaction satisfaction : Satisfaction.values()) {
					if (LEGAL.get(status).containsKey(action)) {
						RequestStatus expected = action == RequestAction.FOLLOW_UP
								? (satisfaction == Satisfaction.DISSATISFIED ? RequestStatus.REOPENED : RequestStatus.CLOSED)
								: LEGAL.get(status).get(action);
						assertThat(action.next(status, satisfaction)).as("%s from %s (%s)", action, status, satisfaction).isEqualTo(expected);
						assertThat(action.allowedFrom(status)).isTrue();
						legal++;
					}
					else {
						assertThatThrownBy(() -> action.next(status, satisfaction)).as("%s from %s", action, status)
							.isInstanceOf(BusinessRuleException.class).hasMessage("outreach.request.error.transition");
						assertThat(action.allowedFrom(status)).isFalse();
					}
				}
			}
		}
		assertThat(legal).as("11 transitions, each tried with the three answers").isEqualTo(11 * 3);
	}

	@Test
	void aFollowUpNeedsTheResidentsAnswer() {
		assertThatThrownBy(() -> RequestAction.FOLLOW_UP.next(RequestStatus.RESOLVED, null)).isInstanceOf(BusinessRuleException.class)
			.hasMessage("outreach.request.error.satisfaction");
	}

	@Test
	void whoActsAndWhenAReasonIsNeeded() {
		assertThat(RequestAction.ASSIGN.byDistrict()).isTrue();
		assertThat(RequestAction.FOLLOW_UP.byDistrict()).isTrue();
		assertThat(RequestAction.DISMISS.byDistrict()).isTrue();
		assertThat(RequestAction.ACCEPT.byDistrict()).isFalse();
		assertThat(RequestAction.RESOLVE.byDistrict()).isFalse();
		assertThat(RequestAction.ASSIGN.needsComment(RequestStatus.RECEIVED)).as("a first assignment").isFalse();
		assertThat(RequestAction.ASSIGN.needsComment(RequestStatus.IN_PROGRESS)).as("taking it from a unit").isTrue();
		assertThat(RequestAction.RESOLVE.needsComment(RequestStatus.IN_PROGRESS)).as("the answer").isTrue();
		assertThat(RequestAction.DISMISS.needsComment(RequestStatus.RECEIVED)).isTrue();
		assertThat(RequestAction.FOLLOW_UP.needsComment(RequestStatus.RESOLVED)).isFalse();
	}

	@Test
	void everyActionIsNamedInTheAuditTrailInBothLanguages() {
		for (String bundle : new String[] { "messages_zh_CN", "messages_en" }) {
			ResourceBundle messages = ResourceBundle.getBundle(bundle);
			for (RequestAction action : RequestAction.values()) {
				assertThat(messages.containsKey("audit.action." + action.auditAction())).as("%s in %s", action, bundle).isTrue();
				assertThat(messages.containsKey(action.messageKey())).isTrue();
				assertThat(messages.containsKey("outreach.event." + action.name())).isTrue();
			}
		}
	}
}
