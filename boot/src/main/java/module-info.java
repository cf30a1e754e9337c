/**
 * The boot module of a confined trial JVM, its only module besides the JDK's ({@code --module-path} holds it alone,
 * the class path is empty). It exports and opens nothing: whatever a submission does, it finds in here neither the
 * layer it built nor a way to call it. The launcher exports and opens {@code sun.misc} (the stand-in for
 * {@code jdk.unsupported}'s {@code Unsafe}) to the libraries module at run time, and to no other.
 */
module optbench.boot {
    // ConfinedMain finds the application's MainRunner among the layer's Consumer providers.
    uses java.util.function.Consumer;
}
