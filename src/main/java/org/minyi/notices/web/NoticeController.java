package org.minyi.notices.web;

import java.util.List;
import java.util.Set;

import org.minyi.access.AccountManagement;
import org.minyi.notices.NoticeKind;
import org.minyi.notices.Notices;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's notices (the latest hundred, newest first; opening them is reading them) and the
 * user's e-mail settings: the address and which kinds of notice also arrive by e-mail. The pages
 * were under {@code /workplan/notices} before the centre became a module of its own; those
 * addresses (in earlier e-mails and bookmarks) lead here.
 */
@Controller
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','UNIT_OFFICER','LEADER')")
class NoticeController {

	/** The roles that receive notices (see {@link NoticeKind.Audience}). */
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

	@GetMapping("/notices")
	String notices(Model model) {
		model.addAttribute("notices", notices.recent(CurrentUser.required().username(), SHOWN));
		return "notices/notices";
	}

	@PostMapping("/notices/read")
	String readAll() {
		notices.markAllRead(CurrentUser.required().username());
		return "redirect:/notices";
	}

	@GetMapping("/notices/settings")
	String settings(Model model) {
		CurrentUser user = CurrentUser.required();
		return settingsPage(model, accounts.email(user.accountId()).orElse(""), notices.emailedKinds(user.username()));
	}

	@PostMapping("/notices/settings")
	String saveSettings(@RequestParam(defaultValue = "") String email, @RequestParam(required = false) List<String> kinds, Model model,
			RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.required();
		Set<NoticeKind> chosen = notices.kindsNamed(kinds == null ? List.of() : kinds);
		try {
			accounts.changeOwnEmail(user.accountId(), email);
		}
		catch (BusinessRuleException e) {
			model.addAttribute("emailError", e.messageKey());
			return settingsPage(model, email, chosen);
		}
		notices.chooseEmailedKinds(user.username(), chosen);
		flash.success(redirect, "notices.settings.saved");
		return "redirect:/notices/settings";
	}

	@GetMapping("/workplan/notices")
	String formerNotices() {
		return "redirect:/notices";
	}

	@GetMapping("/workplan/notices/settings")
	String formerSettings() {
		return "redirect:/notices/settings";
	}

	private String settingsPage(Model model, String email, Set<NoticeKind> chosen) {
		model.addAttribute("email", email);
		model.addAttribute("chosen", chosen);
		model.addAttribute("kinds", notices.kindsReaching(CurrentUser.required().roleName()));
		return "notices/settings";
	}
}
