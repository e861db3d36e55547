package org.minyi.platform;

/** Typed text as records keep it: stripped, empty as null where it may be, and never longer than its column. */
public final class TextInput {

	private TextInput() {
	}

	/**
	 * @param requiredKey the refusal when the text is empty, or null when it may be (then null is returned)
	 */
	public static String clean(String value, int max, String field, String requiredKey) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			if (requiredKey != null) {
				throw new BusinessRuleException(field, requiredKey);
			}
			return null;
		}
		if (text.length() > max) {
			throw new BusinessRuleException(field, "input.error.tooLong", String.valueOf(max));
		}
		return text;
	}
}
