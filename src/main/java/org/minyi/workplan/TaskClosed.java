package org.minyi.workplan;

import java.time.LocalDate;
import java.util.Set;

import org.minyi.notices.NoticeKind;

/** The district approved (DONE) or cancelled a task: nothing about it is left to do. */
public record TaskClosed(long taskId, long unitId, String title, LocalDate dueDate, TaskStatus status)
		implements TaskNoticeEvent {

	@Override
	public Set<NoticeKind> settles() {
		return TaskNotices.ALL;
	}
}
