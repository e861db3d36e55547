package org.minyi.platform.personal;

import java.util.List;

import org.minyi.platform.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Completes a rotation of the personal-data key at start-up: with the new key in
 * {@code MINYI_KEYS_PERSONAL} and the old one in {@code MINYI_KEYS_PERSONAL_PREVIOUS}, every sealed
 * value still under the old key is re-sealed under the new one, store by store, and the rotation is
 * audited. Running it again finds nothing left to do, so an interrupted rotation is finished by the
 * next start. Once it has logged its counts, the previous key can be removed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PersonalKeyRotation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PersonalKeyRotation.class);

	private final PersonalData personalData;

	private final List<SealedStore> stores;

	private final ApplicationEventPublisher events;

	PersonalKeyRotation(PersonalData personalData, List<SealedStore> stores, ApplicationEventPublisher events) {
		this.personalData = personalData;
		this.stores = stores;
		this.events = events;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!personalData.rotating()) {
			return;
		}
		for (SealedStore store : stores) {
			int resealed = store.reseal(personalData);
			log.info("Personal-data key rotation: {} values of {} re-sealed under the new key", resealed, store.name());
			events.publishEvent(AuditEvent.of("personal.rotate", store.name(), null, "resealed=" + resealed));
		}
	}
}
