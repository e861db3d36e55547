package org.minyi.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title of the OpenAPI description of {@code /api/v1} (browsable at {@code /api/docs} after login). */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

	@Bean
	OpenAPI minyiApi() {
		return new OpenAPI().info(new Info().title("Minyi API")
			.version("v1")
			.description("REST API of Minyi. Errors are RFC 9457 problem details; every call is limited "
					+ "to the caller's role and data scope."));
	}
}
