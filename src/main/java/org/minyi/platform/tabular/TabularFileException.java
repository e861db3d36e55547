package org.minyi.platform.tabular;

/**
 * A file that cannot be read as a table at all. The message key names the reason for the
 * user (e.g. {@code tabular.error.notExcel}); nothing in the file was used.
 */
public class TabularFileException extends Exception {

	private final String messageKey;

	private final Object[] arguments;

	public TabularFileException(String messageKey, Throwable cause, Object... arguments) {
		super(messageKey, cause);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
