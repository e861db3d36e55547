package org.minyi.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Checked against the worked example of GB 11643-1999 (11010519491231002X) and numbers made from it. */
class IdNumberTests {

	@Test
	void theStandardsExampleIsValidAndMasked() throws Exception {
		IdNumber id = IdNumber.parse(" 11010519491231002x ");
		assertThat(id.value()).isEqualTo("11010519491231002X");
		assertThat(id.masked()).isEqualTo("110105********002X");
	}

	@Test
	void aWrongCheckCharacterOrShapeIsRefused() {
		assertThatThrownBy(() -> IdNumber.parse("110105194912310021")).isInstanceOfSatisfying(IdNumber.Invalid.class,
				e -> assertThat(e.messageKey()).isEqualTo("idNumber.error.check"));
		assertThatThrownBy(() -> IdNumber.parse("11010519491231002")).isInstanceOfSatisfying(IdNumber.Invalid.class,
				e -> assertThat(e.messageKey()).isEqualTo("idNumber.error.format"));
		assertThatThrownBy(() -> IdNumber.parse("1101051949123100ZX")).isInstanceOf(IdNumber.Invalid.class);
		assertThatThrownBy(() -> IdNumber.parse(null)).isInstanceOf(IdNumber.Invalid.class);
	}
}
