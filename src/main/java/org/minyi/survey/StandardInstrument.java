package org.minyi.survey;

import org.minyi.survey.instrumentfile.InstrumentFiles;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every installation starts with the standard instrument published as version 1 of its code. */
@Component
@Order(40)
class StandardInstrument implements ApplicationRunner {

	private final InstrumentCatalog catalog;

	StandardInstrument(InstrumentCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		InstrumentDefinition standard = InstrumentFiles.standard();
		if (!catalog.hasCode(standard.code())) {
			catalog.publish(catalog.addDraft(standard).id());
		}
	}
}
