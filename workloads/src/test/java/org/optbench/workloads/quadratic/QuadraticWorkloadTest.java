package org.optbench.workloads.quadratic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.Batch;
import org.optbench.api.BatchStream;
import org.optbench.api.LossAndGradients;
import org.optbench.api.Params;
import org.optbench.api.Rng;
import org.optbench.workloads.Model;
import org.optbench.workloads.Split;
import org.optbench.workloads.WorkloadOptions;
import org.optbench.workloads.Workloads;
import org.optbench.workloads.calibration.PlainAdamW;

/** The quadratic workload: its conditioning, its optimum, its gradients and that AdamW gets near the optimum. */
class QuadraticWorkloadTest {

    /** The eigenvalues of X^T X / n of the training design, ascending, by LAPACK's symmetric solver. */
    private static double[] trainSecondMomentEigenvalues(QuadraticData data) {
        double[][] x = data.trainX();
        INDArray design = Nd4j.createFromArray(x);
        INDArray moment = design.transpose().mmul(design).divi(x.length);
        INDArray eigenvalues = Eigen.symmetricGeneralizedEigenvalues(moment.dup(), true);
        double[] values = eigenvalues.toDoubleVector();
        Arrays.sort(values);
        return values;
    }

    @Test
    void realisedConditionNumberIsTheParameter() {
        // The training design is orthonormalised before scaling, so its second moment has exactly the prescribed
        // eigenvalues; what remains is rounding. In float64, LAPACK's eigenvalues carry an absolute error of about
        // 1e-16 * ||Sigma|| = 1e-16, i.e. a relative error near 1e-12 on the smallest (1e-4); 1e-8 leaves a wide
        // margin and would still catch any real departure (a sample covariance of 4,096 draws in 64 dimensions
        // misses its extreme eigenvalues by tens of percent).
        for (double cond : new double[] {1e4, 1e2}) {
            QuadraticProblem problem = QuadraticProblem.standard(cond);
            double[] values = trainSecondMomentEigenvalues(problem.generate());
            double realised = values[values.length - 1] / values[0];
            assertEquals(cond, realised, 1e-8 * cond, "condition number");
            // And the spectrum is the log-spaced one, 1 down to 1/cond.
            for (int i = 0; i < values.length; i++) {
                double expected = Math.pow(cond, -(double) (values.length - 1 - i) / (values.length - 1));
                assertEquals(expected, values[i], 1e-10, "eigenvalue " + i);
            }
        }
    }

    @Test
    void trainingFeaturesHaveZeroMeanSoTheBiasDecouples() {
        QuadraticData data = QuadraticProblem.standard(1e4).generate();
        for (int j = 0; j < data.problem().dimension(); j++) {
            double mean = 0;
            for (double[] row : data.trainX()) {
                mean += row[j];
            }
            assertEquals(0, mean / data.trainX().length, 1e-12, "mean of feature " + j);
        }
    }

    @Test
    void validationFeaturesFollowTheSameCovarianceApproximately() {
        // 1,024 draws: the trace of the sample covariance estimates sum(lambda) to within a few percent.
        QuadraticProblem problem = QuadraticProblem.standard(1e4);
        QuadraticData data = problem.generate();
        double trace = 0;
        for (double[] row : data.validationX()) {
            for (double v : row) {
                trace += v * v;
            }
        }
        trace /= data.validationX().length;
        double expected = Arrays.stream(problem.eigenvalues()).sum();
        assertEquals(expected, trace, 0.05 * expected);
    }

    @Test
    void bestAchievableMseIsTheNoiseVariance() {
        // The least-squares fit leaves the label noise (variance 0.01) plus an excess of about d / n * 0.01 =
        // 1.6e-4; on 1,024 validation examples the noise part has a relative standard error of sqrt(2/1024) = 4.4%.
        QuadraticData data = QuadraticProblem.standard(1e4).generate();
        double best = data.leastSquaresMse(data.validationX(), data.validationY());
        assertEquals(0.01016, best, 3 * 0.044 * 0.01);
        // And the data are the same every time: they come from the problem's seed, not a trial's.
        assertArrayEquals(data.trainY(), QuadraticProblem.standard(1e4).generate().trainY());
    }

    @Test
    void gradientsMatchFiniteDifferencesInDouble() {
        var workload = Workloads.create("quadratic", WorkloadOptions.defaults().withDataType(DataType.DOUBLE));
        Params params = workload.initialParams(Rng.of(1));
        Batch batch = workload.trainingStream(16, Rng.of(2)).next();
        Model model = workload.model(16);
        Params analytic = model.lossAndGradients(params, batch).gradients().copy();
        double h = 1e-6;
        for (int i = 0; i < params.size(); i++) {
            INDArray p = params.value(i).reshape(params.value(i).length());
            INDArray g = analytic.value(i).reshape(analytic.value(i).length());
            for (long j = 0; j < p.length(); j++) {
                double saved = p.getDouble(j);
                p.putScalar(j, saved + h);
                double plus = model.lossAndGradients(params, batch).loss();
                p.putScalar(j, saved - h);
                double minus = model.lossAndGradients(params, batch).loss();
                p.putScalar(j, saved);
                double numeric = (plus - minus) / (2 * h);
                double exact = g.getDouble(j);
                assertEquals(exact, numeric, 1e-6 * Math.max(1e-3, Math.abs(exact)), params.get(i).name() + "[" + j + "]");
            }
        }
    }

    @Test
    void adamWGetsCloseToTheOptimumAndTheMetricIsTheMse() {
        var workload = (QuadraticWorkload) Workloads.create("quadratic", WorkloadOptions.defaults());
        Rng trial = Rng.of(0);
        Params params = workload.initialParams(trial.split(0));
        Map<String, Double> start = workload.evaluate(params, Split.VALIDATION);
        BatchStream stream = workload.trainingStream(128, trial.split(1));
        Model model = workload.model(128);
        // The calibrated AdamW of workloads/README.md: lr 0.3, warm-up 5%, cosine over the 4,000-step hint.
        PlainAdamW adamw = new PlainAdamW(params, 0.3, 0.9, 0.999, 1e-8, 0, 200, 4000);
        for (int step = 0; step < 4000; step++) {
            LossAndGradients lg = model.lossAndGradients(params, stream.next());
            adamw.step(params, lg.gradients());
        }
        Map<String, Double> end = workload.evaluate(params, Split.VALIDATION);
        assertEquals(end.get("loss"), end.get("mse"));
        QuadraticData data = workload.data();
        double best = data.leastSquaresMse(data.validationX(), data.validationY());
        // From above 1.26 (signal 1 + squared intercept 0.25 + noise 0.01) to within 5% of the optimum, and past
        // the registered target.
        assertTrue(start.get("mse") > 1.26, "start " + start);
        assertTrue(end.get("mse") < 1.05 * best, "end " + end + ", best " + best);
        assertTrue(workload.spec().direction().reaches(end.get("mse"), workload.spec().validationTarget()));
    }
}
