package org.minyi.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login: who you are and where to go. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}
}
