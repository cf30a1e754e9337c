package org.optbench.harness.sandbox;

import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ND4J in a confined JVM: prints a matrix product and the JavaCPP cache it loaded its native libraries from. */
public final class SandboxNd4jProbe {
    private SandboxNd4jProbe() {
    }

    public static void main(String[] args) throws Exception {
        INDArray a = Nd4j.create(new double[][] {{1, 2}, {3, 4}});
        INDArray b = Nd4j.create(new double[][] {{5, 6}, {7, 8}});
        INDArray product = a.mmul(b).addi(1);
        System.out.println("product " + product.getDouble(0, 0) + " " + product.getDouble(0, 1) + " "
                + product.getDouble(1, 0) + " " + product.getDouble(1, 1));
        System.out.println("cache " + Loader.getCacheDir().getAbsolutePath());
    }
}
