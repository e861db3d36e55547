package org.minyi.fieldwork.web;

import java.util.Locale;
import java.util.Map;

import org.minyi.org.UnitManagement;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.survey.Mode;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the supervisors' CATI pages of a round share: the round itself, unit names and message texts for exports. */
@Component
class CatiPages {

	private final RoundManagement rounds;

	private final UnitManagement units;

	private final MessageSource messages;

	CatiPages(RoundManagement rounds, UnitManagement units, MessageSource messages) {
		this.rounds = rounds;
		this.units = units;
		this.messages = messages;
	}

	/** A round with telephone interviewing; any other id is "not found". */
	RoundView round(long roundId) {
		return rounds.find(roundId).filter(r -> r.modes().contains(Mode.CATI))
			.orElseThrow(() -> new RecordNotFoundException("round", roundId));
	}

	Map<Long, String> townshipNames() {
		return units.names();
	}

	String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
