package org.minyi.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; messages for failures, lockout, logout and expiry come from its query. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "access/login";
	}
}
