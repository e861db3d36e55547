package org.minyi.outreach;

import java.util.List;
import java.util.Optional;

import org.minyi.notices.Announcement;
import org.minyi.notices.NoticeEvent;
import org.minyi.notices.NoticeKind;

/** What outreach's events tell about their request: its page, and the request and deadline a notice names. */
interface RequestNoticeEvent extends NoticeEvent {

	RequestRef request();

	@Override
	default String link() {
		return "/outreach/requests/" + request().id();
	}

	/** A notice of the kind about the request, once per occasion (a step, or the deadline passed) and deadline. */
	default Optional<Announcement> announce(NoticeKind kind, String occasion) {
		RequestRef request = request();
		return Optional.of(new Announcement(kind, request.unitId(), "request:" + request.id() + ":" + occasion + ":" + request.dueDate(),
				List.of(request.title(), request.reference(), Announcement.UNIT_NAME, request.dueDate().toString())));
	}
}
