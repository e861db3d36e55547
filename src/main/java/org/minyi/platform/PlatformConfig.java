package org.minyi.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans every module shares: the clock (replaceable in tests) and scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfig {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
