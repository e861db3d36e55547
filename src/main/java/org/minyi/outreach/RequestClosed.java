package org.minyi.outreach;

import java.util.Set;

import org.minyi.notices.NoticeKind;

/** A request is closed (the resident satisfied, or nobody to call back) or dismissed: nothing about it is left to do. */
public record RequestClosed(RequestRef request, RequestStatus status) implements RequestNoticeEvent {

	@Override
	public Set<NoticeKind> settles() {
		return RequestNotices.ALL;
	}
}
