package org.minyi.workplan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.minyi.notices.Announcement;
import org.minyi.notices.NoticeEvent;
import org.minyi.notices.NoticeKind;

/** What the work plan's events tell about their task: its page, and the task and due date a notice names. */
interface TaskNoticeEvent extends NoticeEvent {

	long taskId();

	long unitId();

	String title();

	LocalDate dueDate();

	@Override
	default String link() {
		return "/workplan/tasks/" + taskId();
	}

	/** A notice of the kind about the task, once per occasion (a version of the task, a day). */
	default Optional<Announcement> announce(NoticeKind kind, String occasion) {
		return Optional.of(new Announcement(kind, unitId(), taskId() + ":" + occasion, List.of(title(), Announcement.UNIT_NAME, dueDate().toString())));
	}
}
