package org.minyi.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

/**
 * Spring Data JDBC quotes identifiers by default, and its H2 dialect quotes them in upper case,
 * which misses the lower-case tables our migrations create on H2 with {@code DATABASE_TO_LOWER}.
 * Unquoted identifiers fold to lower case on both H2 (so configured) and PostgreSQL, so one set
 * of names works on both databases. See docs/adr/0002-one-schema-for-h2-and-postgresql.md.
 */
@Configuration(proxyBeanMethods = false)
class JdbcNamingConfig {

	@Bean
	static BeanPostProcessor unquotedJdbcIdentifiers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}
}
