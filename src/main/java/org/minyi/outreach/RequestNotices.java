package org.minyi.outreach;

import java.util.List;
import java.util.Set;

import org.minyi.notices.NoticeKind;
import org.minyi.notices.NoticeKind.Audience;
import org.minyi.notices.NoticeKinds;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outreach's kinds of notice about citizen requests: the district hears of a request from the public
 * form waiting to be assigned and of an answer waiting for its follow-up call (in the app unless it
 * asks for mail: they come in bulk); the unit of an assignment, a reopening, and a deadline passed.
 */
@Component
@Order(2)
class RequestNotices implements NoticeKinds {

	static final NoticeKind RECEIVED = new NoticeKind("outreach", "REQUEST_RECEIVED", Audience.DISTRICT, false);

	static final NoticeKind ASSIGNED = new NoticeKind("outreach", "REQUEST_ASSIGNED", Audience.UNIT, true);

	static final NoticeKind OVERDUE = new NoticeKind("outreach", "REQUEST_OVERDUE", Audience.UNIT, true);

	static final NoticeKind ANSWERED = new NoticeKind("outreach", "REQUEST_ANSWERED", Audience.DISTRICT, false);

	static final NoticeKind REOPENED = new NoticeKind("outreach", "REQUEST_REOPENED", Audience.UNIT, true);

	/** Every kind: a request closed or dismissed settles them all. */
	static final Set<NoticeKind> ALL = Set.of(RECEIVED, ASSIGNED, OVERDUE, ANSWERED, REOPENED);

	@Override
	public List<NoticeKind> kinds() {
		return List.of(RECEIVED, ASSIGNED, OVERDUE, ANSWERED, REOPENED);
	}
}
