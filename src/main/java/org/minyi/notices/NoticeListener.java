package org.minyi.notices;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hears every module's {@link NoticeEvent} once its transaction has committed, on another thread and
 * in a transaction of its own; the event publication registry keeps the event until this has completed, so a crash in
 * between delays a notice but never loses it. Settling comes first: a resubmitted task settles the
 * "returned" notice, then announces the submission.
 */
@Component
class NoticeListener {

	private final Notices notices;

	NoticeListener(Notices notices) {
		this.notices = notices;
	}

	@ApplicationModuleListener
	void on(NoticeEvent event) {
		notices.settle(event.link(), event.settles());
		event.announcement().ifPresent(notice -> notices.announce(notice, event.link()));
	}
}
