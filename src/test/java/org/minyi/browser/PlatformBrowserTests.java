package org.minyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** In the browser: what every page shares: the API documentation under the content security policy. */
class PlatformBrowserTests extends BrowserTest {

	@Test
	void apiDocumentationRendersUnderTheContentSecurityPolicy() throws IOException {
		login("district", DEMO_PASSWORD);
		open("/api/docs");
		assertThat(text(".swagger-ui .opblock-tag-section")).isNotBlank();
		assertThat(driver.getPageSource()).contains("/api/v1/units");
		screenshot("api-docs");
		logout();
	}
}
