package org.minyi.platform.personal;

import java.nio.file.Path;
import java.util.Map;

import org.minyi.platform.crypto.TestKeys;

/** Personal data sealed under given keys, outside a Spring context, for tests in other modules (e.g. of a key rotation). */
public final class TestPersonalData {

	private TestPersonalData() {
	}

	public static PersonalData of(Map<String, String> keys, Path dataDir) {
		return new PersonalData(TestKeys.of(keys, dataDir), event -> {
		});
	}
}
