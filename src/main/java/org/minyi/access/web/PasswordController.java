package org.minyi.access.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minyi.access.AccountManagement;
import org.minyi.access.MinyiUser;
import org.minyi.platform.web.Flash;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's own password change; the only page open to a user holding a one-time password. */
@Controller
@RequestMapping("/account/password")
class PasswordController {

	private final AccountManagement accounts;

	private final Flash flash;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	PasswordController(AccountManagement accounts, Flash flash) {
		this.accounts = accounts;
		this.flash = flash;
	}

	@GetMapping
	String form() {
		return "access/password";
	}

	@PostMapping
	String change(@AuthenticationPrincipal MinyiUser user, @RequestParam String currentPassword,
			@RequestParam String newPassword, @RequestParam String confirmPassword, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		List<String> problems = newPassword.equals(confirmPassword)
				? accounts.changeOwnPassword(user.accountId(), currentPassword, newPassword)
				: List.of("password.error.confirm");
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			return "access/password";
		}
		refreshPrincipal(user, request, response);
		flash.success(redirect, "password.changed");
		return "redirect:/";
	}

	/** Replaces the session's principal so that the forced-change gate opens without a new login. */
	private void refreshPrincipal(MinyiUser user, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		MinyiUser changed = user.withPasswordChanged();
		var authentication = UsernamePasswordAuthenticationToken.authenticated(changed, null, current.getAuthorities());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}
}
