package org.minyi.access.web;

import org.minyi.access.AccessProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; messages for failures, lockout, logout and expiry come from its query. */
@Controller
class LoginController {

	private final AccessProperties properties;

	LoginController(AccessProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("lockoutMinutes", properties.lockout().toMinutes());
		return "access/login";
	}
}
