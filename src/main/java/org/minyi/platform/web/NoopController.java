package org.minyi.platform.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Does nothing with a JSON body, through the same filters as public submissions: the baseline that
 * load benchmarks measure the cost of real work against (bench/RESULTS.md).
 */
@RestController
class NoopController {

	@Operation(summary = "Accept and discard a JSON body (benchmark baseline)")
	@PostMapping("/api/v1/public/noop")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void noop(@RequestBody Map<String, Object> body) {
		// the baseline: parsing the body is all the work there is
	}
}
