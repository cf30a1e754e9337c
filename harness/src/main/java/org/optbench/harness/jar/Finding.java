package org.optbench.harness.jar;

/**
 * One thing a submission jar may not do, where it does it.
 *
 * @param where the class, or the class and method ({@code com.example.Evil.update(Lorg/optbench/api/StepContext;)V})
 * @param what what it does there, e.g. {@code calls java/lang/System.exit(I)V}
 * @param rule the broken rule
 */
public record Finding(String where, String what, Rule rule) {
    /** The line {@code optbench check} prints: {@code WHERE WHAT [rule]}. */
    @Override
    public String toString() {
        return where + " " + what + " [" + rule.label() + "]";
    }
}
