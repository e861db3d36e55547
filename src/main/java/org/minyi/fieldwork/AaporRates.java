package org.minyi.fieldwork;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AAPOR outcome rates of STATISTICS.md §6 from counts of cases per disposition group.
 * {@code e}, the share of unknown-eligibility cases estimated eligible, defaults to the share
 * eligible among the cases whose eligibility is known. A rate with an empty denominator is NaN.
 */
public record AaporRates(Map<AaporGroup, Long> counts, double e) {

	public static AaporRates of(Map<AaporGroup, Long> counts) {
		Map<AaporGroup, Long> all = new EnumMap<>(AaporGroup.class);
		for (AaporGroup group : AaporGroup.values()) {
			all.put(group, counts.getOrDefault(group, 0L));
		}
		AaporRates raw = new AaporRates(all, 0);
		double eligible = raw.eligible();
		double known = eligible + raw.n(AaporGroup.NE);
		return new AaporRates(all, known == 0 ? 1 : eligible / known);
	}

	public long n(AaporGroup group) {
		return counts.getOrDefault(group, 0L);
	}

	/** I + P + R + NC + O: cases known to be eligible. */
	private double eligible() {
		return n(AaporGroup.I) + n(AaporGroup.P) + n(AaporGroup.R) + n(AaporGroup.NC) + n(AaporGroup.O);
	}

	private double unknown() {
		return n(AaporGroup.UH) + n(AaporGroup.UO);
	}

	private double interviews() {
		return n(AaporGroup.I) + n(AaporGroup.P);
	}

	private double contacts() {
		return interviews() + n(AaporGroup.R) + n(AaporGroup.O);
	}

	private double denominator1() {
		return eligible() + unknown();
	}

	private double denominator3() {
		return eligible() + e * unknown();
	}

	public double rr1() {
		return n(AaporGroup.I) / denominator1();
	}

	public double rr2() {
		return interviews() / denominator1();
	}

	public double rr3() {
		return n(AaporGroup.I) / denominator3();
	}

	public double rr4() {
		return interviews() / denominator3();
	}

	public double rr5() {
		return n(AaporGroup.I) / eligible();
	}

	public double rr6() {
		return interviews() / eligible();
	}

	public double coop1() {
		return n(AaporGroup.I) / contacts();
	}

	public double coop2() {
		return interviews() / contacts();
	}

	public double coop3() {
		return n(AaporGroup.I) / (interviews() + n(AaporGroup.R));
	}

	public double coop4() {
		return interviews() / (interviews() + n(AaporGroup.R));
	}

	public double ref1() {
		return n(AaporGroup.R) / denominator1();
	}

	public double ref2() {
		return n(AaporGroup.R) / denominator3();
	}

	public double ref3() {
		return n(AaporGroup.R) / eligible();
	}

	public double con1() {
		return contacts() / denominator1();
	}

	public double con2() {
		return contacts() / denominator3();
	}

	public double con3() {
		return contacts() / eligible();
	}

	/** Every rate by its name, in the order the dashboard shows them. */
	public Map<String, Double> all() {
		Map<String, Double> rates = new LinkedHashMap<>();
		rates.put("RR1", rr1());
		rates.put("RR2", rr2());
		rates.put("RR3", rr3());
		rates.put("RR4", rr4());
		rates.put("RR5", rr5());
		rates.put("RR6", rr6());
		rates.put("COOP1", coop1());
		rates.put("COOP2", coop2());
		rates.put("COOP3", coop3());
		rates.put("COOP4", coop4());
		rates.put("REF1", ref1());
		rates.put("REF2", ref2());
		rates.put("REF3", ref3());
		rates.put("CON1", con1());
		rates.put("CON2", con2());
		rates.put("CON3", con3());
		return rates;
	}
}
