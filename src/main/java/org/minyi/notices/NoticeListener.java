package org.minyi.notices;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears every module's {@link NoticeEvent} once its transaction has committed, in a transaction of
 * its own; the event publication registry keeps the event until this has completed, so a failure or
 * a crash in between delays a notice (it is republished at the next start) but never loses it.
 * Settling comes first: a resubmitted task settles the "returned" notice, then announces the
 * submission.
 * <p>
 * Unlike an {@code @ApplicationModuleListener} this does not run asynchronously: the steps of one
 * case must be heard in the order they were taken, or an answer announced after the closing that
 * settled it would stay unread for ever (ADR 0016).
 */
@Component
class NoticeListener {

	private final Notices notices;

	NoticeListener(Notices notices) {
		this.notices = notices;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(NoticeEvent event) {
		notices.settle(event.link(), event.settles());
		event.announcement().ifPresent(notice -> notices.announce(notice, event.link()));
	}
}
