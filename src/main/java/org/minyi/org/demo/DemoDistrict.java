package org.minyi.org.demo;

import java.io.IOException;
import java.io.InputStream;

import org.minyi.org.UnitFiles;
import org.minyi.org.UnitImportResult;
import org.minyi.org.UnitManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile's district: eight townships with their communities, twelve departments
 * (four political-legal), schools and hospitals, population by gender and age group. Loaded once
 * through the ordinary import, from {@code demo/units.csv}.
 */
@Component
@Profile("demo")
@Order(20)
class DemoDistrict implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDistrict.class);

	private final UnitManagement units;

	private final UnitFiles files;

	DemoDistrict(UnitManagement units, UnitFiles files) {
		this.units = units;
		this.files = files;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (units.findByCode("YJCG").isPresent()) {
			return;
		}
		try (InputStream csv = new ClassPathResource("demo/units.csv").getInputStream()) {
			UnitImportResult result = files.importFile(csv);
			if (!result.succeeded()) {
				throw new IllegalStateException("demo units do not import: " + result.problems());
			}
			log.info("Demo district loaded: {} units", result.created());
		}
	}
}
