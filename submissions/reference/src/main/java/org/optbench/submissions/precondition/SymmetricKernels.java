package org.optbench.submissions.precondition;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two symmetric kernels of Shampoo and Sketchy, called in OpenBLAS (the library ND4J's CPU backend loads)
 * because ND4J does not expose them or gets them wrong: a symmetric rank-k update of one triangle
 * ({@code ?syrk}; ND4J's {@code syrk} returned wrong entries here; half the flops of the gemm it replaces, measured
 * 1.9x faster at 256) and the symmetric eigendecomposition by divide and conquer ({@code ?syevd}; ND4J has only
 * {@code ?syev}, measured 3x slower for d = 128 and 256, same eigenvalues to 1e-12 relative). Where OpenBLAS cannot
 * be loaded (another backend), ND4J's gemm and syev are used instead. Matrices are C order; "upper" is the upper
 * triangle of the C-order matrix.
 */
public final class SymmetricKernels {
    private static volatile boolean direct = true;

    private SymmetricKernels() {
    }

    /**
     * {@code S ← β·S + α·G Gᵀ} ({@code rows} true; S is r×r) or {@code S ← β·S + α·Gᵀ G} (S is c×c) for an r×c
     * block G. Only the upper triangle of S is written (the fallback writes all of it): readers of S must read its
     * upper triangle, as {@link InverseRoot} does.
     *
     * @param g the block, C order, offset 0 in its buffer (a view at the start of a larger buffer is fine)
     * @param statistic S, C order, its own buffer; same type as g
     */
    public static void rankUpdate(INDArray g, boolean rows, double alpha, double beta, INDArray statistic) {
        int r = (int) g.rows();
        int c = (int) g.columns();
        int n = rows ? r : c;
        int k = rows ? c : r;
        if (direct && g.offset() == 0 && statistic.offset() == 0 && g.ordering() == 'c'
                && statistic.ordering() == 'c' && statistic.rows() == n) {
            try {
                int trans = rows ? openblas.CblasNoTrans : openblas.CblasTrans;
                if (g.dataType() == DataType.DOUBLE) {
                    openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, trans, n, k, alpha,
                            new DoublePointer(g.data().addressPointer()), c, beta,
                            new DoublePointer(statistic.data().addressPointer()), n);
                } else {
                    openblas.cblas_ssyrk(openblas.CblasRowMajor, openblas.CblasUpper, trans, n, k, (float) alpha,
                            new FloatPointer(g.data().addressPointer()), c, (float) beta,
                            new FloatPointer(statistic.data().addressPointer()), n);
                }
                return;
            } catch (LinkageError e) {
                direct = false;
            }
        }
        Nd4j.gemm(g, g, statistic, !rows, rows, alpha, beta);
    }

    /**
     * Decomposes a symmetric d×d matrix in place: eigenvalues ascending into {@code values}, eigenvectors into the
     * columns of the matrix. Reads the upper triangle.
     *
     * @param matrix d×d, C order with its own buffer (offset 0), FLOAT or DOUBLE
     * @param values d entries of the same type, offset 0
     * @return LAPACK's info (0 on success)
     */
    public static int eigen(INDArray matrix, INDArray values) {
        int d = (int) matrix.rows();
        if (matrix.offset() != 0 || values.offset() != 0 || matrix.ordering() != 'c'
                || matrix.columns() != d || values.length() != d || matrix.dataType() != values.dataType()) {
            throw new IllegalArgumentException("need a square C-order matrix and its values, both unshifted");
        }
        if (direct) {
            try {
                if (matrix.dataType() == DataType.DOUBLE) {
                    return openblas.LAPACKE_dsyevd(openblas.LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'U', d,
                            new DoublePointer(matrix.data().addressPointer()), d,
                            new DoublePointer(values.data().addressPointer()));
                }
                return openblas.LAPACKE_ssyevd(openblas.LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'U', d,
                        new FloatPointer(matrix.data().addressPointer()), d,
                        new FloatPointer(values.data().addressPointer()));
            } catch (LinkageError e) {
                direct = false;
            }
        }
        return Nd4j.getBlasWrapper().lapack().syev('V', 'U', matrix, values);
    }
}
