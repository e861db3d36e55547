package org.minyi.access;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Password rules: at least 10 characters, at least three of the four classes (lower case, upper
 * case, digit, symbol), and not containing the username. Reuse of recent passwords is checked by
 * {@link AccountManagement} against the history.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "!@#$%^&*-_=+?";

	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordPolicy() {
	}

	/** Message keys of the rules the password breaks; empty when it is acceptable. */
	static List<String> violations(String password, String username) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			problems.add("password.error.length");
			return problems;
		}
		if (characterClasses(password) < 3) {
			problems.add("password.error.classes");
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			problems.add("password.error.username");
		}
		return problems;
	}

	static int characterClasses(String password) {
		boolean lower = false, upper = false, digit = false, symbol = false;
		for (char c : password.toCharArray()) {
			if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else {
				symbol = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
	}

	/** A random one-time password of 16 characters that meets the policy (all four classes). */
	static String generate() {
		StringBuilder password = new StringBuilder();
		for (String alphabet : List.of(LOWER, UPPER, DIGITS, SYMBOLS)) {
			password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		String all = LOWER + UPPER + DIGITS;
		while (password.length() < 16) {
			password.append(all.charAt(RANDOM.nextInt(all.length())));
		}
		for (int i = password.length() - 1; i > 0; i--) {
			int j = RANDOM.nextInt(i + 1);
			char c = password.charAt(i);
			password.setCharAt(i, password.charAt(j));
			password.setCharAt(j, c);
		}
		return password.toString();
	}
}
