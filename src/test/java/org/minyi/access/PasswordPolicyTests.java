package org.minyi.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

	@Test
	void acceptsLongPasswordWithThreeClasses() {
		assertThat(PasswordPolicy.violations("correct7Horse", "zhang")).isEmpty();
		assertThat(PasswordPolicy.violations("Correct-horse", "zhang")).isEmpty();
	}

	@Test
	void refusesShortPassword() {
		assertThat(PasswordPolicy.violations("Ab1!ab1!a", "zhang")).containsExactly("password.error.length");
	}

	@Test
	void refusesTwoClasses() {
		assertThat(PasswordPolicy.violations("onlylowercaseabc", "zhang")).containsExactly("password.error.classes");
		assertThat(PasswordPolicy.violations("lowercase123456", "zhang")).containsExactly("password.error.classes");
	}

	@Test
	void refusesPasswordContainingUsername() {
		assertThat(PasswordPolicy.violations("Zhang2026!!", "zhang")).containsExactly("password.error.username");
	}

	@RepeatedTest(20)
	void generatedPasswordsMeetThePolicy() {
		String password = PasswordPolicy.generate();
		assertThat(password).hasSize(16);
		assertThat(PasswordPolicy.characterClasses(password)).isEqualTo(4);
		assertThat(PasswordPolicy.violations(password, "someone")).isEmpty();
	}
}
