package org.minyi.outreach;

import java.util.Optional;
import java.util.Set;

import org.minyi.notices.Announcement;
import org.minyi.notices.NoticeKind;

/** The unit answered a request; the district is to call the resident back. */
public record RequestAnswered(RequestRef request) implements RequestNoticeEvent {

	@Override
	public Optional<Announcement> announcement() {
		return announce(RequestNotices.ANSWERED, "v" + request.version());
	}

	@Override
	public Set<NoticeKind> settles() {
		return Set.of(RequestNotices.ASSIGNED, RequestNotices.OVERDUE, RequestNotices.REOPENED);
	}
}
