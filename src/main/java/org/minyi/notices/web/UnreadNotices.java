package org.minyi.notices.web;

import org.minyi.notices.Notices;
import org.minyi.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count in the page header, for users who receive notices. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class UnreadNotices {

	private final Notices notices;

	UnreadNotices(Notices notices) {
		this.notices = notices;
	}

	@ModelAttribute("unreadNotices")
	Long unread() {
		return CurrentUser.get().filter(UnreadNotices::receivesNotices).map(user -> notices.unread(user.username())).orElse(null);
	}

	private static boolean receivesNotices(CurrentUser user) {
		return NoticeController.RECEIVING_ROLES.contains(user.roleName());
	}
}
