package org.minyi.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Malformed JSON (or a body cut off by {@link ApiBodyLimit}), said in the user's language. Ordered
 * before Spring's own problem-details advice, which would answer in English.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableRequests {

	private final ErrorHandling errors;

	UnreadableRequests(ErrorHandling errors) {
		this.errors = errors;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpServletRequest request) {
		return errors.respond(request, HttpStatus.BAD_REQUEST, "error.400.text");
	}
}
