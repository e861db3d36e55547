package org.minyi.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.minyi.platform.BusinessRuleException;

/** Every action from every status: the legal ones lead where the issue says, the others are refused. */
class TaskActionTests {

	/** The lifecycle of issue 6, written out: status → (action → next status). */
	private static final Map<TaskStatus, Map<TaskAction, TaskStatus>> LEGAL = new EnumMap<>(TaskStatus.class);

	static {
		for (TaskStatus status : TaskStatus.values()) {
			LEGAL.put(status, new EnumMap<>(TaskAction.class));
		}
		LEGAL.get(TaskStatus.ASSIGNED).putAll(Map.of(TaskAction.START, TaskStatus.IN_PROGRESS, TaskAction.SUBMIT, TaskStatus.SUBMITTED,
				TaskAction.CANCEL, TaskStatus.CANCELLED));
		LEGAL.get(TaskStatus.IN_PROGRESS).putAll(Map.of(TaskAction.SUBMIT, TaskStatus.SUBMITTED, TaskAction.CANCEL, TaskStatus.CANCELLED));
		LEGAL.get(TaskStatus.SUBMITTED).putAll(Map.of(TaskAction.APPROVE, TaskStatus.DONE, TaskAction.RETURN, TaskStatus.RETURNED,
				TaskAction.CANCEL, TaskStatus.CANCELLED));
		LEGAL.get(TaskStatus.RETURNED).putAll(Map.of(TaskAction.SUBMIT, TaskStatus.SUBMITTED, TaskAction.CANCEL, TaskStatus.CANCELLED));
	}

	@Test
	void everyLegalTransitionLeadsWhereItShouldAndEveryOtherIsRefused() {
		int legal = 0;
		for (TaskStatus status : TaskStatus.values()) {
			for (TaskAction action : TaskAction.values()) {
				TaskStatus expected = LEGAL.get(status).get(action);
				if (expected != null) {
					assertThat(action.from(status)).as("%s from %s", action, status).isEqualTo(expected);
					assertThat(action.allowedFrom(status)).isTrue();
					legal++;
				}
				else {
					assertThatThrownBy(() -> action.from(status)).as("%s from %s", action, status)
						.isInstanceOf(BusinessRuleException.class).hasMessage("workplan.task.error.transition");
					assertThat(action.allowedFrom(status)).isFalse();
				}
			}
		}
		assertThat(legal).isEqualTo(10);
	}

	@Test
	void everyActionIsNamedInTheAuditTrailInBothLanguages() {
		for (String bundle : new String[] { "messages_zh_CN", "messages_en" }) {
			ResourceBundle messages = ResourceBundle.getBundle(bundle);
			for (TaskAction action : TaskAction.values()) {
				assertThat(messages.containsKey("audit.action." + action.auditAction())).as("%s in %s", action, bundle).isTrue();
				assertThat(messages.containsKey(action.messageKey())).isTrue();
			}
		}
	}

	@Test
	void theDistrictReviewsAndTheUnitWorks() {
		assertThat(TaskAction.APPROVE.byDistrict()).isTrue();
		assertThat(TaskAction.RETURN.byDistrict()).isTrue();
		assertThat(TaskAction.CANCEL.byDistrict()).isTrue();
		assertThat(TaskAction.START.byDistrict()).isFalse();
		assertThat(TaskAction.SUBMIT.byDistrict()).isFalse();
		assertThat(TaskAction.RETURN.needsComment()).isTrue();
		assertThat(TaskAction.CANCEL.needsComment()).isTrue();
		assertThat(TaskAction.APPROVE.needsComment()).isFalse();
		assertThat(TaskStatus.DONE.open()).isFalse();
		assertThat(TaskStatus.CANCELLED.open()).isFalse();
		assertThat(TaskStatus.RETURNED.open()).isTrue();
	}
}
