package org.minyi.scoring.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Calibrates weights to population margins by raking (iterative proportional fitting; with one
 * margin it is post-stratification). Estimates from the calibrated design take the variance of
 * the residuals of their linearisation on the calibration variables (Deville and Särndal), as R's
 * {@code calibrate(..., calfun = "raking")} reports.
 */
public final class Calibration {

	private Calibration() {
	}

	/**
	 * The outcome of raking.
	 *
	 * @param maxRelativeError the largest |weighted total − population total| / population total over all levels
	 */
	public record Result(SurveyDesign design, boolean converged, int iterations, double maxRelativeError) {
	}

	/** Rakes until every margin matches to {@code tolerance} (relative) or {@code maxIterations} passes. */
	public static Result rake(SurveyDesign design, List<Margin> margins, double tolerance, int maxIterations) {
		double[] weight = design.weight.clone();
		double error = Double.POSITIVE_INFINITY;
		int iteration = 0;
		while (iteration < maxIterations) {
			iteration++;
			for (Margin margin : margins) {
				Map<String, Double> sums = levelSums(margin, weight);
				for (int i = 0; i < design.size; i++) {
					weight[i] *= margin.populationTotals().get(margin.level()[i]) / sums.get(margin.level()[i]);
				}
			}
			error = maxRelativeError(margins, weight);
			if (error <= tolerance) {
				break;
			}
		}
		return new Result(design.calibrated(weight, columns(margins, design.size)), error <= tolerance, iteration, error);
	}

	/**
	 * Replaces linearised values z by their residuals on the calibration variables:
	 * β = (Σ w₀ᵢ xᵢxᵢ')⁻¹ Σ xᵢzᵢ/gᵢ, eᵢ = zᵢ − wᵢ·xᵢ'β, with gᵢ = wᵢ/w₀ᵢ.
	 */
	static double[] residuals(SurveyDesign design, double[] z) {
		double[][] x = design.calibration.columns();
		double[] base = design.calibration.baseWeight();
		int k = x.length;
		double[][] normal = new double[k][k];
		double[] right = new double[k];
		for (int i = 0; i < design.size; i++) {
			double g = design.weight[i] / base[i];
			for (int a = 0; a < k; a++) {
				right[a] += x[a][i] * z[i] / g;
				for (int b = 0; b < k; b++) {
					normal[a][b] += base[i] * x[a][i] * x[b][i];
				}
			}
		}
		RealVector beta = new LUDecomposition(new Array2DRowRealMatrix(normal, false)).getSolver().solve(new ArrayRealVector(right, false));
		double[] residual = new double[design.size];
		for (int i = 0; i < design.size; i++) {
			double fitted = 0;
			for (int a = 0; a < k; a++) {
				fitted += x[a][i] * beta.getEntry(a);
			}
			residual[i] = z[i] - design.weight[i] * fitted;
		}
		return residual;
	}

	/** An intercept and, per margin, an indicator for every level but the first (a full-rank basis of the margins). */
	private static double[][] columns(List<Margin> margins, int size) {
		List<double[]> columns = new ArrayList<>();
		double[] intercept = new double[size];
		Arrays.fill(intercept, 1);
		columns.add(intercept);
		for (Margin margin : margins) {
			List<String> levels = new ArrayList<>(new TreeSet<>(margin.populationTotals().keySet()));
			for (String level : levels.subList(1, levels.size())) {
				double[] indicator = new double[size];
				for (int i = 0; i < size; i++) {
					indicator[i] = margin.level()[i].equals(level) ? 1 : 0;
				}
				columns.add(indicator);
			}
		}
		return columns.toArray(double[][]::new);
	}

	private static Map<String, Double> levelSums(Margin margin, double[] weight) {
		Map<String, Double> sums = new HashMap<>();
		margin.populationTotals().keySet().forEach(level -> sums.put(level, 0.0));
		for (int i = 0; i < weight.length; i++) {
			sums.merge(margin.level()[i], weight[i], Double::sum);
		}
		return sums;
	}

	private static double maxRelativeError(List<Margin> margins, double[] weight) {
		double error = 0;
		for (Margin margin : margins) {
			Map<String, Double> sums = levelSums(margin, weight);
			for (var total : margin.populationTotals().entrySet()) {
				error = Math.max(error, Math.abs(sums.get(total.getKey()) - total.getValue()) / total.getValue());
			}
		}
		return error;
	}
}
