package org.minyi.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The work-task aggregate's steps, without a database: what each records and which event it returns. */
class WorkTaskTests {

	private static final LocalDate DUE = LocalDate.of(2026, 12, 1);

	private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

	/** Task 11 (召开动员会议) of unit 4, at version 5. */
	static WorkTask task(TaskStatus status) {
		WorkTask task = new WorkTask();
		ReflectionTestUtils.setField(task, "id", 11L);
		ReflectionTestUtils.setField(task, "unitId", 4L);
		ReflectionTestUtils.setField(task, "title", "召开动员会议");
		ReflectionTestUtils.setField(task, "status", status);
		ReflectionTestUtils.setField(task, "dueDate", DUE);
		ReflectionTestUtils.setField(task, "version", 5);
		return task;
	}

	@Test
	void submittingNeedsEvidenceAndClearsTheDistrictsLastWord() {
		WorkTask task = task(TaskStatus.RETURNED);
		ReflectionTestUtils.setField(task, "lastComment", "请补充签到表");
		assertThatThrownBy(() -> task.act(TaskAction.SUBMIT, null, false, NOW)).hasMessage("workplan.task.error.noEvidence");
		assertThat(task.status()).as("a refused step changes nothing").isEqualTo(TaskStatus.RETURNED);
		assertThat(task.act(TaskAction.SUBMIT, null, true, NOW)).isEqualTo(new TaskSubmitted(11, 4, "召开动员会议", DUE, 6));
		assertThat(task.lastComment()).isNull();
		assertThat(ReflectionTestUtils.getField(task, "submittedAt")).isEqualTo(NOW);
	}

	@Test
	void returningAndCancellingNeedAComment() {
		WorkTask submitted = task(TaskStatus.SUBMITTED);
		assertThatThrownBy(() -> submitted.act(TaskAction.RETURN, " ", true, NOW)).hasMessage("workplan.task.error.comment");
		assertThatThrownBy(() -> submitted.act(TaskAction.RETURN, "长".repeat(1001), true, NOW)).hasMessage("workplan.task.error.commentLength");
		assertThat(submitted.act(TaskAction.RETURN, " 请补充签到表 ", true, NOW))
			.isEqualTo(new TaskReturned(11, 4, "召开动员会议", DUE, 6, "请补充签到表"));
		assertThat(submitted.lastComment()).isEqualTo("请补充签到表");
		WorkTask open = task(TaskStatus.IN_PROGRESS);
		assertThat(open.act(TaskAction.CANCEL, "并入其他任务", false, NOW)).isEqualTo(new TaskClosed(11, 4, "召开动员会议", DUE, TaskStatus.CANCELLED));
		assertThat(ReflectionTestUtils.getField(open, "closedAt")).isEqualTo(NOW);
	}

	@Test
	void startingKeepsTheLastCommentAndRaisesNoEvent() {
		WorkTask task = task(TaskStatus.ASSIGNED);
		ReflectionTestUtils.setField(task, "lastComment", "kept");
		assertThat(task.act(TaskAction.START, null, false, NOW)).isNull();
		assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
		assertThat(task.lastComment()).isEqualTo("kept");
	}

	@Test
	void approvalClosesTheTaskAndSettlesEveryNoticeAboutIt() {
		WorkTask task = task(TaskStatus.SUBMITTED);
		TaskNoticeEvent approved = task.act(TaskAction.APPROVE, null, true, NOW);
		assertThat(approved).isEqualTo(new TaskClosed(11, 4, "召开动员会议", DUE, TaskStatus.DONE));
		assertThat(approved.settles()).as("every kind about the task").containsExactlyInAnyOrder(TaskNotices.DUE_SOON, TaskNotices.OVERDUE,
				TaskNotices.RETURNED, TaskNotices.SUBMITTED, TaskNotices.ESCALATED);
		assertThat(approved.link()).isEqualTo("/workplan/tasks/11");
		assertThatThrownBy(() -> task.act(TaskAction.RETURN, "x", true, NOW)).hasMessage("workplan.task.error.transition");
		assertThatThrownBy(() -> task.expectVersion(4)).hasMessage("workplan.task.error.stale");
	}
}
