package org.minyi.platform;

/**
 * A request that breaks a business rule (duplicate code, illegal state transition, ...). Carries
 * a message key for the user and, when the rule concerns one form field, that field's name so the
 * page can show the message next to it. Shown as 409 Conflict when not handled by a form.
 */
public class BusinessRuleException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final Object[] arguments;

	public BusinessRuleException(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public static BusinessRuleException of(String messageKey, Object... arguments) {
		return new BusinessRuleException(null, messageKey, arguments);
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
