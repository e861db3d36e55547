package org.minyi.platform.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Turns the platform's exceptions into friendly pages in the user's language, or RFC 9457
 * problem details under {@code /api/}. Never shows an exception message or stack trace.
 */
@ControllerAdvice
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	private final MessageSource messages;

	ErrorHandling(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RecordNotFoundException.class)
	Object notFound(HttpServletRequest request, RecordNotFoundException e) {
		return respond(request, HttpStatus.NOT_FOUND, "error.404.text");
	}

	@ExceptionHandler(BusinessRuleException.class)
	Object conflict(HttpServletRequest request, BusinessRuleException e) {
		return respond(request, HttpStatus.CONFLICT, e.messageKey(), e.arguments());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request) {
		return respond(request, HttpStatus.PAYLOAD_TOO_LARGE, "error.upload.tooLarge");
	}

	Object respond(HttpServletRequest request, HttpStatus status, String key, Object... args) {
		Locale locale = RequestContextUtils.getLocale(request);
		String text = messages.getMessage(key, args, key, locale);
		if (isApi(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text);
			problem.setTitle(messages.getMessage("error." + status.value() + ".title", null, status.getReasonPhrase(), locale));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("error/problem", status);
		page.addObject("status", status.value());
		page.addObject("detail", text);
		return page;
	}

	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/** Anything unexpected: logged with its stack trace, shown to the user only as "500". */
	@ExceptionHandler(Exception.class)
	Object unexpected(HttpServletRequest request, HttpServletResponse response, Exception e) throws Exception {
		if (e instanceof org.springframework.security.access.AccessDeniedException
				|| e instanceof org.springframework.security.core.AuthenticationException
				|| e instanceof org.springframework.web.ErrorResponse) {
			throw e; // handled by Spring Security and Spring MVC with their proper status codes
		}
		log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
		return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.500.text");
	}
}
