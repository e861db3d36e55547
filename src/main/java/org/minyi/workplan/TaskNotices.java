package org.minyi.workplan;

import java.util.List;
import java.util.Set;

import org.minyi.notices.NoticeKind;
import org.minyi.notices.NoticeKind.Audience;
import org.minyi.notices.NoticeKinds;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The work plan's kinds of notice. The unit's officers hear that a task is due in three days,
 * overdue, or returned; the district's administrators hear of submissions (in the app unless they
 * ask for mail: they come in bulk), and they and the unit's leaders of tasks a week overdue.
 */
@Component
@Order(1)
class TaskNotices implements NoticeKinds {

	static final NoticeKind DUE_SOON = new NoticeKind("workplan", "DUE_SOON", Audience.UNIT, true);

	static final NoticeKind OVERDUE = new NoticeKind("workplan", "OVERDUE", Audience.UNIT, true);

	static final NoticeKind RETURNED = new NoticeKind("workplan", "RETURNED", Audience.UNIT, true);

	static final NoticeKind SUBMITTED = new NoticeKind("workplan", "SUBMITTED", Audience.DISTRICT, false);

	static final NoticeKind ESCALATED = new NoticeKind("workplan", "ESCALATED", Audience.DISTRICT_AND_UNIT_LEADERS, true);

	/** Every kind: a task that is done or cancelled settles them all. */
	static final Set<NoticeKind> ALL = Set.of(DUE_SOON, OVERDUE, RETURNED, SUBMITTED, ESCALATED);

	@Override
	public List<NoticeKind> kinds() {
		return List.of(DUE_SOON, OVERDUE, RETURNED, SUBMITTED, ESCALATED);
	}
}
