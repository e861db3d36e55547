package org.minyi.platform.crypto;

import java.nio.file.Path;
import java.util.Map;

import org.minyi.platform.MinyiProperties;
import org.springframework.mock.env.MockEnvironment;

/** Secret keys from given properties, for tests of key handling outside a Spring context. */
public final class TestKeys {

	private TestKeys() {
	}

	public static SecretKeys of(Map<String, String> properties, Path dataDir) {
		MockEnvironment environment = new MockEnvironment();
		properties.forEach(environment::setProperty);
		return new SecretKeys(environment, new MinyiProperties(dataDir));
	}
}
