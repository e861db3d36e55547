package org.minyi.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class SeenNumbersTests {

	@Test
	void everyHashIsNewOnceAndRepeatedAfterwardsAlsoPastManyGrowths() throws Exception {
		SeenNumbers seen = new SeenNumbers();
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		for (int i = 0; i < 300_000; i++) {
			assertThat(seen.add(hash(sha, i))).isTrue();
		}
		for (int i = 0; i < 300_000; i += 997) {
			assertThat(seen.add(hash(sha, i))).as("number %d again", i).isFalse();
		}
		assertThat(seen.add(hash(sha, 300_000))).isTrue();
	}

	@Test
	void hashesDifferingOnlyInTheirFirstHalfAreDifferentNumbers() {
		SeenNumbers seen = new SeenNumbers();
		String tail = "0123456789abcdef0123456789abcdef";
		assertThat(seen.add("0000000000000001" + "0000000000000000" + tail)).isTrue();
		assertThat(seen.add("0000000000000002" + "0000000000000000" + tail)).isTrue();
		assertThat(seen.add("0000000000000001" + "0000000000000000" + tail)).isFalse();
	}

	private static String hash(MessageDigest sha, int i) {
		return HexFormat.of().formatHex(sha.digest(("1380000" + i).getBytes(StandardCharsets.UTF_8)));
	}
}
