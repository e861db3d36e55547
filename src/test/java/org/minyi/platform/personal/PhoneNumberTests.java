package org.minyi.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PhoneNumberTests {

	@Test
	void mobileNumbersLoseTheirCountryCodeAndSeparators() throws PhoneNumber.Invalid {
		for (String raw : new String[] { "13812341234", " 138 1234 1234 ", "138-1234-1234", "+86 138 1234 1234", "0086-13812341234",
				"8613812341234", "(138)12341234" }) {
			PhoneNumber number = PhoneNumber.parse(raw);
			assertThat(number.value()).as(raw).isEqualTo("13812341234");
			assertThat(number.kind()).isEqualTo(PhoneNumber.Kind.MOBILE);
		}
		assertThat(PhoneNumber.parse("13812341234").masked()).isEqualTo("138****1234");
	}

	@Test
	void landlinesKeepTheirAreaCode() throws PhoneNumber.Invalid {
		assertThat(PhoneNumber.parse("0571-81600569").value()).isEqualTo("0571-81600569");
		assertThat(PhoneNumber.parse("057181600569").value()).isEqualTo("0571-81600569");
		assertThat(PhoneNumber.parse("010 6512 3456").value()).isEqualTo("010-65123456");
		assertThat(PhoneNumber.parse("(020)87654321").value()).isEqualTo("020-87654321");
		assertThat(PhoneNumber.parse("0913-2345678").value()).as("seven-digit local number").isEqualTo("0913-2345678");
		assertThat(PhoneNumber.parse("0571-81600569").kind()).isEqualTo(PhoneNumber.Kind.LANDLINE);
		assertThat(PhoneNumber.parse("0571-81600569").masked()).isEqualTo("0571-****0569");
	}

	@Test
	void whatIsNotANumberSaysWhy() {
		Map<String, String> cases = Map.of(
				"", "phone.error.empty",
				"   ", "phone.error.empty",
				"138abcd1234", "phone.error.notDigits",
				"=HYPERLINK(\"x\")", "phone.error.notDigits",
				"81600569", "phone.error.noAreaCode",
				"1381234123", "phone.error.invalid",
				"12812341234", "phone.error.invalid",
				"138123412345", "phone.error.invalid",
				"010-05123456", "phone.error.invalid",
				"010-6512345", "phone.error.invalid");
		cases.forEach((raw, key) -> assertThatThrownBy(() -> PhoneNumber.parse(raw)).as(raw)
			.isInstanceOfSatisfying(PhoneNumber.Invalid.class, e -> assertThat(e.messageKey()).isEqualTo(key)));
	}
}
