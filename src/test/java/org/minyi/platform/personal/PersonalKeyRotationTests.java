package org.minyi.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.platform.crypto.TestKeys;

class PersonalKeyRotationTests {

	private static final String OLD = key('o');

	private static final String NEW = key('n');

	private static final String LOOKUP = key('l');

	@TempDir
	Path dataDir;

	@Test
	void valuesSealedUnderThePreviousKeyOpenAndAreResealedOnceUnderTheNewOne() {
		PersonalData before = personalData(Map.of("minyi.keys.personal", OLD, "minyi.keys.lookup", LOOKUP));
		PersonalData.Protected stored = before.protect("13812341234");

		PersonalData rotating = personalData(Map.of("minyi.keys.personal", NEW, "minyi.keys.personal-previous", OLD,
				"minyi.keys.lookup", LOOKUP));
		assertThat(rotating.rotating()).isTrue();
		assertThat(rotating.reveal(stored.sealed(), "frame_number", 1, "call")).as("still readable during the rotation")
			.isEqualTo("13812341234");
		String resealed = rotating.resealed(stored.sealed());
		assertThat(resealed).isNotNull().isNotEqualTo(stored.sealed());
		assertThat(rotating.resealed(resealed)).as("a second pass has nothing to do").isNull();
		assertThat(rotating.protect("13812341234").hash()).as("look-up hashes do not change").isEqualTo(stored.hash());

		PersonalData after = personalData(Map.of("minyi.keys.personal", NEW, "minyi.keys.lookup", LOOKUP));
		assertThat(after.rotating()).isFalse();
		assertThat(after.reveal(resealed, "frame_number", 1, "call")).isEqualTo("13812341234");
		assertThatThrownBy(() -> after.reveal(stored.sealed(), "frame_number", 1, "call"))
			.as("without the previous key an old value no longer opens").isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> after.resealed(stored.sealed())).isInstanceOf(IllegalStateException.class);
	}

	private PersonalData personalData(Map<String, String> keys) {
		return new PersonalData(TestKeys.of(keys, dataDir), event -> {
		});
	}

	private static String key(char fill) {
		return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
	}
}
