package org.optbench.submissions.precondition;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The symmetric eigendecomposition of a d×d matrix in place: eigenvalues ascending, eigenvectors in the columns of
 * the (C-order) matrix. Through OpenBLAS's LAPACKE {@code ?syevd} (divide and conquer; measured 3x faster than
 * {@code ?syev} for d = 128 and 256, same eigenvalues to 1e-12 relative), which ND4J does not expose; the library
 * is the one ND4J's CPU backend loads. Where it cannot be loaded (another backend), ND4J's {@code syev}.
 */
final class SymmetricEigen {
    private static volatile boolean direct = true;

    private SymmetricEigen() {
    }

    /**
     * Decomposes {@code matrix} in place.
     *
     * @param matrix d×d, symmetric, contiguous in C order with its own buffer (offset 0), FLOAT or DOUBLE; its upper
     *     triangle is read; on return its columns are the eigenvectors
     * @param values d entries of the same type, contiguous, offset 0: the eigenvalues, ascending
     * @return LAPACK's info (0 on success)
     */
    static int decompose(INDArray matrix, INDArray values) {
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
