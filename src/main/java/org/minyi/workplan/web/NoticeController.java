package org.minyi.workplan.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.minyi.access.AccountManagement;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.web.Flash;
import org.minyi.workplan.NoticeKind;
import org.minyi.workplan.Notices;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's notices about tasks (the latest hundred, newest first; opening them is reading them)
 * and the user's e-mail settings: the address and which kinds of notice also arrive by e-mail.
 */
@Controller
@RequestMapping("/workplan/notices")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','UNIT_OFFICER','LEADER')")
class NoticeController {

	/** The roles that receive task notices (see {@link Notices}). */
	static final Set<String> RECEIVING_ROLES = Set.of("DISTRICT_ADMIN", "UNIT_OFFICER", "LEADER");

	private static final int SHOWN = 100;

	private final Notices notices;

	private final AccountManagement accounts;

	private final Flash flash;

	NoticeController(Notices notices, AccountManagement accounts, Flash flash) {
		this.notices = notices;
		this.accounts = accounts;
		this.flash = flash;
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

	@GetMapping("/settings")
	String settings(Model model) {
		CurrentUser user = CurrentUser.required();
		return settingsPage(model, accounts.email(user.accountId()).orElse(""), notices.emailedKinds(user.username()));
	}

	@PostMapping("/settings")
	String saveSettings(@RequestParam(defaultValue = "") String email, @RequestParam(required = false) List<NoticeKind> kinds,
			Model model, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.required();
		Set<NoticeKind> chosen = kinds == null || kinds.isEmpty() ? EnumSet.noneOf(NoticeKind.class) : EnumSet.copyOf(kinds);
		try {
			accounts.changeOwnEmail(user.accountId(), email);
		}
		catch (BusinessRuleException e) {
			model.addAttribute("emailError", e.messageKey());
			return settingsPage(model, email, chosen);
		}
		notices.chooseEmailedKinds(user.username(), chosen);
		flash.success(redirect, "workplan.notices.settings.saved");
		return "redirect:/workplan/notices/settings";
	}

	private String settingsPage(Model model, String email, Set<NoticeKind> chosen) {
		model.addAttribute("email", email);
		model.addAttribute("chosen", chosen);
		String role = CurrentUser.required().roleName();
		model.addAttribute("kinds", Arrays.stream(NoticeKind.values()).filter(kind -> kind.reaches(role)).toList());
		return "workplan/notice-settings";
	}
}
