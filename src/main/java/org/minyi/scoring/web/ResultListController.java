package org.minyi.scoring.web;

import org.minyi.scoring.RoundScoring;
import org.minyi.survey.RoundManagement;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The rounds that have results, newest first: the way in for unit officers, who do not manage rounds. */
@Controller
@PreAuthorize(ResultsController.VIEW)
class ResultListController {

	private final RoundManagement rounds;

	private final RoundScoring scoring;

	ResultListController(RoundManagement rounds, RoundScoring scoring) {
		this.rounds = rounds;
		this.scoring = scoring;
	}

	@GetMapping("/scoring/rounds")
	String list(Model model) {
		model.addAttribute("rounds", rounds.list().stream().filter(r -> scoring.latest(r.id()).isPresent()).toList());
		return "scoring/rounds";
	}
}
