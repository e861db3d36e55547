package org.minyi.platform.web;

import org.minyi.platform.BusinessRuleException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one-line message the layout shows after a redirect, translated into the user's language:
 * {@code flash.success(redirect, "unit.created", unit.name())} or {@code flash.error(redirect, e)}.
 */
@Component
public class Flash {

	private final MessageSource messages;

	Flash(MessageSource messages) {
		this.messages = messages;
	}

	public void success(RedirectAttributes redirect, String messageKey, Object... arguments) {
		redirect.addFlashAttribute("flash", text(messageKey, arguments));
	}

	public void error(RedirectAttributes redirect, BusinessRuleException e) {
		redirect.addFlashAttribute("flashError", text(e.messageKey(), e.arguments()));
	}

	private String text(String key, Object[] arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}
}
