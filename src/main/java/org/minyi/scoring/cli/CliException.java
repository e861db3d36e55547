package org.minyi.scoring.cli;

/** A bad file or flag: the message key and arguments of the one-line error the command prints. */
final class CliException extends Exception {

	private final String messageKey;

	private final transient Object[] arguments;

	CliException(String messageKey, Object... arguments) {
		super(messageKey, null, false, false);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	String messageKey() {
		return messageKey;
	}

	Object[] arguments() {
		return arguments;
	}
}
