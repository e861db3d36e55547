package org.minyi.workplan.web;

import org.minyi.platform.security.CurrentUser;
import org.minyi.workplan.Notices;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The user's notices about tasks: the latest hundred, newest first; opening them is reading them. */
@Controller
@RequestMapping("/workplan/notices")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','UNIT_OFFICER')")
class NoticeController {

	private static final int SHOWN = 100;

	private final Notices notices;

	NoticeController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping
	String notices(Model model) {
		model.addAttribute("notices", notices.recent(CurrentUser.required().username(), SHOWN));
		return "workplan/notices";
	}

	@PostMapping("/read")
	String readAll() {
		notices.markAllRead(CurrentUser.required().username());
		return "redirect:/workplan/notices";
	}
}
