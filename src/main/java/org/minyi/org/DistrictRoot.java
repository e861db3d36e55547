package org.minyi.org;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On the first start with an empty database, creates the district's root unit. */
@Component
@Order(10)
class DistrictRoot implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DistrictRoot.class);

	private final UnitManagement units;

	private final OrgProperties properties;

	DistrictRoot(UnitManagement units, OrgProperties properties) {
		this.units = units;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (units.root().isEmpty()) {
			String name = properties.name() == null || properties.name().isBlank() ? properties.code() : properties.name();
			units.create(new UnitDraft(properties.code(), name, UnitKind.DISTRICT, null, null, null, null, Map.of()));
			log.info("Created the district root unit {} ({})", name, properties.code());
		}
	}
}
