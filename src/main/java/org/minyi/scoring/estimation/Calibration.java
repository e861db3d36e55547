package org.minyi.scoring.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * Calibrates weights to population margins by raking (iterative proportional fitting; with one
 * margin it is post-stratification), optionally within weight bounds (trimming). Estimates from the
 * calibrated design take the variance of the residuals of their linearisation on the calibration
 * variables (Deville and Särndal), as R's {@code calibrate(..., calfun = "raking")} reports (ADR 0006).
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
		return rake(design, margins, 0, Double.POSITIVE_INFINITY, tolerance, maxIterations);
	}

	/**
	 * Rakes with every weight kept between {@code lowest} and {@code highest} (trimming, re-raked after
	 * each cut). Bounds the margins cannot live with end without convergence, which the result says.
	 */
	public static Result rake(SurveyDesign design, List<Margin> margins, double lowest, double highest, double tolerance,
			int maxIterations) {
		double[] weight = design.weight.clone();
		int[][] levelOf = levelIndexes(margins, design.size);
		double[][] totals = totals(margins);
		double error = Double.POSITIVE_INFINITY;
		int iteration = 0;
		while (iteration < maxIterations && error > tolerance) {
			iteration++;
			for (int m = 0; m < margins.size(); m++) {
				double[] sums = levelSums(levelOf[m], totals[m].length, weight);
				for (int i = 0; i < design.size; i++) {
					int level = levelOf[m][i];
					weight[i] *= totals[m][level] / sums[level];
				}
			}
			for (int i = 0; i < design.size; i++) {
				weight[i] = Math.min(highest, Math.max(lowest, weight[i]));
			}
			error = maxRelativeError(levelOf, totals, weight);
		}
		return new Result(design.calibrated(weight, new SurveyDesign.CalibrationBasis(levelOf, totals, design.weight, weight)),
				error <= tolerance, iteration, error);
	}

	/**
	 * Replaces linearised values z by their residuals on the calibration variables:
	 * β = (Σ w₀ᵢ xᵢxᵢ')⁻¹ Σ xᵢzᵢ/gᵢ, eᵢ = zᵢ − wᵢ·xᵢ'β, with gᵢ = wᵢ/w₀ᵢ. The variables are an intercept
	 * and an indicator for every level but the first of each margin, so xᵢ has at most one 1 per margin.
	 */
	static double[] residuals(SurveyDesign design, double[] z) {
		SurveyDesign.CalibrationBasis basis = design.calibration;
		int[][] levelOf = basis.levelOf();
		double[] inverseG = basis.inverseG();
		int[] offset = basis.columnOffsets();
		double[] scaled = new double[design.size];
		double[] right = new double[basis.columnCount()];
		for (int i = 0; i < design.size; i++) {
			scaled[i] = z[i] * inverseG[i];
			right[0] += scaled[i];
		}
		for (int m = 0; m < levelOf.length; m++) {
			double[] byLevel = new double[levelCount(basis, m)];
			int[] level = levelOf[m];
			for (int i = 0; i < design.size; i++) {
				byLevel[level[i]] += scaled[i];
			}
			System.arraycopy(byLevel, 1, right, offset[m], levelCount(basis, m) - 1);
		}
		double[] beta = basis.solver().solve(new ArrayRealVector(right, false)).toArray();
		// the residual array reuses the scaled values' storage: they are not needed any more
		double[] residual = scaled;
		for (int i = 0; i < design.size; i++) {
			residual[i] = z[i] - design.weight[i] * beta[0];
		}
		for (int m = 0; m < levelOf.length; m++) {
			double[] coefficient = new double[levelCount(basis, m)];
			System.arraycopy(beta, offset[m], coefficient, 1, coefficient.length - 1);
			int[] level = levelOf[m];
			for (int i = 0; i < design.size; i++) {
				residual[i] -= design.weight[i] * coefficient[level[i]];
			}
		}
		return residual;
	}

	/** Levels of margin m: its columns in the basis plus the first level, which has none. */
	private static int levelCount(SurveyDesign.CalibrationBasis basis, int m) {
		int[] offset = basis.columnOffsets();
		int next = m + 1 < offset.length ? offset[m + 1] : basis.columnCount();
		return next - offset[m] + 1;
	}

	/** Σ w₀ xx' for the intercept-plus-indicators basis, decomposed once per calibrated design. */
	static DecompositionSolver normalEquations(int[][] levelOf, int[] offset, int columns, double[] baseWeight) {
		double[][] normal = new double[columns][columns];
		int[] active = new int[levelOf.length + 1];
		for (int i = 0; i < baseWeight.length; i++) {
			int count = 0;
			active[count++] = 0;
			for (int m = 0; m < levelOf.length; m++) {
				if (levelOf[m][i] > 0) {
					active[count++] = offset[m] + levelOf[m][i] - 1;
				}
			}
			for (int a = 0; a < count; a++) {
				for (int b = 0; b < count; b++) {
					normal[active[a]][active[b]] += baseWeight[i];
				}
			}
		}
		return new LUDecomposition(new Array2DRowRealMatrix(normal, false)).getSolver();
	}

	/** Each respondent's level of each margin, as an index into the margin's levels in sorted order. */
	private static int[][] levelIndexes(List<Margin> margins, int size) {
		int[][] levelOf = new int[margins.size()][size];
		for (int m = 0; m < margins.size(); m++) {
			List<String> levels = new ArrayList<>(new TreeSet<>(margins.get(m).populationTotals().keySet()));
			Map<String, Integer> index = new HashMap<>();
			levels.forEach(level -> index.put(level, index.size()));
			for (int i = 0; i < size; i++) {
				levelOf[m][i] = index.get(margins.get(m).level()[i]);
			}
		}
		return levelOf;
	}

	private static double[][] totals(List<Margin> margins) {
		return margins.stream()
			.map(margin -> new TreeSet<>(margin.populationTotals().keySet()).stream()
				.mapToDouble(level -> margin.populationTotals().get(level))
				.toArray())
			.toArray(double[][]::new);
	}

	private static double[] levelSums(int[] levelOf, int levels, double[] weight) {
		double[] sums = new double[levels];
		for (int i = 0; i < weight.length; i++) {
			sums[levelOf[i]] += weight[i];
		}
		return sums;
	}

	private static double maxRelativeError(int[][] levelOf, double[][] totals, double[] weight) {
		double error = 0;
		for (int m = 0; m < levelOf.length; m++) {
			double[] sums = levelSums(levelOf[m], totals[m].length, weight);
			for (int level = 0; level < totals[m].length; level++) {
				error = Math.max(error, Math.abs(sums[level] - totals[m][level]) / totals[m][level]);
			}
		}
		return error;
	}

	static int[] offsets(double[][] totals) {
		int[] offset = new int[totals.length];
		int next = 1;
		for (int m = 0; m < totals.length; m++) {
			offset[m] = next;
			next += totals[m].length - 1;
		}
		return offset;
	}

	static int columns(double[][] totals) {
		return 1 + Arrays.stream(totals).mapToInt(t -> t.length - 1).sum();
	}
}
